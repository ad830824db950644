/** Correcting today's result: how long after sending a member may still replace the value. */

/** CORRECTION_MINUTES when not configured: long enough to notice a typo, short enough to stay honest. */
export const DEFAULT_CORRECTION_MINUTES = 15;

/** Until when a result sent at `createdAt` (epoch ms) may be corrected (epoch ms). */
export function correctableUntil(createdAt: number, minutes: number): number {
  return createdAt + minutes * 60_000;
}

/** Whole seconds left to correct it at `nowMs` (0 once closed). */
export function correctionSecondsLeft(createdAt: number, minutes: number, nowMs: number): number {
  return Math.max(0, Math.floor((correctableUntil(createdAt, minutes) - nowMs) / 1000));
}
