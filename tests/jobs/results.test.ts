import { afterEach, describe, expect, test } from 'bun:test';
import { catchUp } from '../../server/jobs/catchup';
import { monthlyResultsJob, weeklyResultsJob } from '../../server/jobs/results';
import { dailyRolloverJob } from '../../server/jobs/rollover';
import { at, createClub, OWNER, type Club } from './fixtures';

/** A wall-clock time in Tashkent (UTC+5) as an ISO instant. */
const T = (day: string, hhmm: string) => `${day}T${hhmm}:00+05:00`;

let club: Club;
afterEach(() => club?.close());

type ResultRow = { challenge_id: number; period: string; rank: number; user_id: number; total: number; days: number };
const resultsOf = (table: 'weekly_results' | 'monthly_results', period: string) =>
  club.rows<ResultRow>(`select challenge_id, period, rank, user_id, total, days from ${table} where period = ? order by challenge_id, rank`, period);

/** Week Mon 2026-11-23 … Sun 2026-11-29, with the Sunday→Monday boundary exercised. */
async function weekClub() {
  club = createClub({ now: T('2026-11-22', '12:00') });
  const steps = await club.challenge({ title: 'Steps', emoji: '👟', unit: 'steps' });
  const book = await club.challenge({ title: 'Book', emoji: '📚', unit: 'pages' });
  const a = await club.member({ name: 'Aziza', language: 'uz', join: [steps.id] });
  const b = await club.member({ name: 'Bobur', language: 'ru', join: [steps.id, book.id] });
  const c = await club.member({ name: 'Charos', language: 'en', join: [steps.id] });
  const d = await club.member({ name: 'Dilshod', join: [steps.id] });
  const e = await club.member({ name: 'Elyor', join: [steps.id] });
  const f = await club.member({ name: 'Farrux', join: [steps.id] });
  await club.submitAt(T('2026-11-23', '10:00'), a.telegramId, steps.id, 5000);
  await club.submitAt(T('2026-11-24', '10:00'), b.telegramId, steps.id, 8000);
  await club.submitAt(T('2026-11-25', '10:00'), c.telegramId, steps.id, 12000);
  await club.submitAt(T('2026-11-26', '10:00'), d.telegramId, steps.id, 100);
  await club.submitAt(T('2026-11-26', '11:00'), f.telegramId, steps.id, 50000);
  await club.submitAt(T('2026-11-27', '21:00'), b.telegramId, book.id, 30);
  await club.submitAt(T('2026-11-29', '10:00'), b.telegramId, steps.id, 3000);
  // Sunday 23:50 in Tashkent (18:50 UTC): still this week. Ties with Bobur at 11000 over two
  // days; Bobur's last result came earlier, so he ranks above.
  await club.submitAt(T('2026-11-29', '23:50'), a.telegramId, steps.id, 6000);
  // Monday 00:02 in Tashkent is 19:02 UTC on Sunday: already next week in the club.
  await club.submitAt('2026-11-29T19:02:00Z', e.telegramId, steps.id, 99999);
  await club.s.admin.members.banMember(OWNER, f.userId, 'cheating');
  return { steps, book, a, b, c, d, e, f };
}

describe('weekly results', () => {
  test('at Monday 00:05 in Tashkent (UTC still Sunday) the closed week is ranked in full and the top 3 announced', async () => {
    const m = await weekClub();
    const monday0005 = at('2026-11-29T19:05:00Z');
    expect(monday0005.getUTCDay()).toBe(0); // Sunday in UTC
    const summary = await weeklyResultsJob(club.deps, monday0005);
    expect(summary.counts.written).toBe(5);

    expect((await resultsOf('weekly_results', '2026-11-23'))).toEqual([
      { challenge_id: m.steps.id, period: '2026-11-23', rank: 1, user_id: m.c.userId, total: 12000, days: 1 },
      { challenge_id: m.steps.id, period: '2026-11-23', rank: 2, user_id: m.b.userId, total: 11000, days: 2 },
      { challenge_id: m.steps.id, period: '2026-11-23', rank: 3, user_id: m.a.userId, total: 11000, days: 2 },
      { challenge_id: m.steps.id, period: '2026-11-23', rank: 4, user_id: m.d.userId, total: 100, days: 1 },
      { challenge_id: m.book.id, period: '2026-11-23', rank: 1, user_id: m.b.userId, total: 30, days: 1 },
    ]);
    // Elyor's Monday-00:02 result belongs to the next week; the banned member is not ranked.
    expect((await club.count('weekly_results', `user_id in (${m.e.userId}, ${m.f.userId})`))).toBe(0);

    // Steps: its five reachable members (not the banned one); Book: Bobur.
    const stepsMsgs = club.sent.filter((x) => x.text.includes('👟 Steps'));
    expect(stepsMsgs.map((x) => x.chatId).sort()).toEqual([m.a, m.b, m.c, m.d, m.e].map((x) => x.telegramId).sort());
    const uz = stepsMsgs.find((x) => x.chatId === m.a.telegramId)!.text;
    expect(uz).toContain("🏆 Hafta gʻoliblari (23.11.2026 – 29.11.2026)");
    expect(uz).toContain('🥇 Charos — 12 000 steps (1 kun)');
    expect(uz).toContain('🥈 Bobur — 11 000 steps (2 kun)');
    expect(uz).toContain('🥉 Aziza — 11 000 steps (2 kun)');
    expect(uz).not.toContain('Dilshod');
    expect(stepsMsgs.find((x) => x.chatId === m.b.telegramId)!.text).toContain('Победители недели');
    expect(stepsMsgs.find((x) => x.chatId === m.c.telegramId)!.text).toContain('Winners of the week');
    const bookMsgs = club.sent.filter((x) => x.text.includes('📚 Book'));
    expect(bookMsgs.map((x) => x.chatId)).toEqual([m.b.telegramId]);
    expect(bookMsgs[0]!.text).toContain('🥇 Bobur — 30 pages (1 дн.)');
  });

  test('one minute before midnight on Sunday the current week is not closed yet', async () => {
    await weekClub();
    await weeklyResultsJob(club.deps, at(T('2026-11-29', '23:59')));
    expect((await club.count('weekly_results', "period = '2026-11-23'"))).toBe(0);
    expect((await club.count('job_runs', "job = 'weekly-results' and period_key = '2026-11-16'"))).toBe(1);
  });

  test('two runs — one after the other or at once — write one set of rows and announce once', async () => {
    await weekClub();
    const monday = at(T('2026-11-30', '00:05'));
    await weeklyResultsJob(club.deps, monday);
    const rows = (await club.count('weekly_results'));
    const messages = club.sent.length;
    const again = await weeklyResultsJob(club.deps, at(T('2026-11-30', '09:00')));
    expect(again.counts).toMatchObject({ written: 0, sent: 0 });
    expect(again.lines[0]).toContain('already written');
    expect((await club.count('weekly_results'))).toBe(rows);
    expect(club.sent).toHaveLength(messages);

    await club.rt.sql('delete from weekly_results');
    await club.rt.sql("delete from job_runs where job like 'weekly-%'");
    club.sent.length = 0;
    await Promise.all([weeklyResultsJob(club.deps, monday), weeklyResultsJob(club.deps, monday)]);
    expect((await club.count('weekly_results'))).toBe(rows);
    expect(club.sent).toHaveLength(messages);
  });

  test('a crash after writing the results but before announcing: the next run announces, writes nothing', async () => {
    await weekClub();
    await club.s.results.closePeriod('weekly', '2026-11-23', at(T('2026-11-30', '00:05')));
    const rows = (await club.count('weekly_results'));
    expect(club.sent).toHaveLength(0);
    const next = await weeklyResultsJob(club.deps, at(T('2026-11-30', '00:06')));
    expect(next.counts).toMatchObject({ written: 0, announced: 2, sent: 6 });
    expect((await club.count('weekly_results'))).toBe(rows);
  });

  test('with the bot off the results are written and the announcement waits for the bot', async () => {
    await weekClub();
    await weeklyResultsJob({ ...club.deps, messenger: null }, at(T('2026-11-30', '00:05')));
    expect((await club.count('weekly_results'))).toBe(5);
    const later = await weeklyResultsJob(club.deps, at(T('2026-11-30', '00:10')));
    expect(later.counts.sent).toBe(6);
  });

  test('admin analytics "winners" read the written table', async () => {
    const m = await weekClub();
    await weeklyResultsJob(club.deps, at(T('2026-11-30', '00:05')));
    const winners = (await club.s.admin.insights.analytics(OWNER, 7)).winners.weekly;
    expect(winners.filter((w) => w.challengeId === m.steps.id).map((w) => w.displayName)).toEqual(['Charos', 'Bobur', 'Aziza']);
  });
});

describe('monthly results', () => {
  test('February closes at 00:10 on 1 March in Tashkent, with the edges of the month in the club zone', async () => {
    club = createClub({ now: T('2026-01-31', '12:00') });
    const steps = await club.challenge({ title: 'Steps', emoji: '👟', unit: 'km' });
    const a = await club.member({ name: 'Aziza', language: 'uz', join: [steps.id] });
    const b = await club.member({ name: 'Bobur', language: 'ru', join: [steps.id] });
    const c = await club.member({ name: 'Charos', language: 'en', join: [steps.id] });
    await club.submitAt(T('2026-01-31', '23:00'), a.telegramId, steps.id, 1000); // January
    await club.submitAt(T('2026-02-01', '00:30'), a.telegramId, steps.id, 5.5); // 31 Jan 19:30 UTC, February in the club
    await club.submitAt(T('2026-02-14', '12:00'), b.telegramId, steps.id, 3);
    await club.submitAt(T('2026-02-28', '23:30'), b.telegramId, steps.id, 4); // last day of a 28-day February
    await club.submitAt(T('2026-03-01', '00:05'), c.telegramId, steps.id, 500); // 28 Feb 19:05 UTC, March in the club

    await monthlyResultsJob(club.deps, at('2026-02-28T19:10:00Z'));
    expect((await resultsOf('monthly_results', '2026-02')).map((r) => [r.rank, r.user_id, r.total, r.days])).toEqual([
      [1, b.userId, 7, 2],
      [2, a.userId, 5.5, 1],
    ]);
    expect((await club.count('monthly_results', "period <> '2026-02'"))).toBe(0);
    const texts = new Map(club.sent.map((m) => [m.chatId, m.text]));
    expect(texts.get(a.telegramId)).toContain("🏆 Oy gʻoliblari (2026-yil fevral)");
    expect(texts.get(a.telegramId)).toContain('🥈 Aziza — 5.5 km (1 kun)');
    expect(texts.get(b.telegramId)).toContain('Победители месяца (февраль 2026)');
    expect(texts.get(c.telegramId)).toContain('Winners of the month (February 2026)');

    // Run again on the same day, and once more later in March: nothing new.
    await monthlyResultsJob(club.deps, at(T('2026-03-01', '08:00')));
    await monthlyResultsJob(club.deps, at(T('2026-03-20', '08:00')));
    expect((await club.count('monthly_results'))).toBe(2);
    expect(club.sent).toHaveLength(3);
  });

  test('December closes into January of the next year', async () => {
    club = createClub({ now: T('2026-12-30', '12:00') });
    const steps = await club.challenge({ title: 'Steps', emoji: '👟', unit: 'steps' });
    const a = await club.member({ name: 'Aziza', language: 'en', join: [steps.id] });
    const b = await club.member({ name: 'Bobur', language: 'en', join: [steps.id] });
    await club.submitAt(T('2026-12-31', '23:30'), a.telegramId, steps.id, 700); // 18:30 UTC
    await club.submitAt(T('2027-01-01', '00:01'), b.telegramId, steps.id, 900); // 19:01 UTC on 31 Dec: January

    const summary = await monthlyResultsJob(club.deps, at('2026-12-31T19:10:00Z'));
    expect(summary.lines[0]).toContain('month 2026-12');
    expect((await resultsOf('monthly_results', '2026-12')).map((r) => [r.rank, r.user_id, r.total])).toEqual([[1, a.userId, 700]]);
    expect(club.sent[0]!.text).toContain('Winners of the month (December 2026)');
    // A month later, January 2027 closes with Bobur alone.
    await monthlyResultsJob(club.deps, at(T('2027-02-01', '00:10')));
    expect((await resultsOf('monthly_results', '2027-01')).map((r) => [r.rank, r.user_id, r.total])).toEqual([[1, b.userId, 900]]);
  });
});

describe('catch-up at start-up', () => {
  test('after a stop of three days the missed week (and month) is written once and announced once', async () => {
    const m = await weekClub();
    // The server last started on Saturday 28 November and caught up then.
    await catchUp(club.deps, at(T('2026-11-28', '12:00')));
    expect((await club.count('weekly_results', "period = '2026-11-23'"))).toBe(0);
    const before = club.sent.length;

    // Stopped until Tuesday 1 December: Monday's 00:05 run and the 1st's 00:10 run were missed.
    const restart = at(T('2026-12-01', '12:00'));
    await catchUp(club.deps, restart);
    expect((await club.count('weekly_results', "period = '2026-11-23'"))).toBe(5);
    expect((await club.count('monthly_results', "period = '2026-11'"))).toBe(6); // Elyor's 99999 is on 30 Nov
    const announced = club.sent.slice(before);
    expect(announced.filter((x) => x.text.includes('Hafta') || x.text.includes('недели') || x.text.includes('of the week'))).toHaveLength(6);
    expect(announced.filter((x) => x.chatId === m.a.telegramId)).toHaveLength(2); // week + month

    // A second start (or the cron right after): nothing written, nothing sent.
    const rows = (await club.count('weekly_results')) + (await club.count('monthly_results'));
    const sent = club.sent.length;
    await catchUp(club.deps, at(T('2026-12-01', '12:05')));
    await weeklyResultsJob(club.deps, at(T('2026-12-01', '12:06')));
    await monthlyResultsJob(club.deps, at(T('2026-12-01', '12:06')));
    expect((await club.count('weekly_results')) + (await club.count('monthly_results'))).toBe(rows);
    expect(club.sent).toHaveLength(sent);
  });

  test('after a stop of three weeks older weeks are written silently and only the latest is announced', async () => {
    club = createClub({ now: T('2026-11-02', '12:00') });
    const steps = await club.challenge({ title: 'Steps', emoji: '👟' });
    const a = await club.member({ name: 'Aziza', language: 'en', join: [steps.id] });
    await catchUp(club.deps, at(T('2026-11-03', '12:00'))); // closes the week of 26 Oct and before
    club.sent.length = 0;
    for (const day of ['2026-11-03', '2026-11-10', '2026-11-17']) await club.submitAt(T(day, '10:00'), a.telegramId, steps.id, 10);
    await catchUp(club.deps, at(T('2026-11-24', '09:00')));
    expect((await club.rows<{ period: string }>('select period from weekly_results order by period')).map((r) => r.period)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
    const weekly = club.sent.filter((x) => x.text.includes('of the week'));
    expect(weekly).toHaveLength(1);
    expect(weekly[0]!.text).toContain('16.11.2026 – 22.11.2026');
  });

  test("today's reminders less than an hour late are sent by the catch-up", async () => {
    club = createClub({ now: T('2026-11-25', '09:00') });
    const steps = await club.challenge({ title: 'Steps', reminderTime: '20:00' });
    await club.member({ join: [steps.id] });
    await catchUp(club.deps, at(T('2026-11-25', '21:05')));
    expect(club.sent.filter((x) => x.text.startsWith('⏰'))).toHaveLength(0);
    await catchUp(club.deps, at(T('2026-11-25', '20:45')));
    expect(club.sent.filter((x) => x.text.startsWith('⏰'))).toHaveLength(1);
  });
});

describe('daily rollover', () => {
  test('after midnight streaks of members who missed a day become 0, best kept; a second run changes nothing', async () => {
    club = createClub({ now: T('2026-11-20', '12:00') });
    const steps = await club.challenge({ title: 'Steps' });
    const lapsed = await club.member({ join: [steps.id] });
    const alive = await club.member({ join: [steps.id] });
    for (const day of ['2026-11-21', '2026-11-22', '2026-11-23']) await club.submitAt(T(day, '10:00'), lapsed.telegramId, steps.id, 1);
    for (const day of ['2026-11-23', '2026-11-24']) await club.submitAt(T(day, '10:00'), alive.telegramId, steps.id, 1);

    const streak = async (userId: number) =>
      (
        await club.rows<{ current_streak: number; best_streak: number }>(
          'select current_streak, best_streak from user_challenges where user_id = ?',
          userId,
        )
      )[0]!;
    // 00:01 on the 25th: the 24th was missed by `lapsed` (last counted the 23rd).
    const first = await dailyRolloverJob(club.deps, at(T('2026-11-25', '00:01')));
    expect(first.counts.reset).toBe(1);
    expect(await streak(lapsed.userId)).toEqual({ current_streak: 0, best_streak: 3 });
    expect(await streak(alive.userId)).toEqual({ current_streak: 2, best_streak: 2 });
    expect((await dailyRolloverJob(club.deps, at(T('2026-11-25', '00:30')))).counts.reset).toBe(0);
    expect((await club.count('job_runs', "job = 'daily-rollover' and period_key = '2026-11-25'"))).toBe(1);

    // A new result starts a fresh streak.
    const r = await club.submitAt(T('2026-11-25', '10:00'), lapsed.telegramId, steps.id, 1);
    expect(r.streak).toEqual({ current: 1, best: 3 });
  });
});
