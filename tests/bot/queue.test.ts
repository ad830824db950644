/**
 * The outgoing queue's pacing, on a virtual clock: sleeping advances the clock instantly, so
 * these tests prove the rate without waiting for it.
 */
import { describe, expect, test } from 'bun:test';
import { MessageQueue, toSendParams, type QueueTimer, type SendMessageParams } from '../../server/bot/queue';

function virtualTimer(start = 1_000_000): QueueTimer & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += ms;
      await Promise.resolve();
    },
  };
}

class FakeTelegramError extends Error {
  constructor(
    readonly code: number,
    readonly payload?: { retry_after?: number },
  ) {
    super(`fake ${code}`);
  }
}

function recorder(timer: QueueTimer, fail?: (params: SendMessageParams, n: number) => Error | null) {
  const calls: { at: number; chatId: number; text: string }[] = [];
  let n = 0;
  const send = async (params: SendMessageParams) => {
    n++;
    calls.push({ at: timer.now(), chatId: params.chat_id, text: params.text });
    const error = fail?.(params, n) ?? null;
    if (error) throw error;
    return true;
  };
  return { calls, send };
}

/** The largest number of sends inside any window of `ms` milliseconds. */
function maxInWindow(times: number[], ms: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    let count = 0;
    for (let j = i; j < times.length && times[j]! < times[i]! + ms; j++) count++;
    best = Math.max(best, count);
  }
  return best;
}

describe('message queue', () => {
  test('never more than 25 messages in any second, overall', async () => {
    const timer = virtualTimer();
    const { calls, send } = recorder(timer);
    const queue = new MessageQueue({ send, timer });
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => queue.send({ chatId: 10_000 + i, text: `hello ${i}` })),
    );
    expect(results.every((r) => r === 'sent')).toBe(true);
    expect(calls).toHaveLength(120);
    const times = calls.map((c) => c.at);
    expect(maxInWindow(times, 1000)).toBe(25);
    // 120 messages at 25/s need at least four full seconds after the first burst.
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(4000);
    expect(times.at(-1)! - times[0]!).toBeLessThan(5000);
    // First come, first served across chats.
    expect(calls.map((c) => c.text)).toEqual(Array.from({ length: 120 }, (_, i) => `hello ${i}`));
  });

  test('at most one message per second to the same chat, without holding up other chats', async () => {
    const timer = virtualTimer();
    const { calls, send } = recorder(timer);
    const queue = new MessageQueue({ send, timer });
    const start = timer.now();
    await Promise.all([
      queue.send({ chatId: 1, text: 'a1' }),
      queue.send({ chatId: 1, text: 'a2' }),
      queue.send({ chatId: 1, text: 'a3' }),
      queue.send({ chatId: 2, text: 'b1' }),
    ]);
    const toA = calls.filter((c) => c.chatId === 1).map((c) => c.at - start);
    expect(toA).toEqual([0, 1000, 2000]);
    // Chat 2 did not wait behind chat 1's pacing.
    expect(calls.find((c) => c.chatId === 2)!.at - start).toBe(0);
    expect(calls.map((c) => c.text)).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  test('a 429 pauses the queue for retry_after, then the message goes', async () => {
    const timer = virtualTimer();
    const { calls, send } = recorder(timer, (_p, n) => (n === 2 ? new FakeTelegramError(429, { retry_after: 7 }) : null));
    const queue = new MessageQueue({ send, timer });
    const start = timer.now();
    const results = await Promise.all([
      queue.send({ chatId: 1, text: 'one' }),
      queue.send({ chatId: 2, text: 'two' }),
      queue.send({ chatId: 3, text: 'three' }),
    ]);
    expect(results).toEqual(['sent', 'sent', 'sent']);
    expect(calls.map((c) => [c.text, c.at - start])).toEqual([
      ['one', 0],
      ['two', 0], // refused with retry_after 7
      ['two', 7000], // retried first, after the pause
      ['three', 7000],
    ]);
  });

  test('a 403 ends as blocked and reports the chat once; other failures end as failed', async () => {
    const timer = virtualTimer();
    const blocked: number[] = [];
    const { calls, send } = recorder(timer, (p) =>
      p.chat_id === 5 ? new FakeTelegramError(403) : p.chat_id === 6 ? new FakeTelegramError(400) : null,
    );
    const queue = new MessageQueue({ send, timer, onBlocked: (id) => blocked.push(id) });
    const results = await Promise.all([
      queue.send({ chatId: 5, text: 'x' }),
      queue.send({ chatId: 6, text: 'y' }),
      queue.send({ chatId: 7, text: 'z' }),
    ]);
    expect(results).toEqual(['blocked', 'failed', 'sent']);
    expect(blocked).toEqual([5]);
    expect(calls).toHaveLength(3); // neither the 403 nor the 400 is retried
  });

  test('network failures are retried with a growing back-off, then given up', async () => {
    const timer = virtualTimer();
    const { calls, send } = recorder(timer, () => new TypeError('fetch failed'));
    const queue = new MessageQueue({ send, timer, maxAttempts: 4, retryBaseMs: 500 });
    const start = timer.now();
    expect(await queue.send({ chatId: 1, text: 'x' })).toBe('failed');
    expect(calls.map((c) => c.at - start)).toEqual([0, 1000, 2000, 4000]); // 500·2ⁿ, but never faster than 1/s per chat
  });

  test('the Mini App button: web_app for https, a plain link otherwise', () => {
    expect(toSendParams({ chatId: 1, text: 't', webAppButton: { text: 'Open', url: 'https://x.example/app/' } }).reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Open', web_app: { url: 'https://x.example/app/' } }]],
    });
    expect(toSendParams({ chatId: 1, text: 't', webAppButton: { text: 'Open', url: 'http://localhost:3000/app/' } }).reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Open', url: 'http://localhost:3000/app/' }]],
    });
  });

  test('stop() ends waiting messages as failed; idle() resolves when all are done', async () => {
    const timer = virtualTimer();
    const { send } = recorder(timer);
    const queue = new MessageQueue({ send, timer });
    const first = await queue.send({ chatId: 1, text: 'a' });
    expect(first).toBe('sent');
    await queue.idle();
    queue.stop();
    expect(await queue.send({ chatId: 1, text: 'late' })).toBe('failed');
  });
});
