/** weekly_results / monthly_results: written once per challenge and period, read by admins. */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { challenges, monthlyResults, users, weeklyResults } from '../schema';
import { shownNameSql } from '../rules';
import type { ResultKind } from '../../domain/schedule';

/** weekly_results or monthly_results: the result kind of domain/schedule.ts. */
export type ResultPeriod = ResultKind;

const tableOf = (period: ResultPeriod) => (period === 'weekly' ? weeklyResults : monthlyResults);

export interface ResultInsert {
  challengeId: number;
  period: string;
  rank: number;
  userId: number;
  total: number;
  days: number;
}

/** Inserts rows; existing (challenge, period, member) rows are left as they are. Returns rows written. */
export function insertResults(db: Db, period: ResultPeriod, rows: ResultInsert[], now: number): number {
  const table = tableOf(period);
  let written = 0;
  for (const row of rows) {
    const r = db.insert(table).values({ ...row, createdAt: now }).onConflictDoNothing().returning({ id: table.id }).get();
    if (r) written++;
  }
  return written;
}

export interface ResultRow {
  challengeId: number;
  challengeTitle: string;
  period: string;
  rank: number;
  userId: number;
  displayName: string;
  total: number;
  days: number;
}

export function listResults(
  db: Db,
  period: ResultPeriod,
  opts: { challengeId?: number; maxRank?: number; periods?: string[]; limit: number },
): ResultRow[] {
  const table = tableOf(period);
  return db
    .select({
      challengeId: table.challengeId,
      challengeTitle: challenges.title,
      period: table.period,
      rank: table.rank,
      userId: table.userId,
      displayName: shownNameSql,
      total: table.total,
      days: table.days,
    })
    .from(table)
    .innerJoin(challenges, eq(challenges.id, table.challengeId))
    .innerJoin(users, eq(users.id, table.userId))
    .where(
      and(
        opts.challengeId ? eq(table.challengeId, opts.challengeId) : undefined,
        opts.maxRank ? lte(table.rank, opts.maxRank) : undefined,
        opts.periods ? inArray(table.period, opts.periods) : undefined,
      ),
    )
    .orderBy(desc(table.period), asc(table.challengeId), asc(table.rank))
    .limit(opts.limit)
    .all();
}

/** The latest period written for each challenge. */
export function latestPeriods(db: Db, period: ResultPeriod): string[] {
  const table = tableOf(period);
  const row = db.select({ p: sql<string | null>`max(${table.period})` }).from(table).get();
  return row?.p ? [row.p] : [];
}
