/** When a club day begins, as an instant (for filters by day over stored instants). */
import { localDateTime } from './clubTime';
import type { DayKey } from '../../shared/types';

/** The instant a club day starts in `timeZone` (two passes settle any offset change). */
export function dayStartMs(day: DayKey, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const local = localDateTime(new Date(guess), timeZone);
    const [ly, lm, ld] = local.day.split('-').map(Number) as [number, number, number];
    const localWall = Date.UTC(ly, lm - 1, ld) + local.secondOfDay * 1000;
    guess += wall - localWall;
  }
  return guess;
}

