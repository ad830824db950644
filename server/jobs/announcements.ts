/**
 * Sends announcements through the bot's queue (which keeps to Telegram's limits): recipients
 * are claimed in small batches — each marked 'sending' and committed before it is handed over —
 * and each outcome is stored, so a restart resumes with the members still waiting and never
 * sends anyone a second copy (a batch in flight when the process stopped ends as 'failed').
 */
import type { JobDeps } from './types';

/** One second of the queue's pace: at most this many messages' fate is unknown after a crash. */
export const ANNOUNCEMENT_BATCH = 25;

export interface AnnouncementCounts {
  delivered: number;
  blocked: number;
  failed: number;
  finished: number;
}

/** Sends until no recipient waits (or `shouldStop` says so). Never throws. */
export async function deliverAnnouncements(
  deps: JobDeps,
  opts: { batch?: number; shouldStop?: () => boolean } = {},
): Promise<AnnouncementCounts> {
  const counts: AnnouncementCounts = { delivered: 0, blocked: 0, failed: 0, finished: 0 };
  const messenger = deps.messenger;
  if (!messenger) return counts;
  const svc = deps.services.announcements;
  try {
    for (;;) {
      if (opts.shouldStop?.()) break;
      const claimed = await svc.claimRecipients(opts.batch ?? ANNOUNCEMENT_BATCH);
      if (claimed.length === 0) break;
      await Promise.all(
        claimed.map(async (m) => {
          let outcome: 'delivered' | 'blocked' | 'failed';
          try {
            const result = await messenger.send({ chatId: m.telegramId, text: m.text });
            outcome = result === 'sent' ? 'delivered' : result;
          } catch (error) {
            deps.log.warn('announcement message failed', { announcementId: m.announcementId, error });
            outcome = 'failed';
          }
          counts[outcome]++;
          if (outcome === 'blocked') deps.services.members.markUnreachable(m.telegramId);
          await svc.recordOutcome(m, outcome);
        }),
      );
    }
    counts.finished = await svc.finishDelivered();
  } catch (error) {
    deps.log.error('announcements delivery failed', { error });
  }
  return counts;
}

export interface AnnouncementSender {
  /** Resolves after the start-up settlement and the first delivery pass. */
  ready: Promise<void>;
  /** Runs a delivery pass now (e.g. right after an announcement is written). */
  wake(): void;
  /** No new passes; resolves when the one running has ended (stop the queue too). */
  stop(): Promise<void>;
}

/**
 * At start-up settles what a stopped process left in flight, then delivers every `intervalMs`
 * while there is anything to send (one pass at a time).
 */
export function startAnnouncementSender(deps: JobDeps, opts: { intervalMs?: number } = {}): AnnouncementSender {
  let stopped = false;
  let running: Promise<void> | null = null;
  const pass = (): Promise<void> => {
    if (stopped || !deps.messenger) return Promise.resolve();
    running ??= deliverAnnouncements(deps, { shouldStop: () => stopped })
      .then((c) => {
        if (c.delivered + c.blocked + c.failed > 0 || c.finished > 0) deps.log.info('announcements sent', { ...c });
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const ready = (async () => {
    if (!deps.messenger) return;
    try {
      const settled = await deps.services.announcements.settleInterrupted();
      if (settled > 0) deps.log.warn('announcement messages interrupted by a restart counted as failed', { settled });
    } catch (error) {
      deps.log.error('announcements settle failed', { error });
    }
    await pass();
  })();
  const timer = setInterval(() => void pass(), opts.intervalMs ?? 2000);
  return {
    ready,
    wake: () => void pass(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await ready;
      await running;
    },
  };
}
