/** The nightly rollover: stored streaks of members who missed a whole day become 0. */
import { addDays, localDateTime } from '../domain/clubTime';
import type { DayKey } from '../../shared/types';
import { write, type ServiceContext } from './context';

const ROLLOVER_JOB = 'daily-rollover';

/**
 * Idempotent by nature (a second run finds nothing to reset); the run is recorded per club day
 * in job_runs so operators can see it happened. Best streaks are never touched.
 */
export function rolloverStreaks(ctx: ServiceContext, at: Date): Promise<{ day: DayKey; yesterday: DayKey; reset: number; firstRunToday: boolean }> {
  const day = localDateTime(at, ctx.timeZone).day;
  const yesterday = addDays(day, -1);
  return write(ctx, async (tx) => {
    const reset = await tx.memberships.resetLapsedStreaks(yesterday);
    const firstRunToday = await tx.jobs.claimJobRun(ROLLOVER_JOB, day, at.getTime(), JSON.stringify({ reset }));
    return { day, yesterday, reset, firstRunToday };
  });
}
