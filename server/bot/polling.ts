/**
 * Long polling that survives Telegram being away. GramIO's own loop retries getUpdates at a
 * fixed pace and lets bot.start() reject when getMe fails; the club's bot instead:
 * - retries getMe at start-up with a growing back-off until Telegram answers (never throws);
 * - retries getUpdates the same way mid-run, waits `retry_after` on a 429, and logs once per
 *   outage and once on recovery;
 * - hands updates to GramIO's own update queue, so handlers and the error boundary are GramIO's.
 */
import type { AnyBot, TelegramUpdate, TelegramUser } from 'gramio';
import type { Logger } from '../log';
import { describeError, retryAfterSeconds, sleep, telegramCode } from './telegram';

export interface PollingOptions {
  /** getUpdates long-poll timeout in seconds (Telegram holds the request that long). */
  timeoutSeconds: number;
  /** Pause after an empty answer; a real long poll already waited, a fake one may not. */
  idleDelayMs: number;
  backoff: { initialMs: number; maxMs: number; factor: number };
  allowedUpdates: string[];
}

export const DEFAULT_POLLING: PollingOptions = {
  timeoutSeconds: 30,
  idleDelayMs: 200,
  backoff: { initialMs: 1000, maxMs: 60_000, factor: 2 },
  allowedUpdates: ['message', 'callback_query', 'inline_query'],
};

export interface Poller {
  /** Resolves with the bot's identity once Telegram answered getMe (null if stopped first). */
  start(onConnected?: (info: TelegramUser) => Promise<void> | void): Promise<TelegramUser | null>;
  /**
   * Stops polling: no new updates are taken, `drain` may wait for handlers in progress, then
   * the requests still open (a 30-second long poll) are aborted.
   */
  stop(drain?: () => Promise<void>): Promise<void>;
  readonly running: boolean;
}

export function createPoller(bot: AnyBot, log: Logger, options: PollingOptions): Poller {
  const abort = new AbortController();
  const requests = new AbortController();
  // GramIO reads fetchOptions on every call: this lets stop() cut a long poll short.
  bot.options.api.fetchOptions = { ...bot.options.api.fetchOptions, signal: requests.signal };
  let loop: Promise<void> | null = null;
  let running = false;

  const grow = (delay: number) => Math.min(delay * options.backoff.factor, options.backoff.maxMs);
  const waitFor = (error: unknown, delay: number) => {
    const retryAfter = retryAfterSeconds(error);
    return retryAfter !== null ? retryAfter * 1000 : delay;
  };

  async function connect(): Promise<TelegramUser | null> {
    let delay = options.backoff.initialMs;
    for (let attempt = 1; !abort.signal.aborted; attempt++) {
      try {
        await bot.init();
        if (attempt > 1) log.info('bot: Telegram reachable', { attempts: attempt });
        return bot.info ?? null;
      } catch (error) {
        if (abort.signal.aborted) break;
        const wait = waitFor(error, delay);
        const code = telegramCode(error);
        const fields = { attempt, retryInMs: wait, error: describeError(error) };
        if (code === 401 || code === 404) log.error('bot: Telegram refuses the token (check BOT_TOKEN); retrying', fields);
        else log.warn('bot: Telegram unreachable at start-up; retrying', fields);
        await sleep(wait, abort.signal);
        delay = grow(delay);
      }
    }
    return null;
  }

  async function poll(): Promise<void> {
    let offset = 0;
    let delay = options.backoff.initialMs;
    let failures = 0;
    while (!abort.signal.aborted) {
      let updates: TelegramUpdate[];
      try {
        updates = await bot.api.getUpdates({
          offset,
          timeout: options.timeoutSeconds,
          allowed_updates: options.allowedUpdates as never,
        });
      } catch (error) {
        if (abort.signal.aborted) break;
        failures++;
        const wait = waitFor(error, delay);
        if (failures === 1 || failures % 10 === 0) {
          log.warn('bot: getUpdates failed; retrying', { failures, retryInMs: wait, error: describeError(error) });
        }
        if (telegramCode(error) === 409) {
          // A webhook is set (or another poller runs): polling needs the webhook gone.
          await bot.api.deleteWebhook({}).catch(() => undefined);
        }
        await sleep(wait, abort.signal);
        delay = grow(delay);
        continue;
      }
      if (abort.signal.aborted) break; // not acknowledged: Telegram delivers them again next time
      if (failures > 0) log.info('bot: Telegram reachable again', { failures });
      failures = 0;
      delay = options.backoff.initialMs;
      if (!Array.isArray(updates) || updates.length === 0) {
        if (options.idleDelayMs > 0) await sleep(options.idleDelayMs, abort.signal);
        continue;
      }
      for (const update of updates) offset = Math.max(offset, update.update_id + 1);
      bot.updates.queue.addBatch(updates);
    }
  }

  return {
    get running() {
      return running;
    },
    start(onConnected) {
      if (loop) throw new Error('The bot is already started');
      running = true;
      let resolveConnected!: (info: TelegramUser | null) => void;
      const connected = new Promise<TelegramUser | null>((r) => (resolveConnected = r));
      loop = (async () => {
        try {
          const info = await connect();
          if (info && onConnected) {
            try {
              await onConnected(info);
            } catch (error) {
              log.error('bot: start-up hook failed', { error });
            }
          }
          resolveConnected(info);
          if (info) await poll();
        } catch (error) {
          // Nothing above should throw; if it does, the server keeps running without the bot.
          log.error('bot: polling stopped by an unexpected error', { error });
          resolveConnected(null);
        } finally {
          running = false;
        }
      })();
      return connected;
    },
    async stop(drain) {
      abort.abort();
      if (drain) await drain().catch((error) => log.warn('bot: draining handlers failed', { error }));
      requests.abort();
      await loop;
    },
  };
}
