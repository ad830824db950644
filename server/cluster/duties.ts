/**
 * What only the leader does: poll Telegram with the bot and run the scheduler. Each time this
 * instance becomes leader a fresh bot and scheduler start (the scheduler's start-up catch-up
 * runs whatever the previous leader missed; the jobs are idempotent); standing down stops both.
 */
import { createBot, type QadamBot } from '../bot';
import type { Config } from '../config';
import { startScheduler, type Scheduler } from '../jobs/scheduler';
import type { Logger } from '../log';
import type { Runtime } from '../runtime';
import type { Duties } from './leader';

export interface LeaderDuties extends Duties {
  /** The bot's username once the first bot this instance started connected (or null). */
  botStarted: Promise<string | null>;
}

export function leaderDuties(runtime: Runtime, config: Config, log: Logger): LeaderDuties {
  let bot: QadamBot | null = null;
  let scheduler: Scheduler | null = null;
  const named = Promise.withResolvers<string | null>();
  if (!config.BOT_TOKEN) named.resolve(null);
  return {
    botStarted: named.promise,
    lead() {
      // The bot: long polling with back-off (start() resolves once Telegram answers; never rejects).
      bot = config.BOT_TOKEN ? createBot({ services: runtime.services, config, log, clock: runtime.clock }) : null;
      void bot?.start().then((info) => {
        runtime.setBotUsername(info?.username ?? null);
        named.resolve(info?.username ?? null);
      });
      // Scheduled jobs (Bun.cron in CLUB_TIMEZONE) plus a catch-up of what was missed meanwhile.
      scheduler = startScheduler({ services: runtime.services, messenger: bot?.messenger ?? null, publicUrl: config.PUBLIC_URL, log });
      log.info('leader duties started', { bot: bot !== null, scheduler: true });
    },
    async standDown() {
      const jobsEnded = scheduler?.stop(); // no new runs; the ones in progress end once the queue stops
      await bot?.stop();
      await jobsEnded;
      bot = null;
      scheduler = null;
    },
  };
}
