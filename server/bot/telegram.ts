/** Reading Telegram's answers: what a failed call means for the bot. */
import { TelegramError } from 'gramio';

/** Telegram's error code of a failed call (403, 429, …), or null for a network failure. */
export function telegramCode(error: unknown): number | null {
  if (error instanceof TelegramError) return typeof error.code === 'number' ? error.code : null;
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'number') {
    return (error as { code: number }).code;
  }
  return null;
}

/** Seconds Telegram asks us to wait (429 Too Many Requests), or null. */
export function retryAfterSeconds(error: unknown): number | null {
  if (telegramCode(error) !== 429) return null;
  const payload = (error as { payload?: { retry_after?: unknown } }).payload;
  const value = payload?.retry_after;
  return typeof value === 'number' && value >= 0 ? value : 1;
}

/** 403: the member blocked the bot (or deleted their account): send nothing more. */
export function isBlocked(error: unknown): boolean {
  return telegramCode(error) === 403;
}

/** A failure worth retrying later: the network, Telegram's own 5xx, or a 429. */
export function isTransient(error: unknown): boolean {
  const code = telegramCode(error);
  return code === null || code === 429 || code >= 500;
}

export function describeError(error: unknown): string {
  if (error instanceof TelegramError) return `${error.method}: ${error.code ?? 'no code'} ${error.message || '(no description)'}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Cancellable sleep: resolves early (never rejects) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}
