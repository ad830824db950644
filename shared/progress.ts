/**
 * A day's value against the challenge's daily target, as every door shows it: counted (the
 * target reached, or no target), or below it by `missing`.
 */
export interface ProgressDto {
  target: number | null;
  /** Reached the target (always true without one): the day counts for the streak. */
  met: boolean;
  /** How much was missing to the target; 0 when met. */
  missing: number;
}

/** The day counts: its value reached the target, or the challenge has none (streaks, progress). */
export function reachesTarget(value: number, target: number | null): boolean {
  return target === null || value >= target;
}

export function progressOf(value: number, target: number | null): ProgressDto {
  if (target === null || reachesTarget(value, target)) return { target, met: true, missing: 0 };
  return { target, met: false, missing: Math.round((target - value) * 1e6) / 1e6 };
}
