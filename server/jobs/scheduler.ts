/**
 * Registers the jobs with Bun's in-process cron in the club's time zone, and runs the start-up
 * catch-up once. Each fire reads "now" from the services' clock; a job still running when its
 * next minute comes is not started twice; errors are logged, never thrown into the event loop.
 */
import { catchUp } from './catchup';
import { JOBS, SCHEDULE } from './index';
import { JOB_NAMES, type JobDeps, type JobName, type JobSummary } from './types';

export interface Scheduler {
  /** Resolves when the start-up catch-up has finished (never rejects). */
  caughtUp: Promise<void>;
  /** Runs one job now, as the cron would (tests, operators). */
  run(name: JobName): Promise<JobSummary | null>;
  /**
   * Stops the crons at once; resolves when the jobs in progress have ended. Stop the
   * Messenger too (its waiting messages then end as 'failed') so that does not take long.
   */
  stop(): Promise<void>;
}

function isQuiet(s: JobSummary): boolean {
  if (s.job === 'evening-summary') return (s.counts.posted ?? 0) === 0 && (s.counts.failed ?? 0) === 0;
  return s.job === 'reminders' && (s.counts.due ?? 0) === 0;
}

export function startScheduler(deps: JobDeps, opts: { catchUp?: boolean } = {}): Scheduler {
  const { clock, timeZone } = deps.services;
  const running = new Set<JobName>();
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  }

  function run(name: JobName): Promise<JobSummary | null> {
    if (stopped || running.has(name)) return Promise.resolve(null);
    return track(runOnce(name));
  }

  async function runOnce(name: JobName): Promise<JobSummary | null> {
    running.add(name);
    try {
      const summary = await JOBS[name](deps, clock.now());
      if (isQuiet(summary)) deps.log.debug('job ran', { job: name, lines: summary.lines });
      else deps.log.info('job ran', { job: name, lines: summary.lines, counts: summary.counts });
      return summary;
    } catch (error) {
      deps.log.error('job failed', { job: name, error });
      return null;
    } finally {
      running.delete(name);
    }
  }

  const crons = JOB_NAMES.map((name) => Bun.cron(SCHEDULE[name], () => run(name), { tz: timeZone }));

  const caughtUp = track((async () => {
    if (opts.catchUp === false) return;
    // Reminders and results inside the catch-up must not race the first cron fires.
    for (const name of JOB_NAMES) running.add(name);
    try {
      for (const s of await catchUp(deps, clock.now())) {
        // Periods closed with nothing written or sent (a fresh or idle club) are not news.
        const quiet = isQuiet(s) || Object.entries(s.counts).every(([k, n]) => k === 'periods' || n === 0);
        deps.log[quiet ? 'debug' : 'info']('catch-up', { job: s.job, lines: s.lines, counts: s.counts });
      }
    } catch (error) {
      deps.log.error('catch-up failed', { error });
    } finally {
      for (const name of JOB_NAMES) running.delete(name);
    }
  })());

  deps.log.info('scheduler started', { timeZone, jobs: SCHEDULE });
  return {
    caughtUp,
    run,
    async stop() {
      stopped = true;
      for (const c of crons) c.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
