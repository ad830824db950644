/**
 * What only the leader does: poll Telegram with the bot, run the scheduler and send the
 * announcements. Each time this instance becomes leader a fresh bot, scheduler and sender start
 * (the scheduler's start-up catch-up runs whatever the previous leader missed, the jobs are
 * idempotent; the sender first settles recipients a stopped leader left in flight, so nobody
 * gets a second copy); standing down stops all three.
 */
import { createBot, type QadamBot } from '../bot';
import type { Config } from '../config';
import { startAnnouncementSender, type AnnouncementSender } from '../jobs/announcements';
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
  let announcer: AnnouncementSender | null = null;
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
      const deps = { services: runtime.services, messenger: bot?.messenger ?? null, publicUrl: config.PUBLIC_URL, log };
      scheduler = startScheduler(deps);
      // Announcements written in the panel go out through the same queue, resumed after a restart.
      announcer = startAnnouncementSender(deps);
      log.info('leader duties started', { bot: bot !== null, scheduler: true, announcements: true });
    },
    async standDown() {
      // No new runs or passes; the ones in progress end once the bot's queue stops.
      const jobsEnded = scheduler?.stop();
      const announcementsEnded = announcer?.stop();
      await bot?.stop();
      await jobsEnded;
      await announcementsEnded;
      bot = null;
      scheduler = null;
      announcer = null;
    },
  };
}
