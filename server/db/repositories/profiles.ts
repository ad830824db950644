/**
 * What the profiles held in memory are built from (services/heldProfiles.ts): everything a
 * profile shows of the members whose ids lie in a range, in one call — one member on a miss,
 * a few hundred at a time when every profile is loaded after start-up. Each query reads an
 * index in member order, so a range costs about what its rows cost.
 */
import { and, asc, between, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { badges, streakFreezes, submissions, userChallenges, users } from '../schema';
import type { BadgeRow } from './badges';

export interface HeldMembershipRow {
  userId: number;
  challengeId: number;
  currentStreak: number;
  bestStreak: number;
  lastCountedDay: string | null;
  freezes: number;
  /** All-time figures (0 without a result). */
  total: number;
  days: number;
}

/** Rows of the members in [fromUserId, toUserId]: current memberships, results since `since`, today's rows, covered days, badges. */
export interface HeldProfileRows {
  memberships: HeldMembershipRow[];
  /** [userId, challengeId, day, value], by member, challenge and day. */
  results: [number, number, string, number][];
  /** The rows of `today` with what a correction needs. */
  todays: { userId: number; challengeId: number; id: number; createdAt: number }[];
  freezeDays: { userId: number; challengeId: number; day: string }[];
  badges: BadgeRow[];
}

const range = { from: sql.placeholder('from'), to: sql.placeholder('to') };

const membershipsStatement = prepared((db) =>
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
    .where(and(between(userChallenges.userId, range.from, range.to), eq(userChallenges.isMember, true)))
    .orderBy(asc(userChallenges.userId), asc(userChallenges.challengeId))
    .prepare(),
);

// Through the unique (member, challenge, day) index: a range of members, in their order.
const resultsStatement = prepared((db) =>
  db
    .select({ userId: submissions.userId, challengeId: submissions.challengeId, day: submissions.day, value: submissions.value })
    .from(submissions)
    .where(and(between(submissions.userId, range.from, range.to), gte(submissions.day, sql.placeholder('since'))))
    .orderBy(asc(submissions.userId), asc(submissions.challengeId), asc(submissions.day))
    .prepare(),
);

const todaysStatement = prepared((db) =>
  db
    .select({ userId: submissions.userId, challengeId: submissions.challengeId, id: submissions.id, createdAt: submissions.createdAt })
    .from(submissions)
    // `+day`: through the members' unique (member, challenge, day) index, not the day's index —
    // on a busy day that one holds tens of thousands of rows to filter for a single member.
    .where(and(between(submissions.userId, range.from, range.to), sql`+${submissions.day} = ${sql.placeholder('today')}`))
    .prepare(),
);

const freezeDaysStatement = prepared((db) =>
  db
    .select({ userId: streakFreezes.userId, challengeId: streakFreezes.challengeId, day: streakFreezes.day })
    .from(streakFreezes)
    .where(and(between(streakFreezes.userId, range.from, range.to), gte(streakFreezes.day, sql.placeholder('since'))))
    .orderBy(asc(streakFreezes.day))
    .prepare(),
);

const badgesStatement = prepared((db) =>
  db
    .select()
    .from(badges)
    .where(between(badges.userId, range.from, range.to))
    .orderBy(asc(badges.earnedAt), asc(badges.code))
    .prepare(),
);

export function heldProfileRows(db: Db, fromUserId: number, toUserId: number, since: string, today: string): HeldProfileRows {
  const r = { from: fromUserId, to: toUserId };
  return {
    memberships: membershipsStatement(db).all(r),
    results: resultsStatement(db).values({ ...r, since }) as [number, number, string, number][],
    todays: todaysStatement(db).all({ ...r, today }),
    freezeDays: freezeDaysStatement(db).all({ ...r, since }),
    badges: badgesStatement(db).all(r),
  };
}

/** The lowest and highest member id (null in an empty club): the ranges a full load walks. */
export function memberIdBounds(db: Db): { min: number; max: number } | null {
  const row = db.select({ min: sql<number | null>`min(${users.id})`, max: sql<number | null>`max(${users.id})` }).from(users).get();
  return row?.min == null || row.max == null ? null : { min: row.min, max: row.max };
}
