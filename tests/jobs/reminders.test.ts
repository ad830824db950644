import { afterEach, describe, expect, test } from 'bun:test';
import { remindersJob } from '../../server/jobs/reminders';
import { startScheduler } from '../../server/jobs/scheduler';
import { at, createClub, OWNER, type Club } from './fixtures';

// Wednesday 2026-11-25 in Tashkent (UTC+5). Times below are written in the club's zone.
const T = (hhmm: string, day = '2026-11-25') => `${day}T${hhmm}:00+05:00`;

let club: Club;
afterEach(() => club?.close());

async function setupClub() {
  club = createClub({ now: T('09:00') });
  const steps = await club.challenge({ title: 'Steps', emoji: '👟', unit: 'steps', reminderTime: '20:00' });
  const other = await club.challenge({ title: 'Push-ups', emoji: '💪', reminderTime: '08:00' });
  const due = await club.member({ name: 'Aziza', language: 'uz', join: [steps.id] });
  const russian = await club.member({ name: 'Борис', language: 'ru', join: [steps.id] });
  const done = await club.member({ name: 'Done', join: [steps.id] });
  const banned = await club.member({ name: 'Banned', join: [steps.id] });
  const blocked = await club.member({ name: 'Blocked', join: [steps.id] });
  const optedOut = await club.member({ name: 'Quiet', join: [steps.id] });
  const left = await club.member({ name: 'Left', join: [steps.id] });
  const elsewhere = await club.member({ name: 'Elsewhere', join: [other.id] });
  // Seen by the bot but never registered (cannot join; must get nothing either).
  await club.s.members.seeMember({ telegramId: 79_999, firstName: 'Guest', lastName: null, username: null, languageCode: 'en' });

  await club.submitAt(T('10:00'), done.telegramId, steps.id, 5000);
  await club.s.admin.members.banMember(OWNER, banned.userId, 'spam');
  await club.s.members.markUnreachable(blocked.telegramId);
  await club.s.members.setReminders(optedOut.telegramId, false);
  await club.s.challenges.leave(left.telegramId, steps.id);
  return { steps, other, due, russian, done, banned, blocked, optedOut, left, elsewhere };
}

describe('reminders', () => {
  test('go only to joined, registered, reachable members with reminders on and no result today', async () => {
    const c = await setupClub();
    const before = await remindersJob(club.deps, at(T('19:59')));
    expect(before.counts.sent).toBe(0);
    expect(club.sent).toHaveLength(0);

    const summary = await remindersJob(club.deps, at(T('20:00')));
    expect(summary.counts.sent).toBe(2);
    expect(club.sent.map((m) => m.chatId).sort()).toEqual([c.due.telegramId, c.russian.telegramId].sort());
    const uz = club.sent.find((m) => m.chatId === c.due.telegramId)!;
    expect(uz.text).toContain('Aziza');
    expect(uz.text).toContain('👟 Steps');
    expect(uz.text).toContain("hali yoʻq");
    expect(uz.webAppButton).toEqual({ text: '📲 Natijani yuborish', url: 'https://club.example/app/' });
    const ru = club.sent.find((m) => m.chatId === c.russian.telegramId)!;
    expect(ru.text).toContain('Борис, сегодняшнего результата ещё нет');
    expect(ru.webAppButton?.text).toBe('📲 Отправить результат');
    expect((await club.count('reminder_log'))).toBe(2);
  });

  test('a second run (or a restart) sends nothing twice', async () => {
    await setupClub();
    await remindersJob(club.deps, at(T('20:00')));
    expect(club.sent).toHaveLength(2);
    const again = await remindersJob(club.deps, at(T('20:00')));
    const later = await remindersJob(club.deps, at(T('20:37')));
    expect([again.counts.sent, later.counts.sent]).toEqual([0, 0]);
    // Two runs at once (two processes, or the catch-up racing the cron): still one each.
    club.sent.length = 0;
    await club.rt.sql('delete from reminder_log');
    await Promise.all([remindersJob(club.deps, at(T('20:05'))), remindersJob(club.deps, at(T('20:05')))]);
    expect(club.sent).toHaveLength(2);
  });

  test('banned, unreachable and opted-out members get nothing, even within the hour', async () => {
    const c = await setupClub();
    await remindersJob(club.deps, at(T('20:00')));
    const excluded = [c.done, c.banned, c.blocked, c.optedOut, c.left, c.elsewhere].map((m) => m.telegramId);
    for (const m of club.sent) expect(excluded).not.toContain(m.chatId);
    expect(club.sent.some((m) => m.chatId === 79_999)).toBe(false);
  });

  test('the reminder is sent until an hour after its time, and not after', async () => {
    const c = await setupClub();
    // The server was down at 20:00; at 20:59 the reminder is still worth sending.
    const late = await remindersJob(club.deps, at(T('20:59')));
    expect(late.counts.sent).toBe(2);
    // A member who joins later that evening: too late once the hour has passed.
    club.rt.clock.set(T('21:10'));
    const newcomer = await club.member({ name: 'Late', join: [c.steps.id] });
    const tooLate = await remindersJob(club.deps, at(T('21:10')));
    expect(tooLate.counts.sent).toBe(0);
    expect(club.sent.some((m) => m.chatId === newcomer.telegramId)).toBe(false);
    // Next day, the same members are reminded again (one per member, challenge and day).
    const tomorrow = await remindersJob(club.deps, at(T('20:00', '2026-11-26')));
    expect(tomorrow.counts.sent).toBe(4); // Aziza, Борис, Done (no result on the 26th), Late
  });

  test('a windowed challenge without a reminder time reminds at the window start, never after it closes', async () => {
    club = createClub({ now: T('09:00') });
    const book = await club.challenge({ title: 'Book', emoji: '📚', unit: 'pages', timeWindow: { start: '21:00', end: '21:30' } });
    const noTime = await club.challenge({ title: 'Free', emoji: '🏁' });
    const reader = await club.member({ name: 'Reader', language: 'en', join: [book.id, noTime.id] });
    expect((await remindersJob(club.deps, at(T('20:59')))).counts.sent).toBe(0);
    // The window closed at 21:30:59: no reminder at 21:31 even within the hour.
    const closed = await remindersJob(club.deps, at(T('21:31')));
    expect(closed.counts.sent).toBe(0);
    const open = await remindersJob(club.deps, at(T('21:00')));
    expect(open.counts.sent).toBe(1);
    expect(club.sent[0]!.chatId).toBe(reader.telegramId);
    expect(club.sent[0]!.text).toContain('21:00–21:30');
    expect(club.sent[0]!.text).toContain("Reader, today's result is still missing: 📚 Book.");
  });

  test('inactive challenges and days outside start/end dates send nothing', async () => {
    club = createClub({ now: T('09:00') });
    const ended = await club.challenge({ title: 'Ended', reminderTime: '20:00', endDate: '2026-11-24' });
    const future = await club.challenge({ title: 'Future', reminderTime: '20:00', startDate: '2026-11-26' });
    const paused = await club.challenge({ title: 'Paused', reminderTime: '20:00' });
    await club.member({ join: [paused.id] });
    await club.s.admin.challenges.editChallenge(OWNER, paused.id, { isActive: false });
    void ended;
    void future;
    expect((await remindersJob(club.deps, at(T('20:00')))).counts.sent).toBe(0);
  });

  test('a member who blocked the bot is marked unreachable; the reminder is not retried', async () => {
    const c = await setupClub();
    club.outcomes.set(c.russian.telegramId, 'blocked');
    const summary = await remindersJob(club.deps, at(T('20:00')));
    expect(summary.counts).toMatchObject({ sent: 1, blocked: 1 });
    expect((await club.s.members.findMember(c.russian.telegramId))?.unreachable).toBe(true);
    expect((await remindersJob(club.deps, at(T('20:01')))).counts.due).toBe(0);
  });

  test('the streak to keep is mentioned; the button opens PUBLIC_URL/app/', async () => {
    club = createClub({ now: T('09:00', '2026-11-23'), publicUrl: 'http://localhost:3000' });
    const steps = await club.challenge({ title: 'Steps', reminderTime: '20:00' });
    const m = await club.member({ name: 'Streaky', language: 'en', join: [steps.id] });
    await club.submitAt(T('10:00', '2026-11-23'), m.telegramId, steps.id, 1);
    await club.submitAt(T('10:00', '2026-11-24'), m.telegramId, steps.id, 1);
    await remindersJob(club.deps, at(T('20:00')));
    expect(club.sent[0]!.text).toContain('Keep your 2-day streak alive!');
    // (the bot's queue turns an http web_app button into a plain link: tests/jobs/cli.test.ts)
    expect(club.sent[0]!.webAppButton).toEqual({ text: '📲 Submit result', url: 'http://localhost:3000/app/' });
  });

  test('with the bot off nothing is recorded, so nothing is lost', async () => {
    await setupClub();
    const off = await remindersJob({ ...club.deps, messenger: null }, at(T('20:00')));
    expect(off.counts).toMatchObject({ due: 2, sent: 0 });
    expect((await club.count('reminder_log'))).toBe(0);
    expect((await remindersJob(club.deps, at(T('20:01')))).counts.sent).toBe(2);
  });

  test('the scheduler runs the catch-up once at start and stops its crons', async () => {
    await setupClub();
    club.rt.clock.set(T('20:10'));
    const scheduler = startScheduler(club.deps);
    await scheduler.caughtUp;
    expect(club.sent).toHaveLength(2);
    expect(await scheduler.run('reminders')).toMatchObject({ counts: { sent: 0 } });
    await scheduler.stop();
    expect(await scheduler.run('reminders')).toBeNull();
  });
});

describe('reminders in the member\'s language', () => {
  test('the challenge title is translated; the Russian window reads "с 21:00 до 23:59"', async () => {
    club = createClub({ now: T('09:00') });
    const book = await club.challenge({
      title: 'Kitob oʻqish',
      emoji: '📚',
      unit: 'bet',
      reminderTime: '20:00',
      timeWindow: { start: '21:00', end: '23:59' },
      translations: { ru: { title: 'Чтение', unit: 'стр.' }, en: { title: 'Reading' } },
    });
    const ru = await club.member({ name: 'Борис', language: 'ru', join: [book.id] });
    const en = await club.member({ name: 'Ann', language: 'en', join: [book.id] });
    const uz = await club.member({ name: 'Aziza', language: 'uz', join: [book.id] });
    await remindersJob(club.deps, at(T('20:00')));
    const text = (id: number) => club.sent.find((m) => m.chatId === id)!.text;
    expect(text(ru.telegramId)).toContain('📚 Чтение');
    expect(text(ru.telegramId)).toContain('Результаты принимаются с 21:00 до 23:59.');
    expect(text(en.telegramId)).toContain('📚 Reading');
    expect(text(uz.telegramId)).toContain('📚 Kitob oʻqish');
  });
});
