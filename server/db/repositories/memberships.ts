import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { challenges, userChallenges } from '../schema';

export type MembershipRow = typeof userChallenges.$inferSelect;

export function findMembership(db: Db, userId: number, challengeId: number): MembershipRow | undefined {
  return db
    .select()
    .from(userChallenges)
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)))
    .get();
}

/** Joins, or rejoins keeping the streak and history of the earlier membership. */
export function upsertMembership(db: Db, userId: number, challengeId: number, now: number): void {
  db.insert(userChallenges)
    .values({ userId, challengeId, isMember: true, joinedAt: now })
    .onConflictDoUpdate({
      target: [userChallenges.userId, userChallenges.challengeId],
      set: { isMember: true, leftAt: null },
    })
    .run();
}

export function endMembership(db: Db, userId: number, challengeId: number, now: number): void {
  db.update(userChallenges)
    .set({ isMember: false, leftAt: now })
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)))
    .run();
}

export function setStreak(
  db: Db,
  userId: number,
  challengeId: number,
  streak: { current: number; best: number; lastCountedDay: string | null },
): void {
  db.update(userChallenges)
    .set({ currentStreak: streak.current, bestStreak: streak.best, lastCountedDay: streak.lastCountedDay })
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)))
    .run();
}

/** Memberships with their challenge, current ones first (for profiles and admin details). */
export function membershipsOfUser(db: Db, userId: number, opts: { currentOnly: boolean }) {
  return db
    .select({ membership: userChallenges, challenge: challenges })
    .from(userChallenges)
    .innerJoin(challenges, eq(challenges.id, userChallenges.challengeId))
    .where(and(eq(userChallenges.userId, userId), opts.currentOnly ? eq(userChallenges.isMember, true) : undefined))
    .orderBy(asc(challenges.id))
    .all();
}
