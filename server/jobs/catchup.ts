/**
 * Start-up catch-up, run once after the server starts listening: what the crons would have
 * done while the server was down. Every step is idempotent, so running it on a server that
 * was never down costs a few queries and sends nothing.
 */
import { eveningSummaryJob } from './clubChat';
import { closeAndAnnounce } from './results';
import { remindersJob } from './reminders';
import { dailyRolloverJob } from './rollover';
import type { JobDeps, JobSummary } from './types';

/** How far back a long stop is caught up (older periods are left alone). */
export const CATCH_UP_LIMIT = { weekly: 8, monthly: 3 } as const;

export async function catchUp(deps: JobDeps, now: Date): Promise<JobSummary[]> {
  const summaries: JobSummary[] = [await dailyRolloverJob(deps, now)];
  for (const [kind, job] of [
    ['weekly', 'weekly-results'],
    ['monthly', 'monthly-results'],
  ] as const) {
    const latest = deps.services.results.periodToClose(kind, now);
    const missed = await deps.services.results.unclosedPeriods(kind, latest, CATCH_UP_LIMIT[kind]);
    const lines: string[] = [];
    const counts: Record<string, number> = { periods: 0, written: 0, sent: 0 };
    // Oldest first; only the latest period's winners are announced (older news is stale).
    // The latest is always visited: its announcement may be pending after a crash.
    const periods = [...missed].reverse();
    if (!periods.includes(latest)) periods.push(latest);
    for (const period of periods) {
      const r = await closeAndAnnounce(deps, kind, period, now, { announce: period === latest });
      counts.periods! += missed.includes(period) ? 1 : 0;
      counts.written! += r.counts.written ?? 0;
      counts.sent! += r.counts.sent ?? 0;
      lines.push(...r.lines);
    }
    summaries.push({ job, at: now.toISOString(), lines, counts });
  }
  // Reminders whose time passed less than an hour ago (the job's own rule).
  summaries.push(await remindersJob(deps, now));
  // The evening summary, when its time passed less than an hour ago (the same rule).
  summaries.push(await eveningSummaryJob(deps, now));
  return summaries;
}
