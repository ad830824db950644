/** What every job receives and returns. Jobs are thin: services decide, jobs send. */
import type { Logger } from '../log';
import type { Messenger } from '../messaging';
import type { Services } from '../services';

export interface JobDeps {
  services: Services;
  /** The outgoing channel (the bot's queue). Null when the bot is off: nothing is sent or recorded as sent. */
  messenger: Messenger | null;
  /** The server's public URL; the Mini App is `${publicUrl}/app/`. */
  publicUrl: string;
  log: Logger;
}

export const JOB_NAMES = ['reminders', 'daily-rollover', 'weekly-results', 'monthly-results', 'evening-summary'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobSummary {
  job: JobName;
  /** The instant the job ran as (ISO). */
  at: string;
  /** Human-readable lines: what was done. */
  lines: string[];
  /** Figures for tests and logs: sent, blocked, failed, written, reset, … */
  counts: Record<string, number>;
}

export type Job = (deps: JobDeps, now: Date) => Promise<JobSummary>;
