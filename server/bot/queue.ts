/**
 * The outgoing message queue for everything the bot sends on its own initiative (reminders,
 * winners, announcements): at most 25 messages per second in all and one per second per chat,
 * as Telegram asks of bots. A 429 pauses the whole queue for `retry_after`; a 403 ("blocked by
 * the user") is final: the job ends as 'blocked' and the member is marked unreachable.
 *
 * Time comes from an injected timer so tests run the rate logic on a virtual clock.
 */
import type { Logger } from '../log';
import type { DeliveryResult, Messenger, OutgoingMessage } from '../messaging';
import { describeError, isBlocked, isTransient, retryAfterSeconds, sleep } from './telegram';

export interface QueueTimer {
  now(): number;
  /** Resolves after `ms` (or earlier when `signal` aborts); never rejects. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimer: QueueTimer = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal),
};

export interface SendMessageParams {
  chat_id: number;
  text: string;
  reply_markup?: { inline_keyboard: ({ text: string; url: string } | { text: string; web_app: { url: string } })[][] };
}

/** Calls Telegram's sendMessage; throws Telegram's error (with `code`, `payload.retry_after`). */
export type SendFn = (params: SendMessageParams) => Promise<unknown>;

export interface QueueOptions {
  send: SendFn;
  timer?: QueueTimer;
  /** Called once per 403, with the chat (= the member's Telegram id in a private chat). */
  onBlocked?: (chatId: number) => void;
  log?: Logger;
  globalPerSecond?: number;
  perChatIntervalMs?: number;
  /** Attempts per message before it ends as 'failed' (429s and network failures count). */
  maxAttempts?: number;
  /** First back-off after a network failure or a 5xx; doubles per attempt. */
  retryBaseMs?: number;
}

interface Job {
  message: OutgoingMessage;
  attempts: number;
  notBefore: number;
  resolve: (result: DeliveryResult) => void;
}

const WINDOW_MS = 1000;

/** Telegram shows web_app buttons only for https pages; an http URL becomes a plain link. */
export function toSendParams(message: OutgoingMessage): SendMessageParams {
  const params: SendMessageParams = { chat_id: message.chatId, text: message.text };
  const button = message.webAppButton;
  if (button) {
    params.reply_markup = {
      inline_keyboard: [
        [button.url.startsWith('https://') ? { text: button.text, web_app: { url: button.url } } : { text: button.text, url: button.url }],
      ],
    };
  }
  return params;
}

export class MessageQueue implements Messenger {
  private readonly jobs: Job[] = [];
  /** Times of the sends inside the last second (oldest first). */
  private readonly recent: number[] = [];
  /** Per chat: the earliest time the next message may go. */
  private readonly chatFreeAt = new Map<number, number>();
  private pausedUntil = 0;
  private working = false;
  private stopped = false;
  private readonly abort = new AbortController();
  private idleWaiters: (() => void)[] = [];

  private readonly timer: QueueTimer;
  private readonly globalPerSecond: number;
  private readonly perChatIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;

  constructor(private readonly options: QueueOptions) {
    this.timer = options.timer ?? realTimer;
    this.globalPerSecond = options.globalPerSecond ?? 25;
    this.perChatIntervalMs = options.perChatIntervalMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
  }

  send(message: OutgoingMessage): Promise<DeliveryResult> {
    if (this.stopped) return Promise.resolve('failed');
    return new Promise<DeliveryResult>((resolve) => {
      this.jobs.push({ message, attempts: 0, notBefore: 0, resolve });
      void this.work();
    });
  }

  /** Messages waiting to be sent. */
  get size(): number {
    return this.jobs.length;
  }

  /** Resolves when every queued message has been delivered or given up. */
  idle(): Promise<void> {
    if (this.jobs.length === 0 && !this.working) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops sending; messages still waiting end as 'failed'. */
  stop(): void {
    this.stopped = true;
    this.abort.abort();
    for (const job of this.jobs.splice(0)) job.resolve('failed');
    this.notifyIdle();
  }

  private notifyIdle(): void {
    if (this.jobs.length > 0 || this.working) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private globalReadyAt(now: number): number {
    while (this.recent.length > 0 && this.recent[0]! <= now - WINDOW_MS) this.recent.shift();
    if (this.recent.length < this.globalPerSecond) return now;
    return this.recent[this.recent.length - this.globalPerSecond]! + WINDOW_MS;
  }

  /** The job that may go first (earliest ready time, first come first served on ties). */
  private pick(now: number): { index: number; readyAt: number } {
    const base = Math.max(this.globalReadyAt(now), this.pausedUntil);
    let best = { index: 0, readyAt: Number.POSITIVE_INFINITY };
    for (let i = 0; i < this.jobs.length; i++) {
      const job = this.jobs[i]!;
      const readyAt = Math.max(base, this.chatFreeAt.get(job.message.chatId) ?? 0, job.notBefore);
      if (readyAt < best.readyAt) best = { index: i, readyAt };
      if (best.readyAt <= now) break; // ready now: first come, first served
    }
    return best;
  }

  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      while (this.jobs.length > 0 && !this.stopped) {
        const now = this.timer.now();
        const { index, readyAt } = this.pick(now);
        if (readyAt > now) {
          await this.timer.sleep(readyAt - now, this.abort.signal);
          continue;
        }
        const job = this.jobs.splice(index, 1)[0]!;
        await this.attempt(job);
      }
    } finally {
      this.working = false;
      this.notifyIdle();
    }
  }

  private async attempt(job: Job): Promise<void> {
    const chatId = job.message.chatId;
    const startedAt = this.timer.now();
    this.recent.push(startedAt);
    this.chatFreeAt.set(chatId, startedAt + this.perChatIntervalMs);
    this.pruneChats(startedAt);
    job.attempts++;
    try {
      await this.options.send(toSendParams(job.message));
      job.resolve('sent');
      return;
    } catch (error) {
      if (isBlocked(error)) {
        try {
          this.options.onBlocked?.(chatId);
        } catch (e) {
          this.options.log?.error('queue: marking a member unreachable failed', { chatId, error: e });
        }
        job.resolve('blocked');
        return;
      }
      const retryAfter = retryAfterSeconds(error);
      const now = this.timer.now();
      if (retryAfter !== null) {
        // Telegram's flood control applies to the bot: hold every message, not only this one.
        this.pausedUntil = Math.max(this.pausedUntil, now + retryAfter * 1000);
        this.options.log?.warn('queue: Telegram asked to slow down', { retryAfter, chatId });
      }
      if (isTransient(error) && job.attempts < this.maxAttempts) {
        if (retryAfter === null) job.notBefore = now + this.retryBaseMs * 2 ** (job.attempts - 1);
        this.jobs.unshift(job);
        return;
      }
      this.options.log?.warn('queue: message not delivered', { chatId, attempts: job.attempts, error: describeError(error) });
      job.resolve('failed');
    }
  }

  private pruneChats(now: number): void {
    if (this.chatFreeAt.size < 5000) return;
    for (const [chat, at] of this.chatFreeAt) if (at <= now) this.chatFreeAt.delete(chat);
  }
}
