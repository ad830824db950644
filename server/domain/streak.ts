/**
 * Streaks: consecutive club days whose value reached the challenge's daily target (any value
 * counts when there is no target).
 */
import { reachesTarget } from '../../shared/progress';
import type { DayKey } from '../../shared/types';
import { addDays, daysBetween } from './clubTime';

export interface StreakState {
  current: number;
  best: number;
  lastCountedDay: DayKey | null;
}

export const EMPTY_STREAK: StreakState = { current: 0, best: 0, lastCountedDay: null };

/** A day counts for the streak when it reached the target (shared/progress.ts, as every door shows it). */
export function countsForStreak(value: number, target: number | null): boolean {
  return reachesTarget(value, target);
}

/** The state after a new submission on `day` (days arrive in order: one per day, today). */
export function applySubmission(state: StreakState, day: DayKey, counted: boolean): StreakState {
  if (!counted) return state;
  if (state.lastCountedDay === day) return state;
  const continues = state.lastCountedDay !== null && daysBetween(state.lastCountedDay, day) === 1;
  const current = continues ? state.current + 1 : 1;
  return { current, best: Math.max(state.best, current), lastCountedDay: day };
}

/**
 * A day covered by a streak freeze (domain/freezes.ts): it keeps the streak alive without
 * adding to it. Only a freeze right after the streak's last day bridges anything; the
 * streak's last day (`lastCountedDay`) then becomes the frozen day, so the next counted day
 * continues it.
 */
export function applyFreeze(state: StreakState, day: DayKey): StreakState {
  if (state.current === 0 || state.lastCountedDay === null) return state;
  if (daysBetween(state.lastCountedDay, day) !== 1) return state;
  return { ...state, lastCountedDay: day };
}

/**
 * The nightly rollover's rule: a streak whose last day is before `yesterday` has lapsed and is
 * stored as 0 (memberships.resetLapsedStreaks says the same in SQL; held profiles apply this).
 */
export function hasLapsed(state: StreakState, yesterday: DayKey): boolean {
  return state.current > 0 && (state.lastCountedDay === null || state.lastCountedDay < yesterday);
}

/**
 * The streak as a member sees it on `today`: still alive when the last counted (or frozen) day
 * is today or yesterday (today may not be submitted yet), 0 once a whole day was missed — unless
 * the `freezes` held cover every missed day (the nightly rollover, or the next result, uses them).
 */
export function visibleCurrent(state: StreakState, today: DayKey, freezes = 0): number {
  if (state.lastCountedDay === null) return 0;
  const gap = daysBetween(state.lastCountedDay, today);
  if (gap === 0 || gap === 1) return state.current;
  return gap > 1 && gap - 1 <= freezes ? state.current : 0;
}

/**
 * Rebuilds the streak from every submission of a member in a challenge and the days covered
 * by a freeze. `entries` need not be sorted; only counted days matter, and a counted day wins
 * over a freeze on the same day. The best ever streak is kept at least at `keepBest`.
 */
export function recomputeStreak(
  entries: { day: DayKey; value: number }[],
  target: number | null,
  keepBest = 0,
  frozenDays: readonly DayKey[] = [],
): StreakState {
  const counted = new Set(entries.filter((e) => countsForStreak(e.value, target)).map((e) => e.day));
  const days = [...new Set([...counted, ...frozenDays])].sort();
  let state: StreakState = { ...EMPTY_STREAK, best: 0 };
  for (const day of days) state = counted.has(day) ? applySubmission(state, day, true) : applyFreeze(state, day);
  return { ...state, best: Math.max(state.best, keepBest) };
}

/** The state an admin sets: `current` days ending today (if counted today) or yesterday. */
export function overrideStreak(
  state: StreakState,
  current: number,
  today: DayKey,
  countedToday: boolean,
): StreakState {
  if (current === 0) return { current: 0, best: state.best, lastCountedDay: null };
  return {
    current,
    best: Math.max(state.best, current),
    lastCountedDay: countedToday ? today : addDays(today, -1),
  };
}
