/**
 * `bun run job …` as an operator runs it: a child process on a temporary database, sending
 * through the bot's queue to a local telegram-test-api server, read back as the member.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import TelegramServer from 'telegram-test-api';
import { join } from 'node:path';
import { TEST_BOT_TOKEN } from '../helpers/initData';
import { createClub, type Club } from './fixtures';

const ROOT = join(import.meta.dir, '..', '..');

function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

let telegram: TelegramServer;
let apiUrl: string;
let club: Club;

beforeAll(async () => {
  const port = freePort();
  telegram = new TelegramServer({ port, host: '127.0.0.1' });
  await telegram.start();
  apiUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await club?.close();
  await telegram.stop();
});

async function runJob(args: string[], env: Record<string, string> = {}) {
  const proc = Bun.spawn(['bun', 'run', 'job', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_PATH: club.rt.config.DATABASE_PATH,
      DATABASE_URL: club.rt.config.DATABASE_URL ?? '',
      BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_URL: apiUrl,
      PUBLIC_URL: 'https://club.example',
      CLUB_TIMEZONE: 'Asia/Tashkent',
      ...env,
    },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return { stdout, stderr, code };
}

/** Everything the bot sent to one chat so far (the test server's history; never waits). */
async function receivedBy(chatId: number): Promise<Received[]> {
  const history = (await telegram.getClient(TEST_BOT_TOKEN).getUpdatesHistory()) as unknown as (Received & { messageId?: number })[];
  return history.filter((u) => 'messageId' in u && String(u.message.chat_id) === String(chatId));
}

type Received = { message: { chat_id: number | string; text: string; reply_markup?: { inline_keyboard: Record<string, unknown>[][] } } };

describe('bun run job', () => {
  test('reminders --now: the member receives the reminder from the fake Telegram; a second run sends nothing', async () => {
    club = createClub({ now: '2026-11-25T04:00:00Z', file: true });
    const steps = await club.challenge({ title: 'Steps', emoji: '👟', unit: 'steps', reminderTime: '20:00' });
    const member = await club.member({ name: 'Aziza', language: 'uz', join: [steps.id], telegramId: 424_242 });
    const done = await club.member({ name: 'Done', join: [steps.id], telegramId: 424_243 });
    await club.submitAt('2026-11-25T10:00:00Z', done.telegramId, steps.id, 100);

    // 20:00 in Tashkent is 15:00 UTC.
    const first = await runJob(['reminders', '--now', '2026-11-25T15:00:00Z']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('reminders at 2026-11-25T15:00:00.000Z');
    expect(first.stdout).toContain(`2026-11-25 20:00 #${steps.id} Steps: reminded 1 of 1`);

    const client = telegram.getClient(TEST_BOT_TOKEN, { chatId: member.telegramId, userId: member.telegramId });
    const updates = (await client.getUpdates()).result as unknown as Received[];
    expect(updates).toHaveLength(1);
    const received = updates[0]!.message;
    expect(received.text).toContain("⏰ Aziza, bugungi natijangiz hali yoʻq: 👟 Steps.");
    expect(received.reply_markup?.inline_keyboard[0]![0]).toEqual({
      text: '📲 Natijani yuborish',
      web_app: { url: 'https://club.example/app/' },
    });
    // The member who already submitted got nothing.
    expect(await receivedBy(done.telegramId)).toHaveLength(0);

    const second = await runJob(['reminders', '--now', '2026-11-25T15:10:00Z']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('reminded 0 of 0');
    expect(await receivedBy(member.telegramId)).toHaveLength(1);
    expect((await club.count('reminder_log'))).toBe(1);
  }, 30_000);

  test('weekly-results --now writes the closed week and announces it; usage errors exit 2', async () => {
    const steps = (await club.rt.services.challenges.listForMember(424_242))[0]!;
    const sunday = '2026-11-29T18:30:00Z'; // Sunday 23:30 in Tashkent
    await club.submitAt(sunday, 424_242, steps.id, 7000);
    const run = await runJob(['weekly-results', '--now', '2026-11-29T19:05:00Z'], { PUBLIC_URL: 'http://localhost:3000' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('week 2026-11-23: wrote 2 result row(s) for 1 challenge(s)');
    expect((await club.count('weekly_results', "period = '2026-11-23'"))).toBe(2);
    const client = telegram.getClient(TEST_BOT_TOKEN, { chatId: 424_242, userId: 424_242 });
    const updates = (await client.getUpdates()).result as unknown as Received[];
    // The winners' message, and the podium badge the week earned her.
    expect(updates).toHaveLength(2);
    const winners = updates.find((u) => u.message.text.includes('🥇'))!;
    expect(winners.message.text).toContain('🥇 Aziza — 7 000 steps (1 kun)');
    expect(updates.map((u) => u.message.text)).toContain('🏅 Yangi nishon: 🥉 Hafta sovrindori — 👟 Steps!\nBarcha nishonlaringiz ilovadagi profilingizda.');
    // An http PUBLIC_URL cannot be a web_app: the queue sends a plain link.
    expect(winners.message.reply_markup?.inline_keyboard[0]![0]).toEqual({ text: '🏆 Reyting', url: 'http://localhost:3000/app/' });

    const again = await runJob(['weekly-results', '--now', '2026-11-30T08:00:00Z']);
    expect(again.stdout).toContain('already written');
    expect(await receivedBy(424_242)).toHaveLength(3); // the reminder of the first test + the winners + the badge

    expect((await runJob(['nonsense'])).code).toBe(2);
    expect((await runJob(['reminders', '--now', '2026-11-25 20:00'])).code).toBe(2);
  }, 30_000);
});
