/**
 * What a newcomer sees on starting the server: one human line on stdout naming where to point a
 * browser, JSON logs on stderr, and no noise from catching up an empty club.
 */
import { afterAll, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../server/config';
import { startBanner } from '../../server/startBanner';
import { ROOT } from '../helpers/process';

const dir = mkdtempSync(join(tmpdir(), 'qadam-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function firstLine(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let text = '';
  while (!text.includes('\n')) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text.slice(0, text.indexOf('\n'));
}

test('a fresh start prints where the Mini App and admin are, and catching up an empty club is quiet', async () => {
  const proc = Bun.spawn(['bun', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'fresh.sqlite'), BOT_TOKEN: '', LOG_LEVEL: 'info' },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  try {
    const line = await firstLine(proc.stdout);
    expect(line).toMatch(/^Qadam Club is up — Mini App http:\/\/localhost:\d+\/app\/ {2}· {2}admin http:\/\/localhost:\d+\/admin\/ {2}· {2}demo mode/);
    expect(line).not.toContain(':0/');
    // The banner is printed after the server listens; the port it names answers.
    const port = /localhost:(\d+)\//.exec(line)![1];
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  } finally {
    proc.kill('SIGTERM');
    await proc.exited;
  }
  const logs = (await new Response(proc.stderr).text()).trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: string });
  expect(logs.map((l) => l.msg)).toContain('listening');
  expect(logs.filter((l) => l.msg === 'catch-up')).toEqual([]);
  expect(logs.filter((l) => l.level === 'error')).toEqual([]);
});

test('the banner names the bot when Telegram has answered, and says so when it has not', () => {
  const bot = parseConfig({ BOT_TOKEN: '123456:abcdefghijklmnopqrstuvwxyz', PUBLIC_URL: 'https://club.example' });
  expect(startBanner(bot, 3000, 'qadam_club_bot')).toBe(
    'Qadam Club is up — Mini App https://club.example/app/  ·  admin https://club.example/admin/  ·  bot @qadam_club_bot',
  );
  expect(startBanner(bot, 3000, null)).toContain('Telegram has not answered yet');
  expect(startBanner(parseConfig({ PORT: '0' }), 41234, null)).toContain('http://localhost:41234/app/');
});
