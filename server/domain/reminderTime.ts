/**
 * A member's own reminder time: when it applies, and which times are due at a given second of
 * the club day. Pure; the second of day is passed in.
 */
import type { TimeWindow } from '../../shared/schemas';
import { REMINDER_GRACE_SECONDS, reminderTimeOf, type ReminderSchedule } from './schedule';
import { minutesOf } from './timeWindow';

export interface OwnReminder {
  /** "HH:MM", or null for the challenge's own reminder time. */
  reminderTime: string | null;
  enabled: boolean;
}

/** Is "HH:MM" inside the window (both ends included)? Without a window every time is. */
export function isTimeInWindow(time: string, window: TimeWindow | null): boolean {
  return !window || (time >= window.start && time <= window.end);
}

function windowOfSchedule(c: ReminderSchedule): TimeWindow | null {
  return c.windowStart && c.windowEnd ? { start: c.windowStart, end: c.windowEnd } : null;
}

/**
 * The time a member is reminded at: their own when it lies inside the challenge's window (the
 * window may have moved since they chose it), else the challenge's; null when reminders for the
 * challenge are off or it has no reminder time at all.
 */
export function effectiveReminderTime(c: ReminderSchedule, own: OwnReminder | null | undefined): string | null {
  if (own && !own.enabled) return null;
  if (own?.reminderTime && isTimeInWindow(own.reminderTime, windowOfSchedule(c))) return own.reminderTime;
  return reminderTimeOf(c);
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export interface DueTimes {
  /** The challenge's own reminder time is due now. */
  defaultDue: boolean;
  /** Members' own times due now: passed less than the grace ago, inside the window. */
  ownTimes: string[];
  window: TimeWindow | null;
}

/**
 * What is due at `secondOfDay` for one challenge (the rule of isReminderDue, for every time):
 * a time came today and passed less than `grace` seconds ago, and the window has not closed.
 */
export function dueReminderTimes(c: ReminderSchedule, secondOfDay: number, grace = REMINDER_GRACE_SECONDS): DueTimes {
  const window = windowOfSchedule(c);
  const none = { defaultDue: false, ownTimes: [], window };
  if (window && secondOfDay > minutesOf(window.end) * 60 + 59) return none;
  const ownTimes: string[] = [];
  const nowMinute = Math.floor(secondOfDay / 60);
  for (let m = nowMinute; m >= 0 && secondOfDay - m * 60 < grace; m--) {
    const t = hhmm(m);
    if (isTimeInWindow(t, window)) ownTimes.push(t);
  }
  const fallback = reminderTimeOf(c);
  const defaultDue = fallback !== null && secondOfDay - minutesOf(fallback) * 60 >= 0 && secondOfDay - minutesOf(fallback) * 60 < grace;
  return { defaultDue, ownTimes, window };
}
