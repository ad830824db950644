/**
 * The bot in the club's group (local fake Telegram): /top for anyone, registered or not, as
 * `/top` or `/top@<bot>`; /clubchat for admins; the winners posted there once. And a member's
 * own reminder time through /reminders in the private chat.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { weeklyResultsJob } from '../../server/jobs/results';
import type { JobDeps } from '../../server/jobs/types';
import { silentLogger } from '../../server/log';
import { BotHarness, buttons } from './harness';

const GROUP = -100_4242;
const ADMIN_ID = 1000; // ADMIN_TELEGRAM_IDS of the test runtime

let h: BotHarness;
let steps: { id: number };
let book: { id: number };
beforeAll(async () => {
  h = await new BotHarness().start({ now: '2026-11-25T07:00:00Z' });
  steps = await h.challenge({ title: 'Qadamlar', emoji: '👟', unit: 'qadam', maxValue: 100000, reminderTime: '20:00' });
  book = await h.challenge({ title: 'Kitob', emoji: '📚', unit: 'bet', timeWindow: { start: '21:00', end: '23:59' } });
  for (const [name, value, language] of [['Aziza', 9000, 'uz'], ['Boris', 12000, 'ru']] as const) {
    const m = await h.registered({ displayName: name, language_code: language });
    await h.join(m, steps.id);
    await h.services.submissions.submit(m.id, steps.id, value);
  }
});
afterAll(async () => {
  await h.stop();
});

describe('in the group', () => {
  test('/top from someone who never registered: today’s boards in the club’s language, no registration asked', async () => {
    const stranger = h.member({ first_name: 'Guest', language_code: 'en' }).inGroup(GROUP);
    const top = await stranger.ask('/top');
    expect(top.chat_id).toBe(GROUP);
    expect(top.text).toBe(
      ['📊 Bugungi reyting', '', '👟 Qadamlar', '🥇 Boris — 12\u00a0000 qadam', '🥈 Aziza — 9\u00a0000 qadam', '', '📚 Kitob', 'Hali natija yoʻq.'].join('\n'),
    );
    expect(top.reply_markup).toBeUndefined();
    expect(await stranger.silent()).toBe(true);
    expect(await h.services.members.findMember(stranger.id)).toBeUndefined(); // nothing stored about them
  });

  test('/top@<bot> from a member answers in the member’s language; a command for another bot is not ours', async () => {
    const boris = (await h.registered({ displayName: 'Борис', language_code: 'ru' })).inGroup(GROUP);
    const top = await boris.ask('/top@TestNameBot');
    expect(top.text.startsWith('📊 Рейтинг за сегодня')).toBe(true);
    expect(top.text).toContain('Результатов пока нет.');
    await boris.command('/top@SomeOtherBot');
    await boris.text('hello everyone');
    await boris.command('/help');
    expect(await boris.silent()).toBe(true);
  });

  test('/clubchat: refused to members; an admin makes the group the club chat (audited)', async () => {
    const member = (await h.registered({ language_code: 'en' })).inGroup(GROUP);
    expect((await member.ask('/clubchat')).text).toBe('This command is for club admins only.');
    expect((await h.services.clubChat.target())).toBeNull();

    const admin = h.member({ id: ADMIN_ID, first_name: 'Owner', language_code: 'en' });
    admin.inGroup(GROUP);
    const chosen = await admin.ask('/clubchat');
    expect(chosen.text).toContain('is now the club\'s group');
    expect(await h.services.clubChat.target()).toEqual({ chatId: GROUP, language: 'uz', source: 'admin' });
    const audit = await h.services.admin.audit.auditPage({ telegramId: ADMIN_ID, role: 'owner' }, { action: 'clubchat.update' }, 1, 10);
    expect(audit.total).toBe(1);

    expect((await admin.ask('/clubchat summary 21:45')).text).toBe('🌙 Evening summary on: posted to the group every day at 21:45.');
    expect((await admin.ask('/clubchat summary 9pm')).text).toContain('HH:MM');
  });

  test('the weekly winners reach the group once, through the bot’s queue', async () => {
    const deps: JobDeps = { services: h.services, messenger: h.qadam.messenger, publicUrl: 'https://qadam.example', log: silentLogger };
    const observer = h.member({ id: ADMIN_ID }).inGroup(GROUP);
    // The week of Monday 2026-11-23 closes on Monday 2026-11-30, 00:05 in Tashkent.
    await weeklyResultsJob(deps, new Date('2026-11-29T19:05:00Z'));
    const post = await observer.next();
    expect(post.chat_id).toBe(GROUP);
    expect(post.text).toContain('🏆 Hafta gʻoliblari (23.11.2026 – 29.11.2026)');
    expect(post.text).toContain('🥇 Boris — 12\u00a0000 qadam (1 kun)');
    await weeklyResultsJob(deps, new Date('2026-11-29T19:10:00Z'));
    expect(await observer.silent()).toBe(true);
  });
});

describe('/reminders: my own time', () => {
  test('change a challenge’s time (refused outside its window), back to the challenge’s, off', async () => {
    const m = await h.registered({ language_code: 'en', displayName: 'Walker' });
    await h.join(m, steps.id);
    await h.join(m, book.id);
    const shown = await m.ask('/reminders');
    expect(shown.text).toContain('🔔 Your reminders:');
    expect(shown.text).toContain('👟 Qadamlar: 20:00');
    expect(shown.text).toContain('📚 Kitob: 21:00 · results 21:00–23:59');
    const data = buttons(shown).map((b) => b.callback_data);
    expect(data).toEqual(['rem:off', `remt:${steps.id}`, `remx:${steps.id}:off`, `remt:${book.id}`, `remx:${book.id}:off`]);

    const ask = await m.press(`remt:${book.id}`);
    expect(ask.text).toContain('type your reminder time as HH:MM');
    expect(ask.text).toContain('within 21:00–23:59');
    expect((await m.reply('25:00')).text).toBe('Write the time as HH:MM, e.g. 20:30.');
    expect((await m.reply('20:30')).text).toBe("The reminder time must lie inside the challenge's window: 21:00–23:59. Type another time.");
    expect((await m.reply('22:15')).text).toBe("✅ 📚 Kitob: I'll remind you every day at 22:15 if today's result is missing.");
    const userId = (await h.services.members.findMember(m.id))!.id;
    const row = async () => (await h.runtime.sql<{ reminder_time: string | null; enabled: unknown }>('select reminder_time, enabled from reminder_preferences where user_id = ? and challenge_id = ?', userId, book.id))[0];
    expect((await row())!.reminder_time).toBe('22:15');
    // Typing more after that is no longer taken as a time.
    expect((await m.reply('23:00')).text).toContain('To submit a result send /submit');

    const again = await m.ask('/reminders');
    expect(again.text).toContain('📚 Kitob: 22:15 (your time)');
    expect(buttons(again).map((b) => b.callback_data)).toContain(`remd:${book.id}`);
    expect((await m.press(`remd:${book.id}`)).text).toContain("I'll remind you every day at 21:00");
    expect((await row())!.reminder_time).toBeNull();
    expect((await m.press(`remx:${steps.id}:off`)).text).toBe('🔕 👟 Qadamlar: reminders for this challenge are off.');
    expect((await m.ask('/reminders')).text).toContain('👟 Qadamlar: off');
  });

  test('no handler error was logged', () => {
    expect(h.errors()).toEqual([]);
  });
});
