/** PostgreSQL twin of db/repositories/exports.ts. */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { SubmissionExportRow } from '../../repositories/exports';
import type { PgDb } from '../client';
import { shownNameSql } from '../rules';
import { challenges, submissions, users } from '../schema';

export async function submissionsForExport(
  db: PgDb,
  filter: { challengeId?: number; from?: string; to?: string },
): Promise<SubmissionExportRow[]> {
  return db
    .select({
      id: submissions.id,
      day: submissions.day,
      createdAt: submissions.createdAt,
      challengeId: submissions.challengeId,
      challengeTitle: challenges.title,
      unit: challenges.unit,
      userId: submissions.userId,
      telegramId: users.telegramId,
      displayName: shownNameSql,
      value: submissions.value,
    })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.userId))
    .innerJoin(challenges, eq(challenges.id, submissions.challengeId))
    .where(
      and(
        filter.challengeId !== undefined ? eq(submissions.challengeId, filter.challengeId) : undefined,
        filter.from ? gte(submissions.day, filter.from) : undefined,
        filter.to ? lte(submissions.day, filter.to) : undefined,
      ),
    )
    .orderBy(asc(submissions.day), asc(submissions.id));
}
