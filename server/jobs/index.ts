/** The jobs by name: the scheduler, the catch-up and `bun run job <name>` share this table. */
import { eveningSummaryJob } from './clubChat';
import { remindersJob } from './reminders';
import { monthlyResultsJob, weeklyResultsJob } from './results';
import { dailyRolloverJob } from './rollover';
import type { Job, JobName } from './types';

export const JOBS: Record<JobName, Job> = {
  reminders: remindersJob,
  'daily-rollover': dailyRolloverJob,
  'weekly-results': weeklyResultsJob,
  'monthly-results': monthlyResultsJob,
  'evening-summary': eveningSummaryJob,
};

/** When each job runs, in CLUB_TIMEZONE (Bun.cron syntax). */
export const SCHEDULE: Record<JobName, string> = {
  reminders: '* * * * *',
  'daily-rollover': '1 0 * * *',
  'weekly-results': '5 0 * * 1',
  'monthly-results': '10 0 1 * *',
  'evening-summary': '* * * * *',
};

export { JOB_NAMES, type Job, type JobDeps, type JobName, type JobSummary } from './types';
