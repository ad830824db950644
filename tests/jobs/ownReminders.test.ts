/** The reminders job at each member's own time (fixed clock, real database). */
import { afterEach, describe, expect, test } from 'bun:test';
import { remindersJob } from '../../server/jobs/reminders';
import { at, createClub, OWNER, type Club } from './fixtures';

// Wednesday 2026-11-25 in Tashkent (UTC+5). Times below are written in the club's zone.
const T = (hhmm: string, day = '2026-11-25') => `${day}T${hhmm}:00+05:00`;

let club: Club;
afterEach(() => club?.close());

async function run(hhmm: string, day?: string): Promise<number[]> {
  const before = club.sent.length;
  await remindersJob(club.deps, at(T(hhmm, day)));
  return club.sent.slice(before).map((m) => m.chatId).sort((a, b) => a - b);
}

describe('my own reminder time', () => {
  test("each member at their own time, the others at the admin's; none when off; once a day", async () => {
    club = createClub({ now: T('09:00') });
    const steps = await club.challenge({ title: 'Steps', emoji: '👟', unit: 'steps', reminderTime: '20:00' });
    const early = await club.member({ name: 'Early', join: [steps.id] });
    const usual = await club.member({ name: 'Usual', join: [steps.id] });
    const late = await club.member({ name: 'Late', join: [steps.id] });
    const quiet = await club.member({ name: 'Quiet', join: [steps.id] });
    const allOff = await club.member({ name: 'All off', join: [steps.id] });
    const mine = club.s.reminderSettings.setMyReminder;
    await mine(early.telegramId, steps.id, { time: '18:30' });
    await mine(late.telegramId, steps.id, { time: '21:15' });
    await mine(quiet.telegramId, steps.id, { enabled: false });
    await mine(allOff.telegramId, steps.id, { time: '18:30' });
    await club.s.members.setReminders(allOff.telegramId, false);

    expect(await run('18:29')).toEqual([]);
    expect(await run('18:30')).toEqual([early.telegramId]);
    expect(await run('18:30')).toEqual([]); // a second run (or a restart): nothing twice
    expect(await run('18:45')).toEqual([]);
    // The admin's time: only those without a time of their own.
    expect(await run('20:00')).toEqual([usual.telegramId]);
    expect(await run('21:14')).toEqual([]);
    expect(await run('21:15')).toEqual([late.telegramId]);
    expect(await run('21:30')).toEqual([]);
    expect(club.sent.find((m) => m.chatId === early.telegramId)!.text).toContain('Early');
    expect(await club.count('reminder_log')).toBe(3);

    // Next day: the same times again; a member who sent a result first is not reminded.
    await club.submitAt(T('10:00', '2026-11-26'), early.telegramId, steps.id, 4000);
    expect(await run('18:30', '2026-11-26')).toEqual([]);
    expect(await run('20:00', '2026-11-26')).toEqual([usual.telegramId]);
  });

  test('a missed minute is caught up within the hour of the own time, not later', async () => {
    club = createClub({ now: T('09:00') });
    const steps = await club.challenge({ title: 'Steps', reminderTime: '20:00' });
    const m = await club.member({ join: [steps.id] });
    await club.s.reminderSettings.setMyReminder(m.telegramId, steps.id, { time: '07:10' });
    expect(await run('08:10')).toEqual([]); // an hour late: no longer worth sending
    const other = await club.member({ join: [steps.id] });
    await club.s.reminderSettings.setMyReminder(other.telegramId, steps.id, { time: '08:00' });
    expect(await run('08:59')).toEqual([other.telegramId]);
  });

  test('inside a time window; when the window moves away from my time, the challenge’s time applies', async () => {
    club = createClub({ now: T('09:00') });
    const book = await club.challenge({ title: 'Book', emoji: '📚', timeWindow: { start: '21:00', end: '23:00' } });
    const own = await club.member({ name: 'Own', join: [book.id] });
    const plain = await club.member({ name: 'Plain', join: [book.id] });
    await club.s.reminderSettings.setMyReminder(own.telegramId, book.id, { time: '22:30' });
    await expect(club.s.reminderSettings.setMyReminder(plain.telegramId, book.id, { time: '20:00' })).rejects.toMatchObject({
      code: 'OUTSIDE_TIME_WINDOW',
    });
    // The window's start is the challenge's time.
    expect(await run('21:00')).toEqual([plain.telegramId]);
    expect(await run('22:30')).toEqual([own.telegramId]);

    // Next day the admin moves the window to the morning: 22:30 is outside it now.
    await club.s.admin.challenges.editChallenge(OWNER, book.id, { timeWindow: { start: '06:00', end: '09:00' } });
    expect(await run('06:00', '2026-11-26')).toEqual([own.telegramId, plain.telegramId].sort((a, b) => a - b));
    expect(await run('22:30', '2026-11-26')).toEqual([]);
  });
});
