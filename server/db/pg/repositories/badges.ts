/** PostgreSQL twin of db/repositories/badges.ts. */
import { and, asc, eq, like } from 'drizzle-orm';
import type { BadgeRow } from '../../repositories/badges';
import type { PgDb } from '../client';
import { badges } from '../schema';

export async function insertBadge(db: PgDb, row: { userId: number; code: string; challengeId: number; earnedAt: number }): Promise<boolean> {
  return (await db.insert(badges).values(row).onConflictDoNothing().returning({ userId: badges.userId })).length > 0;
}

export async function badgesOfUser(db: PgDb, userId: number): Promise<BadgeRow[]> {
  return db.select().from(badges).where(eq(badges.userId, userId)).orderBy(asc(badges.earnedAt), asc(badges.code));
}

export async function streakBadgesOf(db: PgDb, challengeId: number): Promise<{ userId: number; code: string }[]> {
  return db
    .select({ userId: badges.userId, code: badges.code })
    .from(badges)
    .where(and(eq(badges.challengeId, challengeId), like(badges.code, 'streak-%')));
}
