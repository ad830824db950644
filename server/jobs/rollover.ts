/** daily-rollover: after midnight, missed days are covered by held streak freezes; other lapsed streaks become 0. */
import type { JobDeps, JobSummary } from './types';

export async function dailyRolloverJob(deps: JobDeps, now: Date): Promise<JobSummary> {
  const r = await deps.services.rollover.rolloverStreaks(now);
  return {
    job: 'daily-rollover',
    at: now.toISOString(),
    lines: [
      `${r.day}: ${r.frozen} streak(s) kept by a streak freeze`,
      `${r.day}: ${r.reset} streak(s) with no counted day since before ${r.yesterday} set to 0`,
    ],
    counts: { reset: r.reset, frozen: r.frozen },
  };
}
