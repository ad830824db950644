/**
 * Posts to the club's Telegram group: weekly and monthly winners from the results jobs, the
 * evening summary, each once per period — across a second run, the start-up catch-up and a
 * restart on the same database — and a chat the bot cannot write to.
 */
import { afterEach, describe, expect, test } from 'bun:test';
import { fixedClock } from '../../server/clock';
import { parseConfig } from '../../server/config';
import { catchUp } from '../../server/jobs/catchup';
import { eveningSummaryJob } from '../../server/jobs/clubChat';
import { monthlyResultsJob, weeklyResultsJob } from '../../server/jobs/results';
import type { JobDeps } from '../../server/jobs/types';
import { silentLogger, type Logger } from '../../server/log';
import type { OutgoingMessage } from '../../server/messaging';
import { createRuntime } from '../../server/runtime';
import { TEST_BOT_TOKEN } from '../helpers/initData';
import { at, createClub, OWNER, type Club } from './fixtures';

const T = (day: string, hhmm: string) => `${day}T${hhmm}:00+05:00`;
const GROUP = -100_200_300;

let club: Club;
let restarted: ReturnType<typeof createRuntime> | null = null;
afterEach(async () => {
  await restarted?.closeStore();
  restarted = null;
  await club?.close();
});

/** Week Mon 2026-11-16 … Sun 2026-11-22; the clock then stands on Monday 2026-11-23. */
async function club3() {
  club = createClub({ now: T('2026-11-16', '09:00'), file: true });
  const steps = await club.challenge({ title: 'Qadamlar', emoji: '👟', unit: 'qadam' });
  const book = await club.challenge({ title: 'Kitob', emoji: '📚', unit: 'bet' });
  const a = await club.member({ name: 'Aziza', join: [steps.id, book.id] });
  const b = await club.member({ name: 'Bobur', language: 'ru', join: [steps.id] });
  const c = await club.member({ name: 'Charos', language: 'en', join: [steps.id] });
  await club.submitAt(T('2026-11-17', '10:00'), a.telegramId, steps.id, 9000);
  await club.submitAt(T('2026-11-18', '10:00'), b.telegramId, steps.id, 12000);
  await club.submitAt(T('2026-11-19', '10:00'), c.telegramId, steps.id, 3000);
  await club.submitAt(T('2026-11-20', '21:00'), a.telegramId, book.id, 40);
  return { steps, book, a, b, c };
}

const toGroup = () => club.sent.filter((m) => m.chatId === GROUP);
const posts = () => club.rows<{ kind: string; period: string; chat_id: number; state: string }>('select kind, period, chat_id, state from group_posts order by kind, period');

/** A second process on the same database: a restart of the server. */
function restart(now: string): { deps: JobDeps; sent: OutgoingMessage[] } {
  const config = parseConfig({
    BOT_TOKEN: TEST_BOT_TOKEN,
    DATABASE_PATH: club.rt.config.DATABASE_PATH,
    ...(club.rt.config.DATABASE_URL ? { DATABASE_URL: club.rt.config.DATABASE_URL } : {}),
  });
  restarted = createRuntime(config, { clock: fixedClock(now), log: silentLogger });
  const sent: OutgoingMessage[] = [];
  const deps: JobDeps = {
    services: restarted.services,
    messenger: { send: async (m) => (sent.push(m), 'sent') },
    publicUrl: 'https://club.example',
    log: silentLogger,
  };
  return { deps, sent };
}

function capture(): { log: Logger; errors: string[] } {
  const errors: string[] = [];
  return { log: { ...silentLogger, error: (msg: string) => void errors.push(msg) }, errors };
}

describe('winners in the club group', () => {
  test('the weekly job posts the winners once; a second run, the catch-up and a restart post nothing more', async () => {
    await club3();
    await club.s.clubChat.update(OWNER, { chatId: GROUP, chatTitle: 'Qadam Club' });
    const monday = at(T('2026-11-23', '00:05'));
    const summary = await weeklyResultsJob(club.deps, monday);
    expect(summary.counts.groupPosted).toBe(1);
    const [post, ...more] = toGroup();
    expect(more).toEqual([]);
    expect(post!.text).toContain('🏆 Hafta gʻoliblari (16.11.2026 – 22.11.2026)');
    expect(post!.text).toContain('👟 Qadamlar\n🥇 Bobur — 12\u00a0000 qadam (1 kun)\n🥈 Aziza — 9\u00a0000 qadam (1 kun)\n🥉 Charos — 3\u00a0000 qadam (1 kun)');
    expect(post!.text).toContain('📚 Kitob\n🥇 Aziza — 40 bet (1 kun)');
    expect(post!.webAppButton).toBeUndefined(); // Telegram takes web_app buttons only in private chats

    await weeklyResultsJob(club.deps, monday);
    await catchUp(club.deps, at(T('2026-11-23', '08:00')));
    expect(toGroup()).toHaveLength(1);

    const second = restart(T('2026-11-23', '09:00'));
    await catchUp(second.deps, at(T('2026-11-23', '09:00')));
    await weeklyResultsJob(second.deps, at(T('2026-11-23', '09:00')));
    expect(second.sent.filter((m) => m.chatId === GROUP)).toEqual([]);
    expect(await posts()).toEqual([{ kind: 'weekly', period: '2026-11-16', chat_id: GROUP, state: 'sent' }]);
  });

  test('monthly winners in the language the admins chose; a missed post is caught up at start-up', async () => {
    await club3();
    await club.s.clubChat.update(OWNER, { chatId: GROUP, language: 'en' });
    // The server was down over midnight of December 1st: the start-up catch-up does it.
    const summaries = await catchUp(club.deps, at(T('2026-12-01', '10:00')));
    expect(summaries.map((s) => s.job)).toContain('monthly-results');
    const monthly = toGroup().filter((m) => m.text.includes('Winners of the month'));
    expect(monthly).toHaveLength(1);
    expect(monthly[0]!.text).toContain('🏆 Winners of the month (November 2026)');
    expect(monthly[0]!.text).toContain('🥇 Bobur — 12,000 qadam (1 days)');
    await monthlyResultsJob(club.deps, at(T('2026-12-01', '10:05')));
    expect(toGroup().filter((m) => m.text.includes('Winners of the month'))).toHaveLength(1);
  });

  test('no chat set: nothing goes to a group, and the summary says why', async () => {
    await club3();
    const summary = await weeklyResultsJob(club.deps, at(T('2026-11-23', '00:05')));
    expect(summary.lines.join('\n')).toContain('club chat: none set');
    expect(club.sent.every((m) => m.chatId > 0)).toBe(true);
    expect(await posts()).toEqual([]);
  });

  test('CLUB_CHAT_ID wins over the chat an admin chose', async () => {
    await club3();
    await club.s.clubChat.update(OWNER, { chatId: GROUP });
    const config = parseConfig({ BOT_TOKEN: TEST_BOT_TOKEN, CLUB_CHAT_ID: '-100999', DATABASE_PATH: club.rt.config.DATABASE_PATH, ...(club.rt.config.DATABASE_URL ? { DATABASE_URL: club.rt.config.DATABASE_URL } : {}) });
    restarted = createRuntime(config, { clock: fixedClock(T('2026-11-23', '00:05')), log: silentLogger });
    const sent: OutgoingMessage[] = [];
    await weeklyResultsJob({ ...club.deps, services: restarted.services, messenger: { send: async (m) => (sent.push(m), 'sent') } }, at(T('2026-11-23', '00:05')));
    expect(sent.filter((m) => m.chatId < 0).map((m) => m.chatId)).toEqual([-100999]);
  });

  test('the bot removed from the group (403) or a refused chat (400): logged, recorded as failed, no crash', async () => {
    await club3();
    await club.s.clubChat.update(OWNER, { chatId: GROUP });
    const { log, errors } = capture();
    club.deps.log = log;
    club.outcomes.set(GROUP, 'blocked');
    const summary = await weeklyResultsJob(club.deps, at(T('2026-11-23', '00:05')));
    expect(summary.counts.groupFailed).toBe(1);
    expect(errors).toContain('club chat: post not delivered');
    // The members' own announcements still went out.
    expect(summary.counts.sent).toBeGreaterThan(0);
    expect(await posts()).toEqual([{ kind: 'weekly', period: '2026-11-16', chat_id: GROUP, state: 'failed' }]);

    // A messenger that throws (the queue stopped, the network): the same.
    club.outcomes.delete(GROUP);
    club.deps.messenger = { send: async (m) => (m.chatId === GROUP ? Promise.reject(new Error('Bad Request: chat not found')) : 'sent') };
    const month = await monthlyResultsJob(club.deps, at(T('2026-12-01', '00:10')));
    expect(month.counts.groupFailed).toBe(1);
    expect((await posts()).map((p) => p.state)).toEqual(['failed', 'failed']);
  });

  test('with the bot off nothing is recorded: the post goes out once the bot is back', async () => {
    await club3();
    await club.s.clubChat.update(OWNER, { chatId: GROUP });
    const messenger = club.deps.messenger;
    club.deps.messenger = null;
    await weeklyResultsJob(club.deps, at(T('2026-11-23', '00:05')));
    expect(await posts()).toEqual([]);
    club.deps.messenger = messenger;
    await catchUp(club.deps, at(T('2026-11-23', '08:00')));
    expect(toGroup()).toHaveLength(1);
  });
});

describe('the evening summary', () => {
  test('off by default; once on, posted once a day at the admins’ time, also across a restart', async () => {
    const m = await club3();
    await club.s.clubChat.update(OWNER, { chatId: GROUP });
    club.rt.clock.set(T('2026-11-25', '09:00'));
    await club.submitAt(T('2026-11-25', '09:00'), m.a.telegramId, m.steps.id, 7000);
    await club.submitAt(T('2026-11-25', '09:10'), m.b.telegramId, m.steps.id, 8000);
    await club.submitAt(T('2026-11-25', '09:20'), m.a.telegramId, m.book.id, 12);

    expect((await eveningSummaryJob(club.deps, at(T('2026-11-25', '21:00')))).counts.posted).toBe(0);
    await club.s.clubChat.update(OWNER, { summaryEnabled: true, summaryTime: '21:30' });
    expect((await eveningSummaryJob(club.deps, at(T('2026-11-25', '21:29')))).counts.posted).toBe(0);
    const due = await eveningSummaryJob(club.deps, at(T('2026-11-25', '21:30')));
    expect(due.counts.posted).toBe(1);
    const [post] = toGroup();
    expect(post!.text).toBe(
      [
        '🌙 Kun yakuni, 25.11.2026',
        'Bugun 2 aʼzo natija yubordi.',
        '',
        '👟 Qadamlar',
        '🥇 Bobur — 8\u00a0000 qadam',
        '🥈 Aziza — 7\u00a0000 qadam',
        '',
        '📚 Kitob',
        '🥇 Aziza — 12 bet',
      ].join('\n'),
    );
    expect((await eveningSummaryJob(club.deps, at(T('2026-11-25', '21:31')))).counts.posted).toBe(0);
    const second = restart(T('2026-11-25', '21:40'));
    await catchUp(second.deps, at(T('2026-11-25', '21:40'))); // (it also posts last week's winners, never posted before)
    expect((await eveningSummaryJob(second.deps, at(T('2026-11-25', '21:45')))).counts.posted).toBe(0);
    expect(second.sent.filter((x) => x.chatId === GROUP && x.text.startsWith('🌙'))).toEqual([]);

    // The next day: a new summary (nobody sent anything yet).
    await eveningSummaryJob(club.deps, at(T('2026-11-26', '21:30')));
    const evenings = toGroup().filter((x) => x.text.startsWith('🌙'));
    expect(evenings).toHaveLength(2);
    expect(evenings[1]!.text).toContain('Bugun 0 aʼzo natija yubordi.');
    expect(evenings[1]!.text).toContain('Hali natija yoʻq.');
    // Turned off: nothing.
    await club.s.clubChat.update(OWNER, { summaryEnabled: false });
    expect((await eveningSummaryJob(club.deps, at(T('2026-11-27', '21:30')))).counts.posted).toBe(0);
    expect(await posts()).toEqual([
      { kind: 'evening', period: '2026-11-25', chat_id: GROUP, state: 'sent' },
      { kind: 'evening', period: '2026-11-26', chat_id: GROUP, state: 'sent' },
      { kind: 'weekly', period: '2026-11-16', chat_id: GROUP, state: 'sent' },
    ]);
  });
});
