/** PostgreSQL twin of db/repositories/reminders.ts. */
import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import type { Recipient, ReminderRecipient } from '../../repositories/reminders';
import type { PgDb } from '../client';
import { eligibleSql, registeredSql } from '../rules';
import { reminderLog, submissions, userChallenges, users } from '../schema';

const reachableMember = (challengeId: number) =>
  and(eq(userChallenges.challengeId, challengeId), eligibleSql(userChallenges, users), registeredSql(users), eq(users.unreachable, false));

export async function reminderRecipients(db: PgDb, challengeId: number, day: string): Promise<ReminderRecipient[]> {
  return db
    .select({
      userId: users.id,
      telegramId: users.telegramId,
      language: users.language,
      displayName: sql<string>`${users.displayName}`,
      currentStreak: userChallenges.currentStreak,
      lastCountedDay: userChallenges.lastCountedDay,
    })
    .from(userChallenges)
    .innerJoin(users, eq(users.id, userChallenges.userId))
    .where(
      and(
        reachableMember(challengeId),
        eq(users.remindersEnabled, true),
        notExists(
          db
            .select({ one: sql`1` })
            .from(submissions)
            .where(and(eq(submissions.userId, users.id), eq(submissions.challengeId, challengeId), eq(submissions.day, day))),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(reminderLog)
            .where(and(eq(reminderLog.userId, users.id), eq(reminderLog.challengeId, challengeId), eq(reminderLog.day, day))),
        ),
      ),
    )
    .orderBy(asc(users.id));
}

export async function recordReminder(db: PgDb, userId: number, challengeId: number, day: string, at: number): Promise<boolean> {
  const rows = await db
    .insert(reminderLog)
    .values({ userId, challengeId, day, sentAt: at })
    .onConflictDoNothing()
    .returning({ userId: reminderLog.userId });
  return rows.length > 0;
}

export async function challengeAudience(db: PgDb, challengeId: number): Promise<Recipient[]> {
  return db
    .select({
      userId: users.id,
      telegramId: users.telegramId,
      language: users.language,
      displayName: sql<string>`${users.displayName}`,
    })
    .from(userChallenges)
    .innerJoin(users, eq(users.id, userChallenges.userId))
    .where(reachableMember(challengeId))
    .orderBy(asc(users.id));
}
