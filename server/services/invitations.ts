/**
 * Invitations: each member's invite code, the invitation recorded when an invited member
 * registers, and what the member and the admins see of it.
 *
 * Rules: an invitation is recorded once, in the transaction that registers the invited member
 * (never later, never overwritten: the invitee is the table's key); never to oneself; a code
 * nobody owns, or anything that is not a code, is ignored without an error.
 */
import { randomInt } from 'node:crypto';
import type { InvitationPartyRow, InvitationVia } from '../db/repositories/invitations';
import { ServiceError } from '../domain/errors';
import { INVITE_ALPHABET, INVITE_CODE, INVITE_CODE_LENGTH, parseStartParam } from '../../shared/startParam';
import type { AdminInvitationsDto, InvitationPartyDto, InviteDto } from '../../shared/sharing';
import { now, requireMember, write, type ServiceContext } from './context';
import type { Tx } from './store';
import { requireAdmin, type AdminActor } from './admin/access';
import { botStartLink, appLink, telegramShareUrl, type SharingLinks } from './links';
import { shareText } from '../../shared/i18n/share';

/** The invite code in what a member arrived with: `inv_<code>`, a start parameter holding it, or the bare code. */
export function inviteCodeIn(raw: string | undefined | null): string | null {
  if (!raw) return null;
  if (INVITE_CODE.test(raw)) return raw;
  return parseStartParam(raw).invite;
}

/**
 * Inside the registering transaction: records who invited the new member, when the code is
 * someone else's. Returns the inviter's id when recorded.
 */
export async function recordInvitation(tx: Tx, inviteeId: number, raw: string | undefined | null, via: InvitationVia, at: number): Promise<number | null> {
  const code = inviteCodeIn(raw);
  if (!code) return null;
  const inviterId = await tx.invitations.findCodeOwner(code);
  if (inviterId === undefined || inviterId === inviteeId) return null;
  return (await tx.invitations.recordInvitation({ inviteeId, inviterId, via, createdAt: at })) ? inviterId : null;
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** The member's invite code, made on first use (a concurrent first use gets the same one). */
export async function inviteCodeOf(ctx: ServiceContext, userId: number): Promise<string> {
  const known = await ctx.store.repos.invitations.findInviteCode(userId);
  if (known) return known;
  return write(ctx, async (tx) => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const existing = await tx.invitations.findInviteCode(userId);
      if (existing) return existing;
      // A taken code (about one in 10^15) is not stored: the loop draws another.
      if (await tx.invitations.insertInviteCode(userId, newCode(), now(ctx).ms)) return (await tx.invitations.findInviteCode(userId))!;
    }
    throw new Error('no free invite code');
  });
}

/** The member's invite link and how many joined through it. */
export async function myInvite(ctx: ServiceContext, links: SharingLinks, telegramId: number): Promise<InviteDto> {
  const user = await requireMember(ctx, telegramId);
  const code = await inviteCodeOf(ctx, user.id);
  const startParam = `inv_${code}`;
  const username = await links.botUsername();
  const link = appLink(links, username, startParam);
  return {
    code,
    startParam,
    link,
    botLink: username ? botStartLink(username, startParam) : null,
    shareUrl: telegramShareUrl(link, shareText(user.language).inviteText),
    joined: await ctx.store.repos.invitations.countInvited(user.id),
  };
}

function toParty(row: InvitationPartyRow): InvitationPartyDto {
  return { userId: row.userId, telegramId: row.telegramId, name: row.name, via: row.via, at: new Date(row.at).toISOString() };
}

const ADMIN_LIST_LIMIT = 200;

/** For the admin's member page: who invited this member, and whom they invited. */
export async function memberInvitations(ctx: ServiceContext, actor: AdminActor, userId: number): Promise<AdminInvitationsDto> {
  await requireAdmin(ctx, actor.telegramId);
  const { repos } = ctx.store;
  if (!(await repos.users.findUserById(userId))) throw new ServiceError('NOT_FOUND', 'No such member');
  const by = await repos.invitations.invitedBy(userId);
  const invited = await repos.invitations.invitedByMember(userId, ADMIN_LIST_LIMIT);
  const total = invited.length < ADMIN_LIST_LIMIT ? invited.length : await repos.invitations.countInvited(userId);
  return { invitedBy: by ? toParty(by) : null, invited: invited.map(toParty), total };
}
