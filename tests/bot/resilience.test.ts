/**
 * Telegram going away and coming back, refusing with 403 and 429: the bot never crashes,
 * resumes by itself, and leaves no unhandled rejection behind.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { BotHarness, freePort, startFakeTelegram } from './harness';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await Bun.sleep(20);
  }
}

describe('outage', () => {
  test('the fake Telegram stops and restarts on the same port: the bot resumes and answers', async () => {
    const h = await new BotHarness().start();
    try {
      const m = await h.registered({ language_code: 'en' });
      expect((await m.ask('/help')).text).toContain('Qadam Club commands');

      await h.fake.stop();
      const warningsBefore = h.logs.filter((l) => l.msg.includes('getUpdates failed')).length;
      // The poller logs its 1st and every 10th failure: wait for the 10th, so the back-off has
      // grown to its ceiling before Telegram returns.
      await until(
        'ten failed polls during the outage',
        () => h.logs.some((l) => l.msg.includes('getUpdates failed') && Number(l.fields?.failures) >= 10),
        8000,
      );

      h.fake = await startFakeTelegram(h.port);
      const answer = await m.ask('/help', 8000);
      expect(answer.text).toContain('Qadam Club commands');
      await until('recovery is logged', () => h.logs.some((l) => l.msg === 'bot: Telegram reachable again'));

      // Ten or more failures, but only the 1st and the 10th were logged, not one per request.
      const warnings = h.logs.filter((l) => l.msg.includes('getUpdates failed')).slice(warningsBefore);
      expect(warnings.map((l) => l.fields?.failures)).toEqual([1, 10]);
      expect(h.errors()).toEqual([]);
      expect(unhandled).toEqual([]);
    } finally {
      await h.stop();
    }
  }, 20_000);

  test('Telegram unreachable at start-up: start() retries with a growing back-off, then connects', async () => {
    const h = new BotHarness();
    const port = await freePort();
    h.port = port;
    const { createTestRuntime } = await import('../helpers/runtime');
    const { createBot } = await import('../../server/bot');
    const { captureLogger } = await import('./harness');
    h.runtime = createTestRuntime({ env: { TELEGRAM_API_URL: h.fakeUrl, PUBLIC_URL: 'https://qadam.example' } });
    h.qadam = createBot(
      { services: h.runtime.services, config: h.runtime.config, log: captureLogger(h.logs), clock: h.runtime.clock },
      { polling: { idleDelayMs: 15, timeoutSeconds: 0, backoff: { initialMs: 40, maxMs: 400, factor: 2 } } },
    );
    try {
      let connected: unknown = 'pending';
      const started = h.qadam.start().then((info) => (connected = info));
      await until('three failed attempts', () => h.logs.filter((l) => l.msg.includes('unreachable at start-up')).length >= 3);
      expect(connected).toBe('pending');
      const waits = h.logs.filter((l) => l.msg.includes('unreachable at start-up')).map((l) => l.fields?.retryInMs as number);
      expect(waits.slice(0, 3)).toEqual([40, 80, 160]);

      h.fake = await startFakeTelegram(port);
      await started;
      expect((connected as { username: string }).username).toBe('TestNameBot');
      const m = await h.registered({ language_code: 'ru' });
      expect((await m.ask('/help')).text).toContain('Команды Qadam Club');
      expect(unhandled).toEqual([]);
    } finally {
      await h.stop();
    }
  }, 20_000);

  test('stop() while Telegram is unreachable returns promptly', async () => {
    const { createTestRuntime } = await import('../helpers/runtime');
    const { createBot } = await import('../../server/bot');
    const { silentLogger } = await import('../../server/log');
    const port = await freePort();
    const runtime = createTestRuntime({ env: { TELEGRAM_API_URL: `http://127.0.0.1:${port}` } });
    const bot = createBot(
      { services: runtime.services, config: runtime.config, log: silentLogger, clock: runtime.clock },
      { polling: { backoff: { initialMs: 10_000, maxMs: 60_000, factor: 2 } } },
    );
    const started = bot.start();
    await Bun.sleep(50);
    const t0 = Date.now();
    await bot.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await started).toBeNull();
    runtime.close();
  });
});

describe('403 and 429 on replies', () => {
  let h: BotHarness;
  let proxy: ReturnType<typeof Bun.serve>;
  const blockedChats = new Set<number>();
  const floodOnce = new Set<number>();
  const refuseButtons = new Set<number>();

  beforeAll(async () => {
    h = new BotHarness();
    // A proxy in front of the fake that plays Telegram's refusals for chosen chats.
    proxy = Bun.serve({
      hostname: '127.0.0.1',
      port: 0,
      async fetch(req) {
        const url = new URL(req.url);
        const body = req.method === 'POST' ? await req.text() : undefined;
        if (url.pathname.endsWith('/sendMessage') && body) {
          const chatId = Number((JSON.parse(body) as { chat_id: number }).chat_id);
          if (blockedChats.has(chatId)) {
            return Response.json({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }, { status: 403 });
          }
          if (refuseButtons.has(chatId) && body.includes('reply_markup')) {
            return Response.json({ ok: false, error_code: 400, description: 'Bad Request: BUTTON_URL_INVALID' }, { status: 400 });
          }
          if (floodOnce.delete(chatId)) {
            return Response.json(
              { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
              { status: 429 },
            );
          }
        }
        return fetch(`${h.fakeUrl}${url.pathname}`, { method: req.method, headers: req.headers, body });
      },
    });
    await h.start({ env: { TELEGRAM_API_URL: `http://127.0.0.1:${proxy.port}` } });
  });
  afterAll(async () => {
    await h.stop();
    proxy.stop(true);
  });

  test('403 "blocked by the user" marks the member unreachable; writing again makes them reachable', async () => {
    const m = await h.registered({ language_code: 'en' });
    blockedChats.add(m.id);
    await m.command('/help');
    await until('unreachable', async () => (await h.services.members.findMember(m.id))?.unreachable === true);
    expect(await m.silent()).toBe(true);

    blockedChats.delete(m.id); // they unblocked the bot and write again
    const answer = await m.ask('/help');
    expect(answer.text).toContain('Qadam Club commands');
    expect((await h.services.members.findMember(m.id))?.unreachable).toBe(false);
  });

  test('the queue (the scheduler’s Messenger) reports a blocked member', async () => {
    const m = await h.registered({ language_code: 'en' });
    blockedChats.add(m.id);
    expect(await h.qadam.messenger.send({ chatId: m.id, text: 'Reminder' })).toBe('blocked');
    expect((await h.services.members.findMember(m.id))?.unreachable).toBe(true);
    blockedChats.delete(m.id);
    const ok = await h.qadam.messenger.send({
      chatId: m.id,
      text: 'Reminder',
      webAppButton: { text: 'Open', url: 'https://qadam.example/app/' },
    });
    expect(ok).toBe('sent');
    const msg = await m.next();
    expect(msg.text).toBe('Reminder');
    expect(msg.reply_markup?.inline_keyboard?.[0]?.[0]?.web_app?.url).toBe('https://qadam.example/app/');
  });

  test('a 429 on a reply is waited out (retry_after) and the reply still arrives', async () => {
    const m = await h.registered({ language_code: 'en' });
    floodOnce.add(m.id);
    const t0 = Date.now();
    const answer = await m.ask('/help', 6000);
    expect(answer.text).toContain('Qadam Club commands');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(h.logs.some((l) => l.msg.includes('slow down'))).toBe(true);
  });

  test('a keyboard Telegram refuses (e.g. a localhost URL): the text still arrives, with the app link in it', async () => {
    const m = await h.registered({ language_code: 'en', displayName: 'Linky' });
    refuseButtons.add(m.id);
    const answer = await m.ask('/start');
    expect(answer.text).toContain('Welcome back, Linky!');
    expect(answer.text).toContain('App: https://qadam.example/app/');
    expect(answer.reply_markup).toBeUndefined();
  });

  test('no unhandled rejection, no handler error', () => {
    expect(unhandled).toEqual([]);
    expect(h.errors()).toEqual([]);
  });
});
