/**
 * The nightly rollover: members who missed a whole day keep their streak when they hold enough
 * streak freezes (the missed day is covered, the member told by the bot); the stored streaks
 * of the others become 0.
 */
import { addDays, localDateTime } from '../domain/clubTime';
import type { DayKey } from '../../shared/types';
import { write, type ServiceContext } from './context';
import { coverLapsedStreaks } from './milestones';

const ROLLOVER_JOB = 'daily-rollover';

/**
 * Idempotent by nature (a second run finds nothing to cover or reset); the run is recorded per
 * club day in job_runs so operators can see it happened. Best streaks are never touched.
 */
export function rolloverStreaks(
  ctx: ServiceContext,
  at: Date,
): Promise<{ day: DayKey; yesterday: DayKey; reset: number; frozen: number; firstRunToday: boolean }> {
  const day = localDateTime(at, ctx.timeZone).day;
  const yesterday = addDays(day, -1);
  return write(ctx, async (tx, emit) => {
    // Freezes first: a covered streak is no longer lapsed.
    const frozen = await coverLapsedStreaks(tx, emit, day, yesterday, at.getTime());
    const reset = await tx.memberships.resetLapsedStreaks(yesterday);
    if (reset > 0) emit({ type: 'streaks.lapsed', yesterday });
    const firstRunToday = await tx.jobs.claimJobRun(ROLLOVER_JOB, day, at.getTime(), JSON.stringify({ reset, frozen }));
    return { day, yesterday, reset, frozen, firstRunToday };
  });
}
