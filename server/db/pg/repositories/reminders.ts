/** PostgreSQL twin of db/repositories/reminders.ts. */
import { and, asc, eq, gt, inArray, isNull, lt, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { Recipient, ReminderPreferenceRow, ReminderRecipient } from '../../repositories/reminders';
import type { DueTimes } from '../../../domain/reminderTime';
import type { PgDb } from '../client';
import { eligibleSql, registeredSql } from '../rules';
import { reminderLog, reminderPreferences, submissions, userChallenges, users } from '../schema';

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

const reachableMember = (challengeId: number) =>
  and(eq(userChallenges.challengeId, challengeId), eligibleSql(userChallenges, users), registeredSql(users), eq(users.unreachable, false));

export async function reminderRecipients(db: PgDb, challengeId: number, day: string, due?: DueTimes): Promise<ReminderRecipient[]> {
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

export async function reminderPreferencesOf(db: PgDb, userId: number): Promise<ReminderPreferenceRow[]> {
  return db
    .select({ challengeId: reminderPreferences.challengeId, reminderTime: reminderPreferences.reminderTime, enabled: reminderPreferences.enabled })
    .from(reminderPreferences)
    .where(eq(reminderPreferences.userId, userId))
    .orderBy(asc(reminderPreferences.challengeId));
}

export async function saveReminderPreference(db: PgDb, userId: number, row: ReminderPreferenceRow, at: number): Promise<void> {
  await db
    .insert(reminderPreferences)
    .values({ userId, ...row, updatedAt: at })
    .onConflictDoUpdate({
      target: [reminderPreferences.userId, reminderPreferences.challengeId],
      set: { reminderTime: row.reminderTime, enabled: row.enabled, updatedAt: at },
    });
}

export async function anyOwnReminderAt(db: PgDb, challengeId: number, times: string[]): Promise<boolean> {
  if (times.length === 0) return false;
  const rows = await db
    .select({ one: sql`1` })
    .from(reminderPreferences)
    .where(and(eq(reminderPreferences.challengeId, challengeId), inArray(reminderPreferences.reminderTime, times)))
    .limit(1);
  return rows.length > 0;
}
