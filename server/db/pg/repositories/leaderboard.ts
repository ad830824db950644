/** PostgreSQL twin of db/repositories/leaderboard.ts. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PeriodKind } from '../../../domain/periods';
import type { LeaderboardRow, PeriodFigures, PeriodRef } from '../../repositories/leaderboard';
import type { PgDb } from '../client';
import { eligibleSql, shownNameSql } from '../rules';
import { leaderboardTotals, userChallenges, users } from '../schema';
import { recountParticipants } from './challenges';

const uc = alias(userChallenges, 'uc');
const u = alias(users, 'u');

const conflictTarget = [leaderboardTotals.challengeId, leaderboardTotals.kind, leaderboardTotals.periodKey, leaderboardTotals.userId];

/**
 * Adds a submitted value to the member's rows of `periods` in one statement (one round trip
 * instead of four) and returns each row's new figures, in the order of `periods`.
 */
export async function addToTotals(
  db: PgDb,
  challengeId: number,
  userId: number,
  periods: PeriodRef[],
  value: number,
  at: number,
): Promise<PeriodFigures[]> {
  if (periods.length === 0) return [];
  const rows = await db
    .insert(leaderboardTotals)
    .values(periods.map((p) => ({ challengeId, kind: p.kind, periodKey: p.key, userId, total: value, days: 1, lastAt: at, eligible: true })))
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
    .returning({
      kind: leaderboardTotals.kind,
      key: leaderboardTotals.periodKey,
      total: leaderboardTotals.total,
      days: leaderboardTotals.days,
      lastAt: leaderboardTotals.lastAt,
    });
  const byPeriod = new Map(rows.map((r) => [`${r.kind}|${r.key}`, { total: r.total, days: r.days, lastAt: r.lastAt }]));
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

export async function rankedFigures(db: PgDb, challengeId: number, period: PeriodRef): Promise<(PeriodFigures & { userId: number })[]> {
  return db
    .select({ userId: leaderboardTotals.userId, total: leaderboardTotals.total, days: leaderboardTotals.days, lastAt: leaderboardTotals.lastAt })
    .from(leaderboardTotals)
    .where(and(periodRows(challengeId, period.kind, period.key), eq(leaderboardTotals.eligible, true)))
    .orderBy(...rankOrder);
}

export async function allTotals(db: PgDb, challengeId: number, period: PeriodRef): Promise<LeaderboardRow[]> {
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

export async function totalsOfUser(db: PgDb, userId: number, challengeId: number, period: PeriodRef) {
  const rows = await db
    .select()
    .from(leaderboardTotals)
    .where(and(periodRows(challengeId, period.kind, period.key), eq(leaderboardTotals.userId, userId)));
  return rows[0];
}

export async function refreshEligibility(db: PgDb, userId: number, challengeId?: number): Promise<void> {
  const scope =
    challengeId === undefined
      ? eq(leaderboardTotals.userId, userId)
      : and(eq(leaderboardTotals.userId, userId), eq(leaderboardTotals.challengeId, challengeId));
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
  const affected =
    challengeId !== undefined
      ? [challengeId]
      : (await db.select({ id: userChallenges.challengeId }).from(userChallenges).where(eq(userChallenges.userId, userId))).map((r) => r.id);
  await recountParticipants(db, affected);
}
