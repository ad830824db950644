/** PostgreSQL twin of db/repositories/leaderboard.ts. */
import { and, asc, between, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ALL_TIME, isStoredKind, rangeOfPeriod, type PeriodKind } from '../../../domain/periods';
import type { LeaderboardRow, PeriodFigures, PeriodRef } from '../../repositories/leaderboard';
import type { PgDb } from '../client';
import { eligibleSql, shownNameSql } from '../rules';
import { leaderboardTotals, submissions, userChallenges, users } from '../schema';
import { recountParticipants } from './challenges';

const uc = alias(userChallenges, 'uc');
const u = alias(users, 'u');

const conflictTarget = [leaderboardTotals.challengeId, leaderboardTotals.kind, leaderboardTotals.periodKey, leaderboardTotals.userId];

function daysOf(period: PeriodRef): { from: string; to: string } {
  const { from, to } = rangeOfPeriod(period.kind, period.key);
  return { from: from!, to: to! };
}

/**
 * Adds a result of today, just stored, to the member's figures of `periods` and returns them
 * in the order of `periods` (see the SQLite twin): the all-time row is added to, the day holds
 * this one result, the week and month are read back in one statement over the member's results.
 */
export async function addToTotals(
  db: PgDb,
  challengeId: number,
  userId: number,
  periods: readonly PeriodRef[],
  value: number,
  at: number,
): Promise<PeriodFigures[]> {
  const stored = periods.filter((p) => isStoredKind(p.kind));
  // The day holds this one result; the week and the month are read back.
  const summed = periods.filter((p) => !isStoredKind(p.kind) && p.kind !== 'd').map((p) => ({ p, ...daysOf(p) }));
  const byPeriod = new Map<string, PeriodFigures>();
  for (const p of periods) if (p.kind === 'd') byPeriod.set(`${p.kind}|${p.key}`, { total: value, days: 1, lastAt: at });
  if (stored.length > 0) {
    const rows = await db
      .insert(leaderboardTotals)
      .values(stored.map((p) => ({ challengeId, kind: p.kind, periodKey: p.key, userId, total: value, days: 1, lastAt: at, eligible: true })))
      .onConflictDoUpdate({
        target: conflictTarget,
        set: {
          // Rounded to the 6 decimals values are stored with, as on SQLite.
          total: sql`round((${leaderboardTotals.total} + excluded.total)::numeric, 6)::float8`,
          days: sql`${leaderboardTotals.days} + 1`,
          lastAt: sql`greatest(${leaderboardTotals.lastAt}, excluded.last_at)`,
          eligible: true,
        },
      })
      .returning({ kind: leaderboardTotals.kind, key: leaderboardTotals.periodKey, total: leaderboardTotals.total, days: leaderboardTotals.days, lastAt: leaderboardTotals.lastAt });
    for (const r of rows) byPeriod.set(`${r.kind}|${r.key}`, { total: r.total, days: r.days, lastAt: r.lastAt });
  }
  if (summed.length > 0) {
    const columns: Record<string, SQL> = {};
    summed.forEach(({ from, to }, i) => {
      const inRange = sql`${submissions.day} between ${from} and ${to}`;
      columns[`t${i}`] = sql<number>`round(coalesce(sum(${submissions.value}) filter (where ${inRange}), 0)::numeric, 6)::float8`;
      columns[`n${i}`] = sql<number>`(count(*) filter (where ${inRange}))::int`;
    });
    const from = summed.reduce((m, r) => (r.from < m ? r.from : m), summed[0]!.from);
    const to = summed.reduce((m, r) => (r.to > m ? r.to : m), summed[0]!.to);
    const [row] = await db
      .select(columns)
      .from(submissions)
      .where(and(eq(submissions.userId, userId), eq(submissions.challengeId, challengeId), between(submissions.day, from, to)));
    summed.forEach(({ p }, i) => byPeriod.set(`${p.kind}|${p.key}`, { total: Number(row![`t${i}`]), days: Number(row![`n${i}`]), lastAt: at }));
  }
  return periods.map((p) => byPeriod.get(`${p.kind}|${p.key}`)!);
}

const periodRows = (challengeId: number, kind: PeriodKind, key: string) =>
  and(eq(leaderboardTotals.challengeId, challengeId), eq(leaderboardTotals.kind, kind), eq(leaderboardTotals.periodKey, key));

export async function writeTotals(
  db: PgDb,
  challengeId: number,
  userId: number,
  period: PeriodRef,
  figures: { total: number; days: number; lastAt: number | null },
  eligible: boolean,
): Promise<void> {
  if (!isStoredKind(period.kind)) return; // summed periods store nothing
  const where = and(periodRows(challengeId, period.kind, period.key), eq(leaderboardTotals.userId, userId));
  if (figures.days === 0 || figures.lastAt === null) {
    await db.delete(leaderboardTotals).where(where);
    return;
  }
  await db
    .insert(leaderboardTotals)
    .values({ challengeId, kind: period.kind, periodKey: period.key, userId, total: figures.total, days: figures.days, lastAt: figures.lastAt, eligible })
    .onConflictDoUpdate({ target: conflictTarget, set: { total: figures.total, days: figures.days, lastAt: figures.lastAt, eligible } });
}

const rankOrder = [desc(leaderboardTotals.total), desc(leaderboardTotals.days), asc(leaderboardTotals.lastAt), asc(leaderboardTotals.userId)];

/** Per member of a challenge: the sum, count and last time of their results in a day range. */
const summedColumns = {
  userId: submissions.userId,
  total: sql<number>`round(sum(${submissions.value})::numeric, 6)::float8`.mapWith(Number).as('total'),
  days: sql<number>`count(*)::int`.mapWith(Number).as('days'),
  lastAt: sql<number>`max(${submissions.createdAt})`.mapWith(Number).as('last_at'),
};
const summedOrder = [desc(sql`total`), desc(sql`days`), asc(sql`last_at`), asc(submissions.userId)];

function summedOf(db: PgDb, challengeId: number, period: PeriodRef) {
  const { from, to } = daysOf(period);
  return db
    .select({ ...summedColumns, displayName: sql<string>`coalesce(${u.displayName}, ${u.firstName})` })
    .from(submissions)
    .innerJoin(uc, and(eq(uc.userId, submissions.userId), eq(uc.challengeId, submissions.challengeId)))
    .innerJoin(u, eq(u.id, submissions.userId))
    .where(and(eq(submissions.challengeId, challengeId), between(submissions.day, from, to), eligibleSql(uc, u)))
    .groupBy(submissions.userId, u.displayName, u.firstName)
    .orderBy(...summedOrder);
}

export async function rankedFigures(db: PgDb, challengeId: number, period: PeriodRef): Promise<(PeriodFigures & { userId: number })[]> {
  if (!isStoredKind(period.kind)) return (await summedOf(db, challengeId, period)).map(({ displayName: _, ...f }) => f);
  return db
    .select({ userId: leaderboardTotals.userId, total: leaderboardTotals.total, days: leaderboardTotals.days, lastAt: leaderboardTotals.lastAt })
    .from(leaderboardTotals)
    .where(and(periodRows(challengeId, period.kind, period.key), eq(leaderboardTotals.eligible, true)))
    .orderBy(...rankOrder);
}

export async function allTotals(db: PgDb, challengeId: number, period: PeriodRef): Promise<LeaderboardRow[]> {
  if (!isStoredKind(period.kind)) return summedOf(db, challengeId, period);
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
    .orderBy(...rankOrder);
}

/** The member's all-time figures in every challenge they joined (the profile), in one statement. */
export async function totalsOfUser(
  db: PgDb,
  userId: number,
  challengeId: number,
  period: PeriodRef,
): Promise<(PeriodFigures & { eligible: boolean }) | undefined> {
  if (!isStoredKind(period.kind)) {
    const { from, to } = daysOf(period);
    const [row] = await db
      .select({
        total: sql<number>`round(coalesce(sum(${submissions.value}), 0)::numeric, 6)::float8`.mapWith(Number),
        days: sql<number>`count(*)::int`.mapWith(Number),
        lastAt: sql<number>`coalesce(max(${submissions.createdAt}), 0)`.mapWith(Number),
        eligible: sql<boolean>`coalesce((select ${eligibleSql(uc, u)} from ${userChallenges} uc join ${users} u on u.id = uc.user_id
          where uc.user_id = ${userId} and uc.challenge_id = ${challengeId}), false)`,
      })
      .from(submissions)
      .where(and(eq(submissions.userId, userId), eq(submissions.challengeId, challengeId), between(submissions.day, from, to)));
    return !row || row.days === 0 ? undefined : row;
  }
  const rows = await db
    .select()
    .from(leaderboardTotals)
    .where(and(periodRows(challengeId, period.kind, period.key), eq(leaderboardTotals.userId, userId)));
  return rows[0];
}

export async function refreshEligibility(db: PgDb, userId: number, challengeId?: number): Promise<void> {
  const affected =
    challengeId !== undefined
      ? [challengeId]
      : (await db.select({ id: userChallenges.challengeId }).from(userChallenges).where(eq(userChallenges.userId, userId))).map((r) => r.id);
  // Only the all-time rows are stored, found through the primary key.
  const scope = and(
    inArray(leaderboardTotals.challengeId, affected),
    eq(leaderboardTotals.kind, ALL_TIME.kind),
    eq(leaderboardTotals.periodKey, ALL_TIME.key),
    eq(leaderboardTotals.userId, userId),
  );
  await db
    .update(leaderboardTotals)
    .set({
      eligible: sql`coalesce((
        select ${eligibleSql(uc, u)}
        from ${userChallenges} uc join ${users} u on u.id = uc.user_id
        where uc.user_id = "leaderboard_totals"."user_id" and uc.challenge_id = "leaderboard_totals"."challenge_id"
      ), false)`,
    })
    .where(scope);
  await recountParticipants(db, affected);
}
