/** PostgreSQL twin of db/repositories/jobs.ts. */
import { and, between, eq, gt, inArray } from 'drizzle-orm';
import { isStoredKind, rangeOfPeriod, type PeriodKind } from '../../../domain/periods';
import type { JobRunRow } from '../../repositories/jobs';
import type { PgDb } from '../client';
import { eligibleSql } from '../rules';
import { jobRuns, submissions, userChallenges, users } from '../schema';

export async function claimJobRun(db: PgDb, job: string, periodKey: string, at: number, summary: string | null = null): Promise<boolean> {
  const rows = await db
    .insert(jobRuns)
    .values({ job, periodKey, ranAt: at, summary })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job });
  return rows.length > 0;
}

export async function findJobRun(db: PgDb, job: string, periodKey: string): Promise<JobRunRow | undefined> {
  return (await db.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.periodKey, periodKey))))[0];
}

export async function jobRunKeys(db: PgDb, job: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: jobRuns.periodKey })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), inArray(jobRuns.periodKey, keys)));
  return new Set(rows.map((r) => r.key));
}

export async function challengesWithTotals(db: PgDb, kind: PeriodKind, periodKey: string): Promise<number[]> {
  if (isStoredKind(kind)) {
    const rows = await db
      .selectDistinct({ id: userChallenges.challengeId })
      .from(userChallenges)
      .innerJoin(users, eq(users.id, userChallenges.userId))
      .where(and(gt(userChallenges.days, 0), eligibleSql(userChallenges, users)))
      .orderBy(userChallenges.challengeId);
    return rows.map((r) => r.id);
  }
  const { from, to } = rangeOfPeriod(kind, periodKey);
  const rows = await db
    .selectDistinct({ id: submissions.challengeId })
    .from(submissions)
    .innerJoin(userChallenges, and(eq(userChallenges.userId, submissions.userId), eq(userChallenges.challengeId, submissions.challengeId)))
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(and(between(submissions.day, from!, to!), eligibleSql(userChallenges, users)))
    .orderBy(submissions.challengeId);
  return rows.map((r) => r.id);
}
