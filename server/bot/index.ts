/**
 * createBot(deps): the club's Telegram bot, built but never started by itself.
 * main.ts starts it when BOT_TOKEN is set; tests start it against telegram-test-api.
 *
 *   guards (reachable again, banned, a command ends a pending input)
 *   → features (./features/index.ts, one file each)
 *   → fallback (unknown command, stray text, stale button)
 *   errors → the one error boundary (./boundary.ts)
 *
 * Outgoing traffic: replies go straight out (one per incoming update; a 429 is waited out
 * here); messages the server sends on its own go through `messenger`, the rate-limited queue.
 */
import { Bot, type AnyBot, type TelegramUser } from 'gramio';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Services } from '../services';
import type { MemberNotice } from '../services/notices';
import { installErrorBoundary } from './boundary';
import type { BotDeps } from './deps';
import { groupChat } from './features/clubChat';
import { fallback } from './features/fallback';
import { features } from './features';
import { guards } from './guards';
import { NoticeHold, noticeText } from './notices';
import { createPoller, DEFAULT_POLLING, type PollingOptions } from './polling';
import { MessageQueue, type QueueOptions, type SendMessageParams } from './queue';
import { PendingInputs } from './session';
import { configureBot } from './setup';
import { isBlocked, retryAfterSeconds, sleep } from './telegram';

export interface CreateBotDeps {
  services: Services;
  config: BotDeps['config'];
  log: Logger;
  clock: Clock;
}

export interface CreateBotOptions {
  polling?: Partial<Omit<PollingOptions, 'backoff'>> & { backoff?: Partial<PollingOptions['backoff']> };
  queue?: Omit<QueueOptions, 'send' | 'onBlocked' | 'log'>;
  /** Skip setMyCommands / setChatMenuButton (tests that count API calls). */
  skipSetup?: boolean;
}

export interface QadamBot {
  /** The GramIO bot (for tests and for features that need the raw API). */
  readonly bot: AnyBot;
  /** The rate-limited outgoing queue: hand it to the scheduler as its Messenger. */
  readonly messenger: MessageQueue;
  /**
   * Starts long polling. Resolves with the bot's identity once Telegram answered getMe —
   * retrying with back-off as long as needed — or null if stopped first. Never rejects.
   */
  start(): Promise<TelegramUser | null>;
  /** Stops polling, lets handlers in progress finish, stops the queue. */
  stop(): Promise<void>;
}

/** A 429 on a reply is waited out this many times at most, for at most this long each. */
const REPLY_RETRIES = 2;
const REPLY_MAX_WAIT_S = 30;

export function createBot(deps: CreateBotDeps, options: CreateBotOptions = {}): QadamBot {
  const token = deps.config.BOT_TOKEN;
  if (!token) throw new Error('createBot needs BOT_TOKEN');
  const milestones = new NoticeHold((notice) => sendNotice(notice));
  const botDeps: BotDeps = { ...deps, pending: new PendingInputs(deps.clock), milestones };
  const lifetime = new AbortController();

  const bot = new Bot(token, { api: { baseURL: `${deps.config.TELEGRAM_API_URL}/bot` } }) as unknown as AnyBot;

  // The queue handles 429 itself; its calls are marked so the reply hook below leaves them alone.
  const queued = new WeakSet<object>();

  bot.onApiCall(async (call, next) => {
    if (call.method === 'getUpdates' || (call.params && queued.has(call.params))) return next();
    for (let attempt = 0; ; attempt++) {
      try {
        return await next();
      } catch (error) {
        const wait = retryAfterSeconds(error);
        if (wait === null || attempt >= REPLY_RETRIES || wait > REPLY_MAX_WAIT_S || lifetime.signal.aborted) throw error;
        deps.log.warn('bot: Telegram asked to slow down; waiting', { method: call.method, retryAfter: wait });
        await sleep(wait * 1000, lifetime.signal);
      }
    }
  });

  // 403 "blocked by the user": nothing more is sent to them until they write again (guards).
  bot.onResponseError((error) => {
    const chatId = (error.params as { chat_id?: unknown } | undefined)?.chat_id;
    if (isBlocked(error) && typeof chatId === 'number' && chatId > 0) {
      void deps.services.members.markUnreachable(chatId).catch((failure: unknown) => {
        deps.log.warn('bot: markUnreachable failed', { error: failure });
      });
    }
  });

  installErrorBoundary(bot, botDeps);
  bot.extend(groupChat(botDeps)); // the club's group: /top and /clubchat there; the rest of a group is ignored
  bot.extend(guards(botDeps));
  for (const feature of features) bot.extend(feature(botDeps));
  bot.extend(fallback(botDeps));

  const messenger = new MessageQueue({
    ...options.queue,
    log: deps.log,
    send: (params: SendMessageParams) => {
      queued.add(params);
      return bot.api.sendMessage(params as never);
    },
    // The 403 hook above already marks the member; the queue reports it to its caller too.
    onBlocked: (chatId) => {
      void deps.services.members.markUnreachable(chatId).catch((error: unknown) => deps.log.warn('bot: markUnreachable failed', { error }));
    },
  });

  // An admin deleted, added or corrected a member's result: they hear it from the bot, in their
  // language; so do badges earned and streak freezes earned, used or granted — those a member's
  // own result earns while the bot answers it go into that answer (./notices.ts).
  const sendNotice = (notice: MemberNotice) => {
    const text = noticeText(notice);
    void messenger.send({ chatId: notice.telegramId, text }).catch((error: unknown) => deps.log.warn('bot: notice not sent', { error }));
  };
  const unsubscribe = deps.services.notices.subscribe((notice) => {
    if (!milestones.hold(notice)) sendNotice(notice);
  });

  const pollingOptions: PollingOptions = {
    ...DEFAULT_POLLING,
    ...options.polling,
    backoff: { ...DEFAULT_POLLING.backoff, ...options.polling?.backoff },
  };
  const poller = createPoller(bot, deps.log, pollingOptions);
  let started = false;

  return {
    bot,
    messenger,
    start() {
      if (started) throw new Error('The bot is already started');
      started = true;
      return poller.start(async (info) => {
        deps.log.info('bot: connected', { username: info.username });
        if (!options.skipSetup) void configureBot(bot, botDeps);
      });
    },
    async stop() {
      lifetime.abort();
      unsubscribe();
      await poller.stop(() => bot.updates.queue.stop(3000));
      messenger.stop();
    },
  };
}
