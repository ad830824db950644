/**
 * The real server process with BOT_TOKEN set: it listens even while Telegram is down, the bot
 * connects when Telegram comes up, answers members, and stops cleanly on SIGTERM.
 */
import { afterEach, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type TelegramServer from 'telegram-test-api';
import { TEST_BOT_TOKEN } from '../helpers/initData';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { freePort, Member, startFakeTelegram } from './harness';

let server: ServerProcess | null = null;
let fake: TelegramServer | null = null;
let dir: string | null = null;

afterEach(async () => {
  if (server && server.proc.exitCode === null) server.proc.kill('SIGKILL');
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = fake = dir = null;
});

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await Bun.sleep(50);
  }
}

test('server with BOT_TOKEN: up while Telegram is down, bot connects later, answers, stops on SIGTERM', async () => {
  const port = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'qadam-bot-main-'));
  server = await spawnServer(join(dir, 'qadam.sqlite'), {
    BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_API_URL: `http://127.0.0.1:${port}`,
    PUBLIC_URL: 'https://qadam.example',
  });
  const url = server.url;

  // Telegram is unreachable: the HTTP server still answers, the bot retries.
  expect((await fetch(`${url}/api/health`)).status).toBe(200);
  await until('a retry is logged', async () => server!.logs.some((l) => l.includes('unreachable at start-up')));
  expect(((await (await fetch(`${url}/api/config`)).json()) as { botUsername: string | null }).botUsername).toBeNull();

  // Telegram comes up: the bot connects and the server learns its username.
  fake = await startFakeTelegram(port);
  await until('botUsername', async () => {
    const body = (await (await fetch(`${url}/api/config`)).json()) as { botUsername: string | null };
    return body.botUsername === 'TestNameBot';
  }, 15_000);

  const m = new Member({ fakeUrl: `http://127.0.0.1:${port}` }, { first_name: 'Proc', language_code: 'en' });
  const greeting = await m.ask('/start', 8000);
  expect(greeting.text).toContain('Hello, Proc!');

  server.proc.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  expect(server.logs.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
  expect(server.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
}, 40_000);
