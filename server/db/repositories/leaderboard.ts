/**
 * Maintained leaderboard aggregates. The submit transaction adds to four rows (day, week, month,
 * all); deleting a submission rewrites them from the submissions themselves.
 */
import { and, asc, desc, eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { PeriodKind } from '../../domain/periods';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { leaderboardTotals, userChallenges, users } from '../schema';
import { alias } from 'drizzle-orm/sqlite-core';
import { eligibleSql } from '../rules';
import { recountParticipants } from './challenges';

const uc = alias(userChallenges, 'uc');
const u = alias(users, 'u');
import { shownNameSql } from '../rules';

export interface PeriodRef {
  kind: PeriodKind;
  key: string;
}

export interface PeriodFigures {
  total: number;
  days: number;
  lastAt: number;
}

const addStatement = prepared((db) =>
  db
    .insert(leaderboardTotals)
    .values({
      challengeId: sql.placeholder('challengeId'),
      kind: sql.placeholder('kind'),
      periodKey: sql.placeholder('key'),
      userId: sql.placeholder('userId'),
      total: sql.placeholder('value'),
      days: 1,
      lastAt: sql.placeholder('at'),
      eligible: true,
    })
    .onConflictDoUpdate({
      target: [leaderboardTotals.challengeId, leaderboardTotals.kind, leaderboardTotals.periodKey, leaderboardTotals.userId],
      set: {
        // Rounded to the 6 decimals values are stored with, so sums never show binary noise.
        total: sql`round(${leaderboardTotals.total} + ${sql.placeholder('value')}, 6)`,
        days: sql`${leaderboardTotals.days} + 1`,
        lastAt: sql`max(${leaderboardTotals.lastAt}, ${sql.placeholder('at')})`,
        eligible: true,
      },
    })
    .returning({ total: leaderboardTotals.total, days: leaderboardTotals.days, lastAt: leaderboardTotals.lastAt })
    .prepare(),
);

/**
 * Adds a submitted value to the member's rows of `periods` (the member is eligible: they just
 * submitted) and returns each row's new figures, in the order of `periods`.
 */
export function addToTotals(db: Db, challengeId: number, userId: number, periods: PeriodRef[], value: number, at: number): PeriodFigures[] {
  return periods.map((p) => addStatement(db).get({ challengeId, kind: p.kind, key: p.key, userId, value, at })!);
}

/** Replaces one aggregate row with freshly computed figures (or removes it when empty). */
export function writeTotals(
  db: Db,
  challengeId: number,
  userId: number,
  period: PeriodRef,
  figures: { total: number; days: number; lastAt: number | null },
  eligible: boolean,
): void {
  const where = and(periodRows(challengeId, period.kind, period.key), eq(leaderboardTotals.userId, userId));
  if (figures.days === 0 || figures.lastAt === null) {
    db.delete(leaderboardTotals).where(where).run();
    return;
  }
  db.insert(leaderboardTotals)
    .values({ challengeId, kind: period.kind, periodKey: period.key, userId, total: figures.total, days: figures.days, lastAt: figures.lastAt, eligible })
    .onConflictDoUpdate({
      target: [leaderboardTotals.challengeId, leaderboardTotals.kind, leaderboardTotals.periodKey, leaderboardTotals.userId],
      set: { total: figures.total, days: figures.days, lastAt: figures.lastAt, eligible },
    })
    .run();
}

export interface LeaderboardRow {
  userId: number;
  displayName: string;
  total: number;
  days: number;
  lastAt: number;
}

/** The leaderboard order of domain/ranking.ts: larger sum, more days, earlier last result, smaller id. */
const rankOrder = [desc(leaderboardTotals.total), desc(leaderboardTotals.days), asc(leaderboardTotals.lastAt), asc(leaderboardTotals.userId)];

/** One period's rows of a challenge (values or placeholders of prepared statements). */
const periodRows = (challengeId: number | SQLWrapper, kind: PeriodKind | SQLWrapper, key: string | SQLWrapper) =>
  and(eq(leaderboardTotals.challengeId, challengeId), eq(leaderboardTotals.kind, kind), eq(leaderboardTotals.periodKey, key));

const rankedFiguresStatement = prepared((db) =>
  db
    .select({ userId: leaderboardTotals.userId, total: leaderboardTotals.total, days: leaderboardTotals.days, lastAt: leaderboardTotals.lastAt })
    .from(leaderboardTotals)
    .where(and(periodRows(sql.placeholder('challengeId'), sql.placeholder('kind'), sql.placeholder('key')), eq(leaderboardTotals.eligible, true)))
    .orderBy(...rankOrder)
    .prepare(),
);

/**
 * The eligible figures of a period in rank order, without names (the in-memory boards). No
 * index keeps the rows in that order, so this reads the period and sorts: a few milliseconds
 * for tens of thousands of rows.
 */
export function rankedFigures(db: Db, challengeId: number, period: PeriodRef): (PeriodFigures & { userId: number })[] {
  return rankedFiguresStatement(db).all({ challengeId, kind: period.kind, key: period.key });
}

/** All ranked rows of a period with names (results jobs, CSV export). */
export function allTotals(db: Db, challengeId: number, period: PeriodRef): LeaderboardRow[] {
  return db
    .select({
      userId: leaderboardTotals.userId,
      displayName: shownNameSql,
      total: leaderboardTotals.total,
      days: leaderboardTotals.days,
      lastAt: leaderboardTotals.lastAt,
    })
    .from(leaderboardTotals)
    .innerJoin(users, eq(users.id, leaderboardTotals.userId))
    .where(and(periodRows(challengeId, period.kind, period.key), eq(leaderboardTotals.eligible, true)))
    .orderBy(...rankOrder)
    .all();
}

const totalsOfUserStatement = prepared((db) =>
  db
    .select()
    .from(leaderboardTotals)
    .where(
      and(
        periodRows(sql.placeholder('challengeId'), sql.placeholder('kind'), sql.placeholder('key')),
        eq(leaderboardTotals.userId, sql.placeholder('userId')),
      ),
    )
    .prepare(),
);

/** A member's figures for one period, whether or not they are eligible to be shown. */
export function totalsOfUser(db: Db, userId: number, challengeId: number, period: PeriodRef) {
  return totalsOfUserStatement(db).get({ userId, challengeId, kind: period.kind, key: period.key });
}

/**
 * After a membership or ban change: keeps the leaderboard index's "eligible" flag equal to
 * "member and not banned", and the challenges' participant counts exact.
 */
export function refreshEligibility(db: Db, userId: number, challengeId?: number): void {
  const scope = challengeId === undefined
    ? eq(leaderboardTotals.userId, userId)
    : and(eq(leaderboardTotals.userId, userId), eq(leaderboardTotals.challengeId, challengeId));
  db.update(leaderboardTotals)
    .set({
      eligible: sql`coalesce((
        select ${eligibleSql(uc, u)}
        from ${userChallenges} uc join ${users} u on u.id = uc.user_id
        where uc.user_id = "leaderboard_totals"."user_id" and uc.challenge_id = "leaderboard_totals"."challenge_id"
      ), 0)`,
    })
    .where(scope)
    .run();
  const affected =
    challengeId !== undefined
      ? [challengeId]
      : db.select({ id: userChallenges.challengeId }).from(userChallenges).where(eq(userChallenges.userId, userId)).all().map((r) => r.id);
  recountParticipants(db, affected);
}
