/**
 * Admin login links and admin sessions. Only SHA-256 hashes of the tokens are stored: a copy of
 * the database never lets anyone log in.
 */
import { and, eq, gt, isNull, lte, or, isNotNull } from 'drizzle-orm';
import type { Db } from '../client';
import { adminLoginTokens, adminSessions } from '../schema';

export type AdminSessionRow = typeof adminSessions.$inferSelect;

export function insertLoginToken(db: Db, row: { tokenHash: string; telegramId: number; expiresAt: number; createdAt: number }): void {
  db.insert(adminLoginTokens).values(row).run();
}

/**
 * Marks the link used and returns its owner, in one statement: of two concurrent uses of the same
 * link exactly one gets a row back. Expired or used links return undefined.
 */
export function useLoginToken(db: Db, tokenHash: string, now: number): { telegramId: number } | undefined {
  return db
    .update(adminLoginTokens)
    .set({ usedAt: now })
    .where(and(eq(adminLoginTokens.tokenHash, tokenHash), isNull(adminLoginTokens.usedAt), gt(adminLoginTokens.expiresAt, now)))
    .returning({ telegramId: adminLoginTokens.telegramId })
    .get();
}

export function insertSession(
  db: Db,
  row: { tokenHash: string; telegramId: number; csrfHash: string; expiresAt: number; createdAt: number },
): void {
  db.insert(adminSessions)
    .values({ tokenHash: row.tokenHash, telegramId: row.telegramId, csrfToken: row.csrfHash, expiresAt: row.expiresAt, createdAt: row.createdAt })
    .run();
}

/** A session that has not expired at `now`. */
export function findLiveSession(db: Db, tokenHash: string, now: number): AdminSessionRow | undefined {
  return db
    .select()
    .from(adminSessions)
    .where(and(eq(adminSessions.tokenHash, tokenHash), gt(adminSessions.expiresAt, now)))
    .get();
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash)).run();
}

/** Drops expired sessions and links that can no longer be used (housekeeping). */
export function purgeExpired(db: Db, now: number): void {
  db.delete(adminSessions).where(lte(adminSessions.expiresAt, now)).run();
  db.delete(adminLoginTokens)
    .where(or(lte(adminLoginTokens.expiresAt, now), isNotNull(adminLoginTokens.usedAt)))
    .run();
}
