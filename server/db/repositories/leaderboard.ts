/**
 * Leaderboard figures. The all-time figures live in the membership row (user_challenges total,
 * days, last_at: the submit transaction adds to them; a changed result rewrites them from the
 * submissions), and eligibility is read live from the membership and the member. A day,
 * week or month is summed from the submissions of its range when asked (domain/periods.ts
 * isStoredKind): the read model asks once per board, then keeps it moving from events.
 */
import { and, asc, between, desc, eq, gt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { isStoredKind, rangeOfPeriod, type PeriodKind } from '../../domain/periods';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { submissions, userChallenges, users } from '../schema';
import { alias } from 'drizzle-orm/sqlite-core';
import { eligibleSql, shownNameOf } from '../rules';
import { recountParticipants } from './challenges';

const uc = alias(userChallenges, 'uc');
const u = alias(users, 'u');

export interface PeriodRef {
  kind: PeriodKind;
  key: string;
}

export interface PeriodFigures {
  total: number;
  days: number;
  lastAt: number;
}

/** The member's membership row, by placeholders `userId` and `challengeId`. */
const membershipRow = and(eq(userChallenges.userId, sql.placeholder('userId')), eq(userChallenges.challengeId, sql.placeholder('challengeId')));

/** Adds a result to the all-time figures of the membership row (the streak's update writes the same row). */
const addAllTimeStatement = prepared((db) =>
  db
    .update(userChallenges)
    .set({
      // Rounded to the 6 decimals values are stored with, so sums never show binary noise.
      total: sql`round(${userChallenges.total} + ${sql.placeholder('value')}, 6)`,
      days: sql`${userChallenges.days} + 1`,
      lastAt: sql`max(coalesce(${userChallenges.lastAt}, 0), ${sql.placeholder('at')})`,
    })
    .where(membershipRow)
    .returning({ total: userChallenges.total, days: userChallenges.days, lastAt: sql<number>`${userChallenges.lastAt}` })
    .prepare(),
);

/** The range of a summed period, as the day bounds of a query. */
function daysOf(period: PeriodRef): { from: string; to: string } {
  const { from, to } = rangeOfPeriod(period.kind, period.key);
  return { from: from!, to: to! };
}

/** Sum and count of a member's results in range `r` (its bounds are placeholders `r`From, `r`To). */
const rangeFigures = (r: 'a' | 'b') => {
  const inRange = sql`${submissions.day} between ${sql.placeholder(`${r}From`)} and ${sql.placeholder(`${r}To`)}`;
  return {
    [`${r}Total`]: sql<number>`round(coalesce(sum(case when ${inRange} then ${submissions.value} end), 0), 6)`,
    [`${r}Days`]: sql<number>`count(case when ${inRange} then 1 end)`,
  } as Record<`${typeof r}Total` | `${typeof r}Days`, SQL<number>>;
};

/** A member's results in a challenge between placeholders `from` and `to` (the member's own index). */
const memberRange = and(
  eq(submissions.userId, sql.placeholder('userId')),
  eq(submissions.challengeId, sql.placeholder('challengeId')),
  between(submissions.day, sql.placeholder('from'), sql.placeholder('to')),
);

/** A member's figures in two day ranges at once (a week and a month), from the member's index alone. */
const memberRangesStatement = prepared((db) =>
  db
    .select({ ...rangeFigures('a'), ...rangeFigures('b') })
    .from(submissions)
    .where(memberRange)
    .prepare(),
);

/**
 * Adds a result of today, just stored, to the member's figures of `periods` (the member is
 * eligible: they just submitted) and returns them, in the order of `periods`. The stored
 * all-time row is added to; the day holds this one result; the week and the month are read
 * back in one statement from the member's results of their ranges, which include the new one
 * — the latest result, so `at` is each period's last time.
 */
export function addToTotals(db: Db, challengeId: number, userId: number, periods: readonly PeriodRef[], value: number, at: number): PeriodFigures[] {
  const ranges = periods.filter((p) => !isStoredKind(p.kind) && p.kind !== 'd').map(daysOf);
  if (ranges.length > 2) throw new Error('addToTotals sums at most two ranges (a week and a month)');
  const [a, b = a] = ranges;
  const summed = a
    ? memberRangesStatement(db).get({
        userId,
        challengeId,
        aFrom: a.from,
        aTo: a.to,
        bFrom: b!.from,
        bTo: b!.to,
        from: a.from < b!.from ? a.from : b!.from,
        to: a.to > b!.to ? a.to : b!.to,
      })!
    : null;
  let next = 0;
  return periods.map((p) => {
    if (isStoredKind(p.kind)) {
      const added = addAllTimeStatement(db).get({ challengeId, userId, value, at });
      if (!added) throw new Error(`no membership of member ${userId} in challenge ${challengeId} to add a result to`);
      return added;
    }
    if (p.kind === 'd') return { total: value, days: 1, lastAt: at };
    const r = next++ === 0 ? 'a' : 'b';
    return { total: summed![`${r}Total`], days: summed![`${r}Days`], lastAt: at };
  });
}

/** Replaces the stored all-time figures with freshly computed ones; summed periods store nothing. */
export function writeTotals(db: Db, challengeId: number, userId: number, period: PeriodRef, figures: { total: number; days: number; lastAt: number | null }): void {
  if (!isStoredKind(period.kind)) return;
  const none = figures.days === 0 || figures.lastAt === null;
  db.update(userChallenges)
    .set(none ? { total: 0, days: 0, lastAt: null } : { total: figures.total, days: figures.days, lastAt: figures.lastAt })
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)))
    .run();
}

export interface LeaderboardRow {
  userId: number;
  displayName: string;
  total: number;
  days: number;
  lastAt: number;
}

/** The eligible members of a challenge with a result, and their all-time figures (`extra`: columns of the member's row). */
function allTimeFigures<E extends Record<string, SQL.Aliased | SQL>>(db: Db, challengeId: number | SQLWrapper, extra: (member: typeof u) => E) {
  return db
    .select({ userId: uc.userId, total: uc.total, days: uc.days, lastAt: sql<number>`${uc.lastAt}`, ...extra(u) })
    .from(uc)
    .innerJoin(u, eq(u.id, uc.userId))
    .where(and(eq(uc.challengeId, challengeId), gt(uc.days, 0), eligibleSql(uc, u)))
    // The leaderboard order of domain/ranking.ts: larger sum, more days, earlier last result, smaller id.
    .orderBy(desc(uc.total), desc(uc.days), asc(uc.lastAt), asc(uc.userId));
}

const allTimeFiguresStatement = prepared((db) => allTimeFigures(db, sql.placeholder('challengeId'), () => ({})).prepare());

/**
 * Per member of a challenge: the sum, count and last time of their results in a day range,
 * summed from the challenge's covering index first and only then joined to each member's
 * eligibility (a current member, not banned): one lookup a member instead of one a result —
 * a month of a 100,000-member club sums in ~150 ms instead of ~700 ms.
 */
const summedPerMember = (db: Db, challengeId: number | SQLWrapper, from: string | SQLWrapper, to: string | SQLWrapper) =>
  db
    .select({
      userId: submissions.userId,
      // Named apart from the membership row's all-time columns, which the query joins.
      total: sql<number>`round(sum(${submissions.value}), 6)`.as('period_total'),
      days: sql<number>`count(*)`.as('period_days'),
      lastAt: sql<number>`max(${submissions.createdAt})`.as('period_last_at'),
    })
    .from(submissions)
    .where(and(eq(submissions.challengeId, challengeId), between(submissions.day, from, to)))
    .groupBy(submissions.userId)
    .as('summed');

/** The eligible members' sums in rank order; `extra` adds columns of the member's row. */
function summedFigures<E extends Record<string, SQL.Aliased | SQL>>(
  db: Db,
  challengeId: number | SQLWrapper,
  from: string | SQLWrapper,
  to: string | SQLWrapper,
  extra: (member: typeof u) => E,
) {
  const t = summedPerMember(db, challengeId, from, to);
  return db
    .select({ userId: t.userId, total: t.total, days: t.days, lastAt: t.lastAt, ...extra(u) })
    .from(t)
    .innerJoin(uc, and(eq(uc.userId, t.userId), eq(uc.challengeId, challengeId)))
    .innerJoin(u, eq(u.id, t.userId))
    .where(eligibleSql(uc, u))
    .orderBy(desc(t.total), desc(t.days), asc(t.lastAt), asc(t.userId));
}

const summedFiguresStatement = prepared((db) =>
  summedFigures(db, sql.placeholder('challengeId'), sql.placeholder('from'), sql.placeholder('to'), () => ({})).prepare(),
);

/**
 * The eligible figures of a period in rank order, without names (the in-memory boards). No
 * index keeps the rows in that order, so this reads the period and sorts (a month sums one
 * challenge's results of 28–31 days).
 */
export function rankedFigures(db: Db, challengeId: number, period: PeriodRef): (PeriodFigures & { userId: number })[] {
  if (!isStoredKind(period.kind)) return summedFiguresStatement(db).all({ challengeId, ...daysOf(period) });
  return allTimeFiguresStatement(db).all({ challengeId });
}

/** All ranked rows of a period with names (results jobs, CSV export). */
export function allTotals(db: Db, challengeId: number, period: PeriodRef): LeaderboardRow[] {
  const shownName = (m: typeof u) => ({ displayName: shownNameOf(m) });
  if (isStoredKind(period.kind)) return allTimeFigures(db, challengeId, shownName).all();
  const { from, to } = daysOf(period);
  return summedFigures(db, challengeId, from, to, shownName).all();
}

const allTimeOfUserStatement = prepared((db) =>
  db
    .select({ total: uc.total, days: uc.days, lastAt: uc.lastAt, eligible: sql<number>`${eligibleSql(uc, u)}` })
    .from(uc)
    .innerJoin(u, eq(u.id, uc.userId))
    .where(and(eq(uc.userId, sql.placeholder('userId')), eq(uc.challengeId, sql.placeholder('challengeId'))))
    .prepare(),
);

const summedOfUserStatement = prepared((db) =>
  db
    .select({
      total: sql<number>`round(sum(${submissions.value}), 6)`,
      days: sql<number>`count(*)`,
      lastAt: sql<number>`max(${submissions.createdAt})`,
      eligible: sql<number>`coalesce((select ${eligibleSql(uc, u)} from ${userChallenges} uc join ${users} u on u.id = uc.user_id
        where uc.user_id = ${sql.placeholder('userId')} and uc.challenge_id = ${sql.placeholder('challengeId')}), 0)`,
    })
    .from(submissions)
    .where(memberRange)
    .prepare(),
);

/** A member's figures for one period, whether or not they are eligible to be shown (undefined: no result in it). */
export function totalsOfUser(db: Db, userId: number, challengeId: number, period: PeriodRef): (PeriodFigures & { eligible: boolean }) | undefined {
  if (isStoredKind(period.kind)) {
    const row = allTimeOfUserStatement(db).get({ userId, challengeId });
    return !row || row.days === 0 || row.lastAt === null ? undefined : { total: row.total, days: row.days, lastAt: row.lastAt, eligible: row.eligible === 1 };
  }
  const row = summedOfUserStatement(db).get({ userId, challengeId, ...daysOf(period) })!;
  return row.days === 0 ? undefined : { total: row.total, days: row.days, lastAt: row.lastAt, eligible: row.eligible === 1 };
}

/**
 * After a membership or ban change: keeps the challenges' participant counts exact (the boards
 * read eligibility live from the membership and the member).
 */
export function recountParticipantsOf(db: Db, userId: number, challengeId?: number): void {
  const affected =
    challengeId !== undefined
      ? [challengeId]
      : db.select({ id: userChallenges.challengeId }).from(userChallenges).where(eq(userChallenges.userId, userId)).all().map((r) => r.id);
  recountParticipants(db, affected);
}
