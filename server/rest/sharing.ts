/**
 * Sharing and invitations of API.md: the member's invite link, their share cards and a card
 * prepared for the Mini App's shareMessage (`/api/…`), and an admin's view of a member's
 * invitations (`/api/admin/…`).
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AuthDeps } from '../auth/requestAuth';
import { idSchema } from '../../shared/schemas';
import { shareInputSchema, shareKindSchema, type AdminInvitationsDto, type InviteDto, type PreparedShareDto, type ShareCardDto } from '../../shared/sharing';
import { adminAuth, memberAuth } from './auth';
import { dropEmptyQueryValues, readJsonBody } from './body';
import { route } from './openapi';

const cardSchema = z.object({
  id: z.string(),
  kind: shareKindSchema,
  challengeId: z.number().int(),
  title: z.string(),
  description: z.string(),
  text: z.string(),
  button: z.object({ text: z.string(), url: z.string() }),
});
const preparedSchema = z.object({
  card: cardSchema,
  preparedMessageId: z.string().nullable(),
  expiresAt: z.string().nullable(),
  fallback: z.enum(['unavailable', 'refused']).nullable(),
  shareUrl: z.string(),
  inlineQuery: z.string(),
});
const inviteSchema = z.object({
  code: z.string(),
  startParam: z.string(),
  link: z.string(),
  botLink: z.string().nullable(),
  shareUrl: z.string(),
  joined: z.number().int(),
});
const partySchema = z.object({
  userId: z.number().int(),
  telegramId: z.number().int(),
  name: z.string(),
  via: z.enum(['bot', 'app']),
  at: z.string(),
});
const invitationsSchema = z.object({ invitedBy: partySchema.nullable(), invited: z.array(partySchema), total: z.number().int() });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const matches: [
  Same<z.infer<typeof cardSchema>, ShareCardDto>,
  Same<z.infer<typeof preparedSchema>, PreparedShareDto>,
  Same<z.infer<typeof inviteSchema>, InviteDto>,
  Same<z.infer<typeof invitationsSchema>, AdminInvitationsDto>,
] = [true, true, true, true];
void matches;

const cardsQuerySchema = z.object({ challengeId: idSchema.optional() }).strict();

export function sharingRoutes(deps: AuthDeps) {
  const { services } = deps;
  return new Elysia({ name: 'rest-sharing', prefix: '/api' })
    .use(memberAuth(deps))
    .onParse(readJsonBody)
    .onTransform(dropEmptyQueryValues)
    .get('/me/invite', ({ member }) => services.invitations.myInvite(member.telegramId), {
      ...route('member', 'The caller’s invite link (`startapp=inv_<code>`, and the bot’s `start=inv_<code>`) and how many registered through it', {
        ok: [200, 'The invite link', inviteSchema],
        errors: ['NOT_REGISTERED', 'BANNED'],
      }),
    })
    .get('/share/cards', ({ member, query }) => services.sharing.shareCards(member.telegramId, query.challengeId ? { challengeId: query.challengeId } : {}), {
      query: cardsQuerySchema,
      ...route('member', 'The caller’s share cards, in their language: per current challenge the streak, and today’s result once sent', {
        ok: [200, 'The cards', z.array(cardSchema)],
        errors: ['NOT_REGISTERED', 'BANNED'],
      }),
    })
    .post('/share/prepare', ({ member, body }) => services.sharing.prepareShare(member.telegramId, body), {
      body: shareInputSchema,
      ...route('member', 'Prepare one card for the Mini App’s `shareMessage` (Bot API savePreparedInlineMessage); without it, the fallbacks', {
        ok: [200, 'The card and its prepared message id, or `fallback` with a share link and an inline query', preparedSchema],
        errors: ['NOT_REGISTERED', 'BANNED', 'NOT_FOUND'],
      }),
    });
}

export function adminInvitationRoutes(deps: AuthDeps) {
  const { services } = deps;
  return new Elysia({ name: 'rest-admin-invitations', prefix: '/api/admin' })
    .use(adminAuth(deps))
    .get('/users/:id/invitations', ({ admin, params }) => services.invitations.memberInvitations(admin, params.id), {
      params: z.object({ id: idSchema }),
      ...route('admin', 'Who invited a member, and whom they invited (newest first, at most 200)', {
        ok: [200, 'The member’s invitations', invitationsSchema],
        errors: ['NOT_FOUND'],
      }),
    });
}
