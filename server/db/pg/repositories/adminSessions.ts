/** PostgreSQL twin of db/repositories/adminSessions.ts (same functions, same answers). */
import { and, eq, gt, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { AdminSessionRow } from '../../repositories/adminSessions';
import type { PgDb } from '../client';
import { adminLoginTokens, adminSessions } from '../schema';

export async function insertLoginToken(db: PgDb, row: { tokenHash: string; telegramId: number; expiresAt: number; createdAt: number }): Promise<void> {
  await db.insert(adminLoginTokens).values(row);
}

export async function useLoginToken(db: PgDb, tokenHash: string, now: number): Promise<{ telegramId: number } | undefined> {
  const rows = await db
    .update(adminLoginTokens)
    .set({ usedAt: now })
    .where(and(eq(adminLoginTokens.tokenHash, tokenHash), isNull(adminLoginTokens.usedAt), gt(adminLoginTokens.expiresAt, now)))
    .returning({ telegramId: adminLoginTokens.telegramId });
  return rows[0];
}

export async function insertSession(
  db: PgDb,
  row: { tokenHash: string; telegramId: number; csrfHash: string; expiresAt: number; createdAt: number },
): Promise<void> {
  await db
    .insert(adminSessions)
    .values({ tokenHash: row.tokenHash, telegramId: row.telegramId, csrfToken: row.csrfHash, expiresAt: row.expiresAt, createdAt: row.createdAt });
}

export async function findLiveSession(db: PgDb, tokenHash: string, now: number): Promise<AdminSessionRow | undefined> {
  const rows = await db
    .select()
    .from(adminSessions)
    .where(and(eq(adminSessions.tokenHash, tokenHash), gt(adminSessions.expiresAt, now)));
  return rows[0];
}

export async function deleteSession(db: PgDb, tokenHash: string): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash));
}

export async function purgeExpired(db: PgDb, now: number): Promise<void> {
  await db.delete(adminSessions).where(lte(adminSessions.expiresAt, now));
  await db.delete(adminLoginTokens).where(or(lte(adminLoginTokens.expiresAt, now), isNotNull(adminLoginTokens.usedAt)));
}
