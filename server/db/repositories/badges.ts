/** Milestone badges (domain/badges.ts): written only when earned, never removed. */
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { badges } from '../schema';

export type BadgeRow = typeof badges.$inferSelect;

/** Stores an earned badge; false when the member already held it (nothing written). */
const insertStatement = prepared((db) =>
  db
    .insert(badges)
    .values({
      userId: sql.placeholder('userId'),
      code: sql.placeholder('code'),
      challengeId: sql.placeholder('challengeId'),
      earnedAt: sql.placeholder('earnedAt'),
    })
    .onConflictDoNothing()
    .returning({ userId: badges.userId })
    .prepare(),
);

export function insertBadge(db: Db, row: { userId: number; code: string; challengeId: number; earnedAt: number }): boolean {
  return insertStatement(db).all(row).length > 0;
}

const ofUserStatement = prepared((db) =>
  db
    .select()
    .from(badges)
    .where(eq(badges.userId, sql.placeholder('userId')))
    .orderBy(asc(badges.earnedAt), asc(badges.code))
    .prepare(),
);

/** Every badge of a member, oldest first (the profile reads it: a prepared statement). */
export function badgesOfUser(db: Db, userId: number): BadgeRow[] {
  return ofUserStatement(db).all({ userId });
}

/** The streak badges held in a challenge (the boards' marks). */
export function streakBadgesOf(db: Db, challengeId: number): { userId: number; code: string }[] {
  return db
    .select({ userId: badges.userId, code: badges.code })
    .from(badges)
    .where(and(eq(badges.challengeId, challengeId), like(badges.code, 'streak-%')))
    .all();
}
