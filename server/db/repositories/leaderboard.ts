/**
 * Maintained leaderboard aggregates. The submit transaction adds to four rows (day, week, month,
 * all); deleting a submission rewrites them from the submissions themselves.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { PeriodKind } from '../../domain/periods';
import type { Db } from '../client';
import { leaderboardTotals, users } from '../schema';

export interface PeriodRef {
  kind: PeriodKind;
  key: string;
}

export function addToTotals(
  db: Db,
  challengeId: number,
  userId: number,
  periods: PeriodRef[],
  value: number,
  at: number,
  eligible: boolean,
): void {
  for (const p of periods) {
    db.insert(leaderboardTotals)
      .values({ challengeId, kind: p.kind, periodKey: p.key, userId, total: value, days: 1, lastAt: at, eligible })
      .onConflictDoUpdate({
        target: [leaderboardTotals.challengeId, leaderboardTotals.kind, leaderboardTotals.periodKey, leaderboardTotals.userId],
        set: {
          total: sql`${leaderboardTotals.total} + ${value}`,
          days: sql`${leaderboardTotals.days} + 1`,
          lastAt: sql`max(${leaderboardTotals.lastAt}, ${at})`,
          eligible,
        },
      })
      .run();
  }
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
  const where = and(
    eq(leaderboardTotals.challengeId, challengeId),
    eq(leaderboardTotals.kind, period.kind),
    eq(leaderboardTotals.periodKey, period.key),
    eq(leaderboardTotals.userId, userId),
  );
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

const scope = (challengeId: number, p: PeriodRef) =>
  and(
    eq(leaderboardTotals.challengeId, challengeId),
    eq(leaderboardTotals.kind, p.kind),
    eq(leaderboardTotals.periodKey, p.key),
    eq(leaderboardTotals.eligible, true),
  );

/** Ranked rows, walking the rank index in order (see the schema). */
export function topTotals(db: Db, challengeId: number, period: PeriodRef, limit: number, offset = 0): LeaderboardRow[] {
  return db
    .select({
      userId: leaderboardTotals.userId,
      displayName: sql<string>`coalesce(${users.displayName}, ${users.firstName})`,
      total: leaderboardTotals.total,
      days: leaderboardTotals.days,
      lastAt: leaderboardTotals.lastAt,
    })
    .from(leaderboardTotals)
    .innerJoin(users, eq(users.id, leaderboardTotals.userId))
    .where(scope(challengeId, period))
    .orderBy(desc(leaderboardTotals.total), desc(leaderboardTotals.days), asc(leaderboardTotals.lastAt), asc(leaderboardTotals.userId))
    .limit(limit)
    .offset(offset)
    .all();
}

/** The member's own figures and rank (1-based) when they are on this board. */
export function rankOf(
  db: Db,
  challengeId: number,
  period: PeriodRef,
  userId: number,
): { rank: number; total: number; days: number } | null {
  const mine = db
    .select()
    .from(leaderboardTotals)
    .where(and(scope(challengeId, period), eq(leaderboardTotals.userId, userId)))
    .get();
  if (!mine) return null;
  const t = leaderboardTotals;
  const ahead = db
    .select({ n: sql<number>`count(*)` })
    .from(t)
    .where(
      and(
        scope(challengeId, period),
        // Ahead = a higher total, or the same total and a better tie-break. Written as one
        // range (total >= mine) minus the tied rows that are not ahead, so SQLite walks a single
        // stretch of the rank index; "total > x or total = x" with two bound parameters became a
        // MULTI-INDEX OR (two scans + rowid de-duplication), about twice the work.
        sql`${t.total} >= ${mine.total} and not (${t.total} = ${mine.total} and (${t.days} < ${mine.days}
          or (${t.days} = ${mine.days} and (${t.lastAt} > ${mine.lastAt}
          or (${t.lastAt} = ${mine.lastAt} and ${t.userId} >= ${mine.userId})))))`,
      ),
    )
    .get();
  return { rank: (ahead?.n ?? 0) + 1, total: mine.total, days: mine.days };
}

/** All ranked rows of a period (results jobs and CSV export). */
export function allTotals(db: Db, challengeId: number, period: PeriodRef): LeaderboardRow[] {
  return topTotals(db, challengeId, period, -1);
}

export function totalsOfUser(db: Db, userId: number, challengeId: number, period: PeriodRef) {
  return db
    .select()
    .from(leaderboardTotals)
    .where(
      and(
        eq(leaderboardTotals.challengeId, challengeId),
        eq(leaderboardTotals.kind, period.kind),
        eq(leaderboardTotals.periodKey, period.key),
        eq(leaderboardTotals.userId, userId),
      ),
    )
    .get();
}
