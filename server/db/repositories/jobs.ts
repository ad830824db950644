/** job_runs: which job ran for which period. */
import { and, between, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { eligibleSql } from '../rules';
import { jobRuns, submissions, userChallenges, users } from '../schema';
import { isStoredKind, rangeOfPeriod, type PeriodKind } from '../../domain/periods';

export type JobRunRow = typeof jobRuns.$inferSelect;

/**
 * Records that `job` ran (or is running) for `periodKey`. Returns false when a row already
 * existed: the primary key decides between two runs or two processes.
 */
export function claimJobRun(db: Db, job: string, periodKey: string, at: number, summary: string | null = null): boolean {
  const row = db
    .insert(jobRuns)
    .values({ job, periodKey, ranAt: at, summary })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job })
    .get();
  return !!row;
}

export function findJobRun(db: Db, job: string, periodKey: string): JobRunRow | undefined {
  return db.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.periodKey, periodKey))).get();
}

export function jobRunKeys(db: Db, job: string, keys: string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const rows = db
    .select({ key: jobRuns.periodKey })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), inArray(jobRuns.periodKey, keys)))
    .all();
  return new Set(rows.map((r) => r.key));
}

/** Challenges with at least one ranked (eligible) member in a period. */
export function challengesWithTotals(db: Db, kind: PeriodKind, periodKey: string): number[] {
  if (isStoredKind(kind)) {
    return db
      .selectDistinct({ id: userChallenges.challengeId })
      .from(userChallenges)
      .innerJoin(users, eq(users.id, userChallenges.userId))
      .where(and(gt(userChallenges.days, 0), eligibleSql(userChallenges, users)))
      .orderBy(userChallenges.challengeId)
      .all()
      .map((r) => r.id);
  }
  const { from, to } = rangeOfPeriod(kind, periodKey);
  return db
    .selectDistinct({ id: submissions.challengeId })
    .from(submissions)
    .innerJoin(userChallenges, and(eq(userChallenges.userId, submissions.userId), eq(userChallenges.challengeId, submissions.challengeId)))
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(and(between(submissions.day, from!, to!), eligibleSql(userChallenges, users)))
    .orderBy(submissions.challengeId)
    .all()
    .map((r) => r.id);
}

