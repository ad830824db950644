/**
 * Calendar rules of the scheduled jobs: when a challenge's reminder is due, and which week or
 * month has just closed. Pure; the club day and second of day are passed in.
 */
import type { DayKey } from '../../shared/types';
import { addDays, monthKey, monthStart, weekStart } from './clubTime';
import type { LeaderboardType } from '../../shared/schemas';
import { KIND_OF_TYPE, rangeOfPeriod } from './periods';
import { minutesOf } from './timeWindow';

/** A reminder is still worth sending this long after its time (catch-up, a slow minute). */
export const REMINDER_GRACE_SECONDS = 3600;

export interface ReminderSchedule {
  reminderTime: string | null;
  windowStart: string | null;
  windowEnd: string | null;
}

/** "HH:MM" of the day's reminder: the reminder time, else a window's start, else none. */
export function reminderTimeOf(c: ReminderSchedule): string | null {
  if (c.reminderTime) return c.reminderTime;
  if (c.windowStart && c.windowEnd) return c.windowStart;
  return null;
}

/**
 * Due when its time has come today and passed less than `grace` seconds ago, and (for a
 * windowed challenge) the window has not yet closed — a reminder to do what can no longer be
 * done would only annoy.
 */
export function isReminderDue(c: ReminderSchedule, secondOfDay: number, grace = REMINDER_GRACE_SECONDS): boolean {
  const at = reminderTimeOf(c);
  if (at === null) return false;
  const late = secondOfDay - minutesOf(at) * 60;
  if (late < 0 || late >= grace) return false;
  if (c.windowStart && c.windowEnd && secondOfDay > minutesOf(c.windowEnd) * 60 + 59) return false;
  return true;
}

/** Is `day` inside the challenge's optional start/end dates? */
export function isRunningOn(c: { startDate: string | null; endDate: string | null }, day: DayKey): boolean {
  return !((c.startDate && day < c.startDate) || (c.endDate && day > c.endDate));
}

/** The leaderboard types whose closed periods are written as results. */
export type ResultKind = Extract<LeaderboardType, 'weekly' | 'monthly'>;

/** The key of the week (its Monday) or month ("YYYY-MM") that closed last before `today`. */
export function lastClosedPeriod(kind: ResultKind, today: DayKey): string {
  return kind === 'weekly' ? addDays(weekStart(today), -7) : monthKey(addDays(monthStart(today), -1));
}

/** The period `steps` periods before `key` (same kind). */
export function periodBefore(kind: ResultKind, key: string, steps = 1): string {
  if (kind === 'weekly') return addDays(key, -7 * steps);
  let [y, m] = key.split('-').map(Number) as [number, number];
  m -= steps;
  while (m < 1) {
    m += 12;
    y -= 1;
  }
  while (m > 12) {
    m -= 12;
    y += 1;
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** First and last club day of a period. */
export function periodRange(kind: ResultKind, key: string): { from: DayKey; to: DayKey } {
  const { from, to } = rangeOfPeriod(KIND_OF_TYPE[kind], key);
  return { from: from!, to: to! };
}
