/** PostgreSQL twin of db/repositories/streakFreezes.ts. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PgDb } from '../client';
import { streakFreezes } from '../schema';

export async function insertFreezeDays(db: PgDb, userId: number, challengeId: number, days: string[], usedAt: number): Promise<void> {
  if (days.length === 0) return;
  await db
    .insert(streakFreezes)
    .values(days.map((day) => ({ userId, challengeId, day, usedAt })))
    .onConflictDoNothing();
}

export async function freezeDaysOf(db: PgDb, userId: number, challengeId: number): Promise<string[]> {
  const rows = await db
    .select({ day: streakFreezes.day })
    .from(streakFreezes)
    .where(and(eq(streakFreezes.userId, userId), eq(streakFreezes.challengeId, challengeId)))
    .orderBy(asc(streakFreezes.day));
  return rows.map((r) => r.day);
}

export async function deleteFreezeDays(db: PgDb, userId: number, challengeId: number, days: string[]): Promise<void> {
  if (days.length === 0) return;
  await db
    .delete(streakFreezes)
    .where(and(eq(streakFreezes.userId, userId), eq(streakFreezes.challengeId, challengeId), inArray(streakFreezes.day, days)));
}
