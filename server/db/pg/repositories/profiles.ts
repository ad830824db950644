/** PostgreSQL twin of db/repositories/profiles.ts. */
import { and, asc, between, eq, gte, sql } from 'drizzle-orm';
import type { HeldProfileRows } from '../../repositories/profiles';
import type { PgDb } from '../client';
import { badges, streakFreezes, submissions, userChallenges, users } from '../schema';

export async function heldProfileRows(db: PgDb, fromUserId: number, toUserId: number, since: string, today: string): Promise<HeldProfileRows> {
  const [memberships, results, todays, freezeDays, badgeRows] = await Promise.all([
    db
      .select({
        userId: userChallenges.userId,
        challengeId: userChallenges.challengeId,
        currentStreak: userChallenges.currentStreak,
        bestStreak: userChallenges.bestStreak,
        lastCountedDay: userChallenges.lastCountedDay,
        freezes: userChallenges.freezes,
        total: userChallenges.total,
        days: userChallenges.days,
      })
      .from(userChallenges)
      .where(and(between(userChallenges.userId, fromUserId, toUserId), eq(userChallenges.isMember, true)))
      .orderBy(asc(userChallenges.userId), asc(userChallenges.challengeId)),
    db
      .select({ userId: submissions.userId, challengeId: submissions.challengeId, day: submissions.day, value: submissions.value })
      .from(submissions)
      .where(and(between(submissions.userId, fromUserId, toUserId), gte(submissions.day, since)))
      .orderBy(asc(submissions.userId), asc(submissions.challengeId), asc(submissions.day)),
    db
      .select({ userId: submissions.userId, challengeId: submissions.challengeId, id: submissions.id, createdAt: submissions.createdAt })
      .from(submissions)
      .where(and(eq(submissions.day, today), between(submissions.userId, fromUserId, toUserId))),
    db
      .select({ userId: streakFreezes.userId, challengeId: streakFreezes.challengeId, day: streakFreezes.day })
      .from(streakFreezes)
      .where(and(between(streakFreezes.userId, fromUserId, toUserId), gte(streakFreezes.day, since)))
      .orderBy(asc(streakFreezes.day)),
    db.select().from(badges).where(between(badges.userId, fromUserId, toUserId)).orderBy(asc(badges.earnedAt), asc(badges.code)),
  ]);
  return {
    memberships,
    results: results.map((r): [number, number, string, number] => [r.userId, r.challengeId, r.day, r.value]),
    todays,
    freezeDays,
    badges: badgeRows,
  };
}

export async function memberIdBounds(db: PgDb): Promise<{ min: number; max: number } | null> {
  const [row] = await db.select({ min: sql<number | null>`min(${users.id})`, max: sql<number | null>`max(${users.id})` }).from(users);
  return row?.min == null || row.max == null ? null : { min: Number(row.min), max: Number(row.max) };
}
