/** Who gets a scheduled message: reminder recipients, reminder_log, announcement audiences. */
import { and, asc, eq, gt, inArray, isNull, lt, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { eligibleSql, registeredSql } from '../rules';
import { reminderLog, reminderPreferences, submissions, userChallenges, users } from '../schema';
import type { DueTimes } from '../../domain/reminderTime';

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

/**
 * Which members are due now, by their own reminder time: those whose own time is due, and —
 * when the challenge's time is due — those without one (or whose time left the window).
 * Undefined: no filter by time; false: nobody can be due.
 */
function dueSql(due: DueTimes | undefined): SQL | undefined | false {
  if (!due) return undefined;
  const own = due.ownTimes.length > 0 ? inArray(reminderPreferences.reminderTime, due.ownTimes) : undefined;
  const fallback = due.defaultDue
    ? or(
        isNull(reminderPreferences.reminderTime),
        ...(due.window ? [lt(reminderPreferences.reminderTime, due.window.start), gt(reminderPreferences.reminderTime, due.window.end)] : []),
      )
    : undefined;
  if (!own && !fallback) return false;
  return own && fallback ? or(own, fallback) : (own ?? fallback);
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
export function reminderRecipients(db: Db, challengeId: number, day: string, due?: DueTimes): ReminderRecipient[] {
  const timing = dueSql(due);
  if (timing === false) return [];
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
    .leftJoin(reminderPreferences, and(eq(reminderPreferences.userId, users.id), eq(reminderPreferences.challengeId, challengeId)))
    .where(
      and(
        reachableMember(challengeId),
        eq(users.remindersEnabled, true),
        or(isNull(reminderPreferences.enabled), eq(reminderPreferences.enabled, true)),
        timing,
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

export interface ReminderPreferenceRow {
  challengeId: number;
  reminderTime: string | null;
  enabled: boolean;
}

/** A member's own reminder settings, per challenge (challenges without a row use the defaults). */
export function reminderPreferencesOf(db: Db, userId: number): ReminderPreferenceRow[] {
  return db
    .select({ challengeId: reminderPreferences.challengeId, reminderTime: reminderPreferences.reminderTime, enabled: reminderPreferences.enabled })
    .from(reminderPreferences)
    .where(eq(reminderPreferences.userId, userId))
    .orderBy(asc(reminderPreferences.challengeId))
    .all();
}

export function saveReminderPreference(db: Db, userId: number, row: ReminderPreferenceRow, at: number): void {
  db.insert(reminderPreferences)
    .values({ userId, ...row, updatedAt: at })
    .onConflictDoUpdate({
      target: [reminderPreferences.userId, reminderPreferences.challengeId],
      set: { reminderTime: row.reminderTime, enabled: row.enabled, updatedAt: at },
    })
    .run();
}

/** Does any member of the challenge have one of these own times? (A cheap check before the full query.) */
export function anyOwnReminderAt(db: Db, challengeId: number, times: string[]): boolean {
  if (times.length === 0) return false;
  return !!db
    .select({ one: sql`1` })
    .from(reminderPreferences)
    .where(and(eq(reminderPreferences.challengeId, challengeId), inArray(reminderPreferences.reminderTime, times)))
    .limit(1)
    .get();
}
