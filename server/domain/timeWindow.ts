/**
 * Time windows such as 21:00–23:59: inclusive of the start minute's first second and of the
 * end minute's last second, within one club day.
 */
import type { TimeWindow } from '../../shared/schemas';
import { localDateTime } from './clubTime';

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function isInsideWindow(window: TimeWindow | null, secondOfDay: number): boolean {
  if (!window) return true;
  const from = minutesOf(window.start) * 60;
  const to = minutesOf(window.end) * 60 + 59;
  return secondOfDay >= from && secondOfDay <= to;
}

export function isWindowOpenAt(window: TimeWindow | null, instant: Date, timeZone: string): boolean {
  return isInsideWindow(window, localDateTime(instant, timeZone).secondOfDay);
}

/** Seconds until the window next opens (null while it is open, or without a window). */
export function secondsUntilOpen(window: TimeWindow | null, secondOfDay: number): number | null {
  if (!window || isInsideWindow(window, secondOfDay)) return null;
  const from = minutesOf(window.start) * 60;
  return (from - secondOfDay + 86_400) % 86_400;
}
