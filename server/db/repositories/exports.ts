/** Read-only queries behind the admin CSV exports. */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { challenges, submissions, userChallenges, users } from '../schema';

export interface MemberExportRow {
  id: number;
  telegramId: number;
  displayName: string | null;
  firstName: string;
  lastName: string | null;
  username: string | null;
  language: string;
  registeredAt: number | null;
  isBanned: boolean;
  banReason: string | null;
  lastActiveAt: number | null;
  challenges: number;
  submissions: number;
  bestStreak: number;
}

export function membersForExport(db: Db): MemberExportRow[] {
  return db
    .select({
      id: users.id,
      telegramId: users.telegramId,
      displayName: users.displayName,
      firstName: users.firstName,
      lastName: users.lastName,
      username: users.username,
      language: users.language,
      registeredAt: users.registeredAt,
      isBanned: users.isBanned,
      banReason: users.banReason,
      lastActiveAt: users.lastActiveAt,
      challenges: sql<number>`(select count(*) from ${userChallenges} uc where uc.user_id = ${users.id} and uc.is_member = 1)`,
      submissions: sql<number>`(select count(*) from ${submissions} s where s.user_id = ${users.id})`,
      bestStreak: sql<number>`coalesce((select max(uc.best_streak) from ${userChallenges} uc where uc.user_id = ${users.id}), 0)`,
    })
    .from(users)
    .orderBy(asc(users.id))
    .all();
}

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
      displayName: sql<string>`coalesce(${users.displayName}, ${users.firstName})`,
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
