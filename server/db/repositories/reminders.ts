/** Who gets a scheduled message: reminder recipients, reminder_log, announcement audiences. */
import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { eligibleSql, registeredSql } from '../rules';
import { reminderLog, submissions, userChallenges, users } from '../schema';

export interface Recipient {
  userId: number;
  telegramId: number;
  language: 'uz' | 'ru' | 'en';
  displayName: string;
}

export interface ReminderRecipient extends Recipient {
  currentStreak: number;
  lastCountedDay: string | null;
}

/** Registered, not banned, reachable current members of a challenge. */
const reachableMember = (challengeId: number) =>
  and(
    eq(userChallenges.challengeId, challengeId),
    eligibleSql(userChallenges, users),
    registeredSql(users),
    eq(users.unreachable, false),
  );

/**
 * Members to remind about `challengeId` on club day `day`: reachable members with reminders on,
 * no result for that day, and no reminder recorded for that day yet.
 */
export function reminderRecipients(db: Db, challengeId: number, day: string): ReminderRecipient[] {
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
    .orderBy(asc(users.id))
    .all();
}

/** Records a reminder; false when one was already recorded (the primary key decides). */
export function recordReminder(db: Db, userId: number, challengeId: number, day: string, at: number): boolean {
  return !!db
    .insert(reminderLog)
    .values({ userId, challengeId, day, sentAt: at })
    .onConflictDoNothing()
    .returning({ userId: reminderLog.userId })
    .get();
}

/** Everyone a challenge announcement goes to (reminder opt-out does not apply). */
export function challengeAudience(db: Db, challengeId: number): Recipient[] {
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
    .orderBy(asc(users.id))
    .all();
}
