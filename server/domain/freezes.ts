/**
 * Streak freezes (as Duolingo's): a member earns one for every 7 counted days in a row and
 * holds at most 2 per challenge. A missed day is covered by one held freeze — by the nightly
 * rollover, or by the member's next result if it comes first — and the streak goes on without
 * counting that day. The covered days are stored, so a recomputed streak (domain/streak.ts,
 * `recomputeStreak`) bridges them the same way.
 *
 * Decisions:
 * - Every missed day needs a freeze of its own; when those held cannot cover all the missed
 *   days, none is used and the streak breaks (nightly, one day is missed at a time: two missed
 *   days with one freeze spend it on the first night and break on the second).
 * - A streak of 0 (or none yet) has nothing to protect: no freeze is used.
 * - A freeze is earned when the streak reaches 7, 14, 21… counted days. Earned freezes are kept
 *   when a result is later removed (like badges); a streak that reaches a multiple of 7 again on
 *   the same last day (a correction undone and redone) earns nothing twice.
 * - A covered day that later counts (an admin adds or corrects that day's result) is a counted
 *   day: the correction wins and the freeze is given back (still at most 2 held).
 */
import { MAX_FREEZES } from '../../shared/badges';
import type { DayKey } from '../../shared/types';
import { addDays, daysBetween } from './clubTime';
import type { StreakState } from './streak';

/** Counted days in a row per freeze earned. */
export const FREEZE_EVERY = 7;
export { MAX_FREEZES } from '../../shared/badges';

export interface Covered {
  /** The streak with its last day moved to the last covered day (its count unchanged). */
  state: StreakState;
  /** The missed days now covered, oldest first. */
  days: DayKey[];
  /** Freezes held after covering them. */
  held: number;
}

/**
 * The days between the streak's last day and `today` (both excluded), covered by the freezes
 * held — or null when there is nothing to cover, nothing to protect, or too few freezes.
 */
export function coverMissedDays(state: StreakState, held: number, today: DayKey): Covered | null {
  if (state.current === 0 || state.lastCountedDay === null || held <= 0) return null;
  const missed = daysBetween(state.lastCountedDay, today) - 1;
  if (missed < 1 || missed > held) return null;
  const days = Array.from({ length: missed }, (_, i) => addDays(state.lastCountedDay!, i + 1));
  return { state: { ...state, lastCountedDay: addDays(today, -1) }, days, held: held - missed };
}

export interface Earned {
  held: number;
  /** Freezes added now (0 at the cap). */
  earned: number;
  /** The streak's last day when a freeze was last earned (guards against earning twice). */
  earnedOn: DayKey | null;
}

/**
 * Freezes earned by a streak that moved from `beforeCurrent` to `after`: one per multiple of
 * FREEZE_EVERY reached, up to MAX_FREEZES held. Nothing when the streak reached it on the same
 * last day as the previous earning (`earnedOn`).
 */
export function freezesEarned(beforeCurrent: number, after: StreakState, held: number, earnedOn: DayKey | null): Earned {
  const reached = Math.floor(after.current / FREEZE_EVERY) - Math.floor(Math.max(0, beforeCurrent) / FREEZE_EVERY);
  if (after.current <= beforeCurrent || reached <= 0 || after.lastCountedDay === null || after.lastCountedDay === earnedOn) {
    return { held, earned: 0, earnedOn };
  }
  const next = Math.min(MAX_FREEZES, held + reached);
  return { held: next, earned: next - held, earnedOn: after.lastCountedDay };
}

/** Covered days that now count: each freeze is given back (up to MAX_FREEZES held). */
export function freezesGivenBack(frozenDays: readonly DayKey[], countedDays: ReadonlySet<DayKey>, held: number): { days: DayKey[]; held: number } {
  const days = frozenDays.filter((d) => countedDays.has(d));
  return { days, held: Math.min(MAX_FREEZES, held + days.length) };
}

/** An admin's grant: one more, refused (null) at the cap. */
export function grantFreeze(held: number): number | null {
  return held >= MAX_FREEZES ? null : held + 1;
}
