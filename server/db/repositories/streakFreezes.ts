/** The days streak freezes covered (domain/freezes.ts). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { streakFreezes } from '../schema';

export function insertFreezeDays(db: Db, userId: number, challengeId: number, days: string[], usedAt: number): void {
  if (days.length === 0) return;
  db.insert(streakFreezes)
    .values(days.map((day) => ({ userId, challengeId, day, usedAt })))
    .onConflictDoNothing()
    .run();
}

/** The covered days of a member in a challenge, oldest first. */
export function freezeDaysOf(db: Db, userId: number, challengeId: number): string[] {
  return db
    .select({ day: streakFreezes.day })
    .from(streakFreezes)
    .where(and(eq(streakFreezes.userId, userId), eq(streakFreezes.challengeId, challengeId)))
    .orderBy(asc(streakFreezes.day))
    .all()
    .map((r) => r.day);
}

/** Removes covered days (a freeze given back). */
export function deleteFreezeDays(db: Db, userId: number, challengeId: number, days: string[]): void {
  if (days.length === 0) return;
  db.delete(streakFreezes)
    .where(and(eq(streakFreezes.userId, userId), eq(streakFreezes.challengeId, challengeId), inArray(streakFreezes.day, days)))
    .run();
}
