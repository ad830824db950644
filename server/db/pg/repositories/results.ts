/** PostgreSQL twin of db/repositories/results.ts. */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { ResultInsert, ResultPeriod, ResultRow } from '../../repositories/results';
import type { PgDb } from '../client';
import { shownNameSql } from '../rules';
import { challenges, monthlyResults, users, weeklyResults } from '../schema';

const tableOf = (period: ResultPeriod) => (period === 'weekly' ? weeklyResults : monthlyResults);

export async function insertResults(db: PgDb, period: ResultPeriod, rows: ResultInsert[], now: number): Promise<number> {
  if (rows.length === 0) return 0;
  const table = tableOf(period);
  const written = await db
    .insert(table)
    .values(rows.map((row) => ({ ...row, createdAt: now })))
    .onConflictDoNothing()
    .returning({ id: table.id });
  return written.length;
}

export async function listResults(
  db: PgDb,
  period: ResultPeriod,
  opts: { challengeId?: number; maxRank?: number; periods?: string[]; limit: number },
): Promise<ResultRow[]> {
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
    .limit(opts.limit);
}

export async function latestPeriods(db: PgDb, period: ResultPeriod): Promise<string[]> {
  const table = tableOf(period);
  const row = (await db.select({ p: sql<string | null>`max(${table.period})` }).from(table))[0];
  return row?.p ? [row.p] : [];
}
