/** Read-only queries behind the admin CSV exports (members come from users.allUserStats). */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../client';
import { challenges, submissions, users } from '../schema';
import { shownNameSql } from '../rules';

export interface SubmissionExportRow {
  id: number;
  day: string;
  createdAt: number;
  challengeId: number;
  challengeTitle: string;
  unit: string;
  userId: number;
  telegramId: number;
  displayName: string;
  value: number;
}

export function submissionsForExport(
  db: Db,
  filter: { challengeId?: number; from?: string; to?: string },
): SubmissionExportRow[] {
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
    .orderBy(asc(submissions.day), asc(submissions.id))
    .all();
}
