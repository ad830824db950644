/** PostgreSQL twin of db/repositories/leaderboard.ts. */
import { and, asc, between, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isStoredKind, rangeOfPeriod } from '../../../domain/periods';
import type { LeaderboardRow, PeriodFigures, PeriodRef } from '../../repositories/leaderboard';
import type { PgDb } from '../client';
import { eligibleSql, shownNameOf } from '../rules';
import { submissions, userChallenges, users } from '../schema';
import { recountParticipants } from './challenges';

const uc = alias(userChallenges, 'uc');
const u = alias(users, 'u');

const membershipRow = (userId: number, challengeId: number) => and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId));

function daysOf(period: PeriodRef): { from: string; to: string } {
  const { from, to } = rangeOfPeriod(period.kind, period.key);
  return { from: from!, to: to! };
}

/**
 * Adds a result of today, just stored, to the member's figures of `periods` and returns them
 * in the order of `periods` (see the SQLite twin): the membership row's all-time figures are added to, the day holds
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
  for (const p of stored) {
    const [row] = await db
      .update(userChallenges)
      .set({
        // Rounded to the 6 decimals values are stored with, as on SQLite.
        total: sql`round((${userChallenges.total} + ${value})::numeric, 6)::float8`,
        days: sql`${userChallenges.days} + 1`,
        lastAt: sql`greatest(coalesce(${userChallenges.lastAt}, 0), ${at})`,
      })
      .where(membershipRow(userId, challengeId))
      .returning({ total: userChallenges.total, days: userChallenges.days, lastAt: userChallenges.lastAt });
    if (!row) throw new Error(`no membership of member ${userId} in challenge ${challengeId} to add a result to`);
    byPeriod.set(`${p.kind}|${p.key}`, { total: row.total, days: row.days, lastAt: row.lastAt! });
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

/** Replaces the stored all-time figures with freshly computed ones; summed periods store nothing. */
export async function writeTotals(
  db: PgDb,
  challengeId: number,
  userId: number,
  period: PeriodRef,
  figures: { total: number; days: number; lastAt: number | null },
): Promise<void> {
  if (!isStoredKind(period.kind)) return;
  const none = figures.days === 0 || figures.lastAt === null;
  await db
    .update(userChallenges)
    .set(none ? { total: 0, days: 0, lastAt: null } : { total: figures.total, days: figures.days, lastAt: figures.lastAt })
    .where(membershipRow(userId, challengeId));
}

/** The eligible members of a challenge with a result, with their all-time figures, in rank order. */
function allTimeOf(db: PgDb, challengeId: number) {
  return db
    .select({ userId: uc.userId, total: uc.total, days: uc.days, lastAt: sql<number>`${uc.lastAt}`.mapWith(Number), displayName: shownNameOf(u) })
    .from(uc)
    .innerJoin(u, eq(u.id, uc.userId))
    .where(and(eq(uc.challengeId, challengeId), gt(uc.days, 0), eligibleSql(uc, u)))
    .orderBy(desc(uc.total), desc(uc.days), asc(uc.lastAt), asc(uc.userId));
}

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
    .select({ ...summedColumns, displayName: shownNameOf(u) })
    .from(submissions)
    .innerJoin(uc, and(eq(uc.userId, submissions.userId), eq(uc.challengeId, submissions.challengeId)))
    .innerJoin(u, eq(u.id, submissions.userId))
    .where(and(eq(submissions.challengeId, challengeId), between(submissions.day, from, to), eligibleSql(uc, u)))
    .groupBy(submissions.userId, u.displayName, u.firstName)
    .orderBy(...summedOrder);
}

export async function rankedFigures(db: PgDb, challengeId: number, period: PeriodRef): Promise<(PeriodFigures & { userId: number })[]> {
  const rows = isStoredKind(period.kind) ? await allTimeOf(db, challengeId) : await summedOf(db, challengeId, period);
  return rows.map(({ displayName: _, ...f }) => f);
}

export async function allTotals(db: PgDb, challengeId: number, period: PeriodRef): Promise<LeaderboardRow[]> {
  return isStoredKind(period.kind) ? allTimeOf(db, challengeId) : summedOf(db, challengeId, period);
}

/** A member's figures for one period, whether or not they are eligible to be shown (undefined: no result in it). */
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
  const [row] = await db
    .select({ total: uc.total, days: uc.days, lastAt: uc.lastAt, eligible: sql<boolean>`${eligibleSql(uc, u)}` })
    .from(uc)
    .innerJoin(u, eq(u.id, uc.userId))
    .where(and(eq(uc.userId, userId), eq(uc.challengeId, challengeId)));
  return !row || row.days === 0 || row.lastAt === null ? undefined : { total: row.total, days: row.days, lastAt: row.lastAt, eligible: row.eligible };
}

/** After a membership or ban change: the challenges' participant counts (see the SQLite twin). */
export async function recountParticipantsOf(db: PgDb, userId: number, challengeId?: number): Promise<void> {
  const affected =
    challengeId !== undefined
      ? [challengeId]
      : (await db.select({ id: userChallenges.challengeId }).from(userChallenges).where(eq(userChallenges.userId, userId))).map((r) => r.id);
  await recountParticipants(db, affected);
}
