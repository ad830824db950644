/**
 * Admin panel login: the bot hands an admin a one-time link (random token, 10 minutes, single
 * use); opening it creates a server-side session (12 hours). Only SHA-256 hashes are stored.
 * The CSRF token of a session is derived from the session token (HMAC), so it never has to be
 * stored in clear either.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ServiceError } from '../../domain/errors';
import { now, write, type ServiceContext } from '../context';
import { requireAdmin, type AdminActor } from './access';

export const LOGIN_LINK_TTL_MS = 10 * 60 * 1000;
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** 256 random bits, URL-safe. */
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('qadam-admin-csrf').digest('base64url');
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** For an admin only: a fresh one-time login token (the caller builds the URL). */
export async function createLoginLink(ctx: ServiceContext, telegramId: number): Promise<{ token: string; expiresAt: string }> {
  await requireAdmin(ctx, telegramId);
  const when = now(ctx);
  const token = newToken();
  await write(ctx, async (tx) => {
    await tx.adminSessions.purgeExpired(when.ms);
    await tx.adminSessions.insertLoginToken({ tokenHash: hashToken(token), telegramId, expiresAt: when.ms + LOGIN_LINK_TTL_MS, createdAt: when.ms });
  });
  return { token, expiresAt: new Date(when.ms + LOGIN_LINK_TTL_MS).toISOString() };
}

export interface NewSession {
  /** The cookie value; shown once, never stored. */
  sessionToken: string;
  csrfToken: string;
  actor: AdminActor;
  expiresAt: string;
  maxAgeSeconds: number;
}

const badLink = () =>
  new ServiceError('UNAUTHORIZED', 'This login link has expired or was already used. Send /admin to the bot for a new one.', {
    reason: 'LOGIN_LINK',
  });

/** Spends a login token (once) and opens a session for its admin. */
export async function consumeLoginLink(ctx: ServiceContext, token: string): Promise<NewSession> {
  if (!isWellFormedToken(token)) throw badLink();
  const when = now(ctx);
  const sessionToken = newToken();
  const csrfToken = csrfTokenOf(sessionToken);
  const actor = await write(ctx, async (tx) => {
    const used = await tx.adminSessions.useLoginToken(hashToken(token), when.ms);
    if (!used) throw badLink();
    // Still an admin, not banned? (the link may have been sent before a removal)
    const who = await requireAdmin(ctx, used.telegramId, tx);
    await tx.adminSessions.insertSession({
      tokenHash: hashToken(sessionToken),
      telegramId: who.telegramId,
      csrfHash: hashToken(csrfToken),
      expiresAt: when.ms + SESSION_TTL_MS,
      createdAt: when.ms,
    });
    await tx.admins.insertAudit({ actorTelegramId: who.telegramId, action: 'admin.login', targetType: 'admin', targetId: who.telegramId, at: when.ms });
    return who;
  });
  return {
    sessionToken,
    csrfToken,
    actor,
    expiresAt: new Date(when.ms + SESSION_TTL_MS).toISOString(),
    maxAgeSeconds: Math.floor(SESSION_TTL_MS / 1000),
  };
}

export interface LiveSession {
  telegramId: number;
  csrfToken: string;
  expiresAt: string;
}

/** The live session of a cookie value, or null (unknown, tampered, expired, logged out). */
export async function findSession(ctx: ServiceContext, sessionToken: string): Promise<LiveSession | null> {
  if (!isWellFormedToken(sessionToken)) return null;
  const row = await ctx.store.repos.adminSessions.findLiveSession(hashToken(sessionToken), now(ctx).ms);
  if (!row) return null;
  const csrfToken = csrfTokenOf(sessionToken);
  // Defence in depth: the stored hash must match the derived token.
  if (!safeEqual(hashToken(csrfToken), row.csrfToken)) return null;
  return { telegramId: row.telegramId, csrfToken, expiresAt: new Date(row.expiresAt).toISOString() };
}

export async function endSession(ctx: ServiceContext, sessionToken: string): Promise<void> {
  if (!isWellFormedToken(sessionToken)) return;
  const when = now(ctx);
  await write(ctx, async (tx) => {
    const row = await tx.adminSessions.findLiveSession(hashToken(sessionToken), when.ms);
    await tx.adminSessions.deleteSession(hashToken(sessionToken));
    if (row) await tx.admins.insertAudit({ actorTelegramId: row.telegramId, action: 'admin.logout', targetType: 'admin', targetId: row.telegramId, at: when.ms });
  });
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
