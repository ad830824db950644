/** Which reminders are due now, and recording them so each goes out at most once. */
import type { Recipient } from '../db/repositories/reminders';
import { localDateTime } from '../domain/clubTime';
import { dueReminderTimes } from '../domain/reminderTime';
import { isRunningOn, reminderTimeOf } from '../domain/schedule';
import { visibleCurrent } from '../domain/streak';
import { formatWindow } from '../../shared/timeWindow';
import type { DayKey } from '../../shared/types';
import { write, type ServiceContext } from './context';
import { textsByLanguage, windowOf } from './mappers';
import type { Language } from '../../shared/schemas';

export interface DueReminder {
  challenge: {
    id: number;
    title: string;
    emoji: string;
    unit: string;
    time: string;
    window: string | null;
    /** Title and unit in each member's language (Uzbek where no translation was entered). */
    texts: Record<Language, { title: string; unit: string }>;
  };
  day: DayKey;
  recipients: (Recipient & { streak: number })[];
}

/**
 * For each active challenge running today: the members whose reminder time — their own, else
 * the challenge's — came less than an hour before `at` and who are still to remind (see
 * reminderRecipients for who qualifies).
 */
export async function dueReminders(ctx: ServiceContext, at: Date): Promise<{ day: DayKey; secondOfDay: number; due: DueReminder[] }> {
  const { day, secondOfDay } = localDateTime(at, ctx.timeZone);
  const due: DueReminder[] = [];
  for (const c of await ctx.store.repos.challenges.listChallenges({ activeOnly: true })) {
    if (!isRunningOn(c, day)) continue;
    const times = dueReminderTimes(c, secondOfDay);
    // Members' own times are looked up first (one indexed probe): most minutes nobody's is due.
    if (!times.defaultDue && !(await ctx.store.repos.reminders.anyOwnReminderAt(c.id, times.ownTimes))) continue;
    const window = windowOf(c);
    const recipients = (await ctx.store.repos.reminders.reminderRecipients(c.id, day, times)).map((r) => ({
      userId: r.userId,
      telegramId: r.telegramId,
      language: r.language,
      displayName: r.displayName,
      streak: visibleCurrent({ current: r.currentStreak, best: 0, lastCountedDay: r.lastCountedDay }, day),
    }));
    if (!times.defaultDue && recipients.length === 0) continue;
    due.push({
      challenge: {
        id: c.id,
        title: c.title,
        emoji: c.emoji,
        unit: c.unit,
        time: times.defaultDue ? reminderTimeOf(c)! : 'own times',
        window: window ? formatWindow(window) : null,
        texts: textsByLanguage(c),
      },
      day,
      recipients,
    });
  }
  return { day, secondOfDay, due };
}

/**
 * Records the reminders about to be sent, in one transaction, before sending ("record then
 * send"): a crash after this loses at most these reminders, it never sends one twice.
 * Returns the members actually recorded now (another run may have taken some).
 */
export function recordReminders(ctx: ServiceContext, challengeId: number, day: DayKey, userIds: number[], at: Date): Promise<number[]> {
  return write(ctx, async (tx) => {
    const recorded: number[] = [];
    for (const userId of userIds) if (await tx.reminders.recordReminder(userId, challengeId, day, at.getTime())) recorded.push(userId);
    return recorded;
  });
}
