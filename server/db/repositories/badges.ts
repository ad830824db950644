/** Milestone badges (domain/badges.ts): written only when earned, never removed. */
import { and, asc, eq, like } from 'drizzle-orm';
import type { Db } from '../client';
import { badges } from '../schema';

export type BadgeRow = typeof badges.$inferSelect;

/** Stores an earned badge; false when the member already held it (nothing written). */
export function insertBadge(db: Db, row: { userId: number; code: string; challengeId: number; earnedAt: number }): boolean {
  return db.insert(badges).values(row).onConflictDoNothing().returning({ userId: badges.userId }).all().length > 0;
}

/** Every badge of a member, oldest first. */
export function badgesOfUser(db: Db, userId: number): BadgeRow[] {
  return db.select().from(badges).where(eq(badges.userId, userId)).orderBy(asc(badges.earnedAt), asc(badges.code)).all();
}

/** The streak badges held in a challenge (the boards' marks). */
export function streakBadgesOf(db: Db, challengeId: number): { userId: number; code: string }[] {
  return db
    .select({ userId: badges.userId, code: badges.code })
    .from(badges)
    .where(and(eq(badges.challengeId, challengeId), like(badges.code, 'streak-%')))
    .all();
}
