/**
 * Badges and streak freezes over real days with a fixed clock: the seventh counted day earns
 * the 7-day badge and a freeze, the nightly rollover spends the freeze on a missed day, the
 * results job gives the podium badge, and the member hears each of them (notices).
 */
import { afterEach, describe, expect, test } from 'bun:test';
import { addDays } from '../../server/domain/clubTime';
import { dailyRolloverJob } from '../../server/jobs/rollover';
import { weeklyResultsJob } from '../../server/jobs/results';
import type { MemberNotice } from '../../server/services/notices';
import { ADMIN_USER } from '../helpers/runtime';
import { at, createClub, OWNER, type Club } from './fixtures';

/** A wall-clock time in Tashkent (UTC+5) as an ISO instant. */
const T = (day: string, hhmm: string) => `${day}T${hhmm}:00+05:00`;

let club: Club;
afterEach(() => club?.close());

async function setup() {
  club = createClub({ now: T('2026-11-01', '09:00') });
  const steps = await club.challenge({ title: 'Steps', emoji: '👟', unit: 'steps', target: 5000 });
  const aziza = await club.member({ name: 'Aziza', language: 'uz', join: [steps.id] });
  const notices: MemberNotice[] = [];
  club.s.notices.subscribe((n) => notices.push(n));
  const membership = async () =>
    (
      await club.rows<{ current_streak: number; best_streak: number; last_counted_day: string | null; freezes: number; best_value: number | null }>(
        'select current_streak, best_streak, last_counted_day, freezes, best_value from user_challenges where user_id = ? and challenge_id = ?',
        aziza.userId,
        steps.id,
      )
    )[0]!;
  const badges = async () =>
    (await club.rows<{ code: string; challenge_id: number }>('select code, challenge_id from badges where user_id = ? order by earned_at, code', aziza.userId)).map(
      (b) => `${b.code}@${b.challenge_id}`,
    );
  const asMember = { id: aziza.telegramId, first_name: 'Aziza', language_code: 'uz' };
  return { steps, aziza, notices, membership, badges, asMember };
}

/** Seven counted days from the 1st to the 7th of November 2026. */
async function sevenDays(c: Awaited<ReturnType<typeof setup>>) {
  for (let i = 0; i < 7; i++) {
    const day = addDays('2026-11-01', i);
    if (i > 0) await dailyRolloverJob(club.deps, at(T(day, '00:01')));
    await club.submitAt(T(day, '09:00'), c.aziza.telegramId, c.steps.id, 6000 + i * 100);
  }
}

describe('badges on the way to a 7-day streak', () => {
  test('first result, personal bests, and on the seventh day the 7-day badge and a freeze — each told once', async () => {
    const c = await setup();
    await club.submitAt(T('2026-11-01', '09:00'), c.aziza.telegramId, c.steps.id, 6000);
    expect(await c.badges()).toEqual(['first-result@0']); // the first result is no personal best
    await dailyRolloverJob(club.deps, at(T('2026-11-02', '00:01')));
    await club.submitAt(T('2026-11-02', '09:00'), c.aziza.telegramId, c.steps.id, 6000); // equal: not above
    expect(await c.badges()).toEqual(['first-result@0']);
    for (let i = 2; i < 6; i++) {
      const day = addDays('2026-11-01', i);
      await dailyRolloverJob(club.deps, at(T(day, '00:01')));
      await club.submitAt(T(day, '09:00'), c.aziza.telegramId, c.steps.id, 6000 + i * 100);
    }
    expect(await c.badges()).toEqual(['first-result@0', `personal-best@${c.steps.id}`]);
    expect((await c.membership()).freezes).toBe(0);
    expect(await club.count('badges', "code = 'streak-7'")).toBe(0);

    // The seventh counted day.
    await dailyRolloverJob(club.deps, at(T('2026-11-07', '00:01')));
    const seventh = await club.submitAt(T('2026-11-07', '09:00'), c.aziza.telegramId, c.steps.id, 5000);
    expect(seventh.streak).toEqual({ current: 7, best: 7 });
    expect(await c.badges()).toEqual(['first-result@0', `personal-best@${c.steps.id}`, `streak-7@${c.steps.id}`]);
    expect(await c.membership()).toMatchObject({ current_streak: 7, freezes: 1, best_value: 6500 });

    // The eighth day earns nothing new.
    await dailyRolloverJob(club.deps, at(T('2026-11-08', '00:01')));
    await club.submitAt(T('2026-11-08', '09:00'), c.aziza.telegramId, c.steps.id, 5000);
    expect(await club.count('badges', "code = 'streak-7'")).toBe(1);
    expect((await c.membership()).freezes).toBe(1);

    // Told by the bot once each, in her language.
    const told = c.notices.map((n) => (n.kind === 'badge-earned' ? n.code : n.kind === 'freeze' ? `freeze-${n.reason}` : n.kind));
    expect(told).toEqual(['first-result', 'personal-best', 'streak-7', 'freeze-earned']);
    expect(c.notices.every((n) => n.telegramId === c.aziza.telegramId && n.language === 'uz')).toBe(true);

    // The profile and the board show them.
    const me = await club.rt.request('GET', '/api/me', { as: c.asMember });
    expect(me.body.badges.map((b: { code: string; challengeId: number | null }) => [b.code, b.challengeId])).toEqual([
      ['first-result', null],
      ['personal-best', c.steps.id],
      ['streak-7', c.steps.id],
    ]);
    expect(me.body.challenges[0]).toMatchObject({ freezes: 1, frozen: [] });
    const board = await club.rt.request('GET', `/api/leaderboard?challengeId=${c.steps.id}&type=all`, { as: c.asMember });
    expect(board.body.entries[0]).toMatchObject({ userId: c.aziza.userId, streakBadge: 7 });
  });

  test('a deleted result takes no badge away', async () => {
    const c = await setup();
    await sevenDays(c);
    const ids = await club.rows<{ id: number }>('select id from submissions where user_id = ? order by day', c.aziza.userId);
    for (const { id } of ids) await club.s.admin.members.deleteSubmission(OWNER, id);
    expect(await c.membership()).toMatchObject({ current_streak: 0, best_value: null });
    expect(await c.badges()).toEqual(['first-result@0', `personal-best@${c.steps.id}`, `streak-7@${c.steps.id}`]);
    const board = await club.rt.request('GET', `/api/leaderboard?challengeId=${c.steps.id}&type=all`, { as: c.asMember });
    expect(board.body.entries).toEqual([]);
  });
});

describe('streak freezes at the nightly rollover', () => {
  test('a missed day is covered: the streak stays, the day is marked frozen, the member is told', async () => {
    const c = await setup();
    await sevenDays(c);
    c.notices.length = 0;
    // Nothing on the 8th; the rollover of the 9th covers it.
    const run = await dailyRolloverJob(club.deps, at(T('2026-11-09', '00:01')));
    expect(run.counts).toEqual({ reset: 0, frozen: 1 });
    expect(await c.membership()).toMatchObject({ current_streak: 7, last_counted_day: '2026-11-08', freezes: 0 });
    expect(await club.rows('select day from streak_freezes where user_id = ?', c.aziza.userId)).toEqual([{ day: '2026-11-08' }]);
    expect(c.notices).toEqual([
      {
        kind: 'freeze',
        telegramId: c.aziza.telegramId,
        language: 'uz',
        reason: 'used',
        challenge: { id: c.steps.id, emoji: '👟', title: 'Steps', unit: 'steps' },
        days: ['2026-11-08'],
        freezes: 0,
      },
    ]);
    // Idempotent: a second run covers nothing more.
    expect((await dailyRolloverJob(club.deps, at(T('2026-11-09', '00:30')))).counts).toEqual({ reset: 0, frozen: 0 });

    club.rt.clock.set(T('2026-11-09', '08:00'));
    const me = await club.rt.request('GET', '/api/me', { as: c.asMember });
    expect(me.body.challenges[0]).toMatchObject({ streak: { current: 7, best: 7 }, freezes: 0, frozen: ['2026-11-08'] });
    // The next result continues the streak.
    const r = await club.submitAt(T('2026-11-09', '09:00'), c.aziza.telegramId, c.steps.id, 7000);
    expect(r.streak).toEqual({ current: 8, best: 8 });
  });

  test('two missed days with one freeze: the first night spends it, the second breaks the streak', async () => {
    const c = await setup();
    await sevenDays(c);
    expect((await dailyRolloverJob(club.deps, at(T('2026-11-09', '00:01')))).counts).toEqual({ reset: 0, frozen: 1 });
    expect((await dailyRolloverJob(club.deps, at(T('2026-11-10', '00:01')))).counts).toEqual({ reset: 1, frozen: 0 });
    expect(await c.membership()).toMatchObject({ current_streak: 0, best_streak: 7, freezes: 0 });
    const r = await club.submitAt(T('2026-11-10', '09:00'), c.aziza.telegramId, c.steps.id, 7000);
    expect(r.streak).toEqual({ current: 1, best: 7 });
  });

  test('a result sent before the rollover ran is covered by the freeze too', async () => {
    const c = await setup();
    await sevenDays(c);
    // Nothing on the 8th; she sends on the 9th at 00:00:30, before the 00:01 rollover.
    const r = await club.submitAt('2026-11-08T19:00:30Z', c.aziza.telegramId, c.steps.id, 7000);
    expect(r.streak).toEqual({ current: 8, best: 8 });
    expect(await club.rows('select day from streak_freezes where user_id = ?', c.aziza.userId)).toEqual([{ day: '2026-11-08' }]);
    expect((await dailyRolloverJob(club.deps, at(T('2026-11-09', '00:01')))).counts).toEqual({ reset: 0, frozen: 0 });
  });

  test('an admin adds the frozen day’s result later: the correction wins and the freeze is given back', async () => {
    const c = await setup();
    await sevenDays(c);
    await dailyRolloverJob(club.deps, at(T('2026-11-09', '00:01')));
    await club.submitAt(T('2026-11-09', '09:00'), c.aziza.telegramId, c.steps.id, 7000);
    club.rt.clock.set(T('2026-11-09', '12:00'));
    const res = await club.s.admin.members.setMemberResult(OWNER, {
      userId: c.aziza.userId,
      challengeId: c.steps.id,
      day: '2026-11-08',
      value: 5500,
      reason: 'sent on paper',
    });
    expect(res.streak).toEqual({ current: 9, best: 9 });
    expect(await club.count('streak_freezes')).toBe(0);
    expect(await c.membership()).toMatchObject({ current_streak: 9, freezes: 1 });
  });

  test('no freeze is spent where the challenge was not running', async () => {
    const c = await setup();
    await sevenDays(c);
    await club.s.admin.challenges.editChallenge(OWNER, c.steps.id, { endDate: '2026-11-07' });
    expect((await dailyRolloverJob(club.deps, at(T('2026-11-09', '00:01')))).counts).toEqual({ reset: 1, frozen: 0 });
    expect((await c.membership()).freezes).toBe(1);
  });
});

describe('podium badges and an admin’s grant', () => {
  test('the weekly results job gives ranks 1–3 the weekly podium badge, once', async () => {
    club = createClub({ now: T('2026-11-23', '09:00') });
    const steps = await club.challenge({ title: 'Steps' });
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await club.member({ name: `M${i}`, join: [steps.id] }));
    for (const [i, m] of members.entries()) await club.submitAt(T('2026-11-24', '09:00'), m.telegramId, steps.id, 1000 * (i + 1));
    const notices: MemberNotice[] = [];
    club.s.notices.subscribe((n) => notices.push(n));
    await weeklyResultsJob(club.deps, at(T('2026-11-30', '00:05')));
    const podium = await club.rows<{ user_id: number }>("select user_id from badges where code = 'weekly-podium' order by user_id");
    expect(podium.map((r) => r.user_id)).toEqual([members[1]!.userId, members[2]!.userId, members[3]!.userId]);
    expect(notices.filter((n) => n.kind === 'badge-earned').length).toBe(3);
    await weeklyResultsJob(club.deps, at(T('2026-11-30', '01:00')));
    expect(await club.count('badges', "code = 'weekly-podium'")).toBe(3);
  });

  test('an admin grants a freeze over REST and tRPC: audited, at most 2, refusals change nothing', async () => {
    const c = await setup();
    const path = `/api/admin/users/${c.aziza.userId}/challenges/${c.steps.id}/freezes`;
    const first = await club.rt.request('POST', path, { as: ADMIN_USER });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ freezes: 1, max: 2 });
    expect(c.notices.map((n) => (n.kind === 'freeze' ? n.reason : n.kind))).toEqual(['granted']);
    expect(await club.s.admin.members.grantFreeze(OWNER, c.aziza.userId, c.steps.id)).toEqual({ freezes: 2, max: 2 });
    const third = await club.rt.request('POST', path, { as: ADMIN_USER });
    expect(third.status).toBe(400);
    expect(third.body.error).toMatchObject({ code: 'BAD_REQUEST', details: { reason: 'freeze-limit', max: 2 } });
    expect((await c.membership()).freezes).toBe(2);
    const audit = await club.rows<{ action: string; before: string; after: string }>("select action, before, after from audit_log where action = 'freeze.grant' order by id");
    expect(audit.map((a) => [JSON.parse(a.before), JSON.parse(a.after)])).toEqual([
      [{ freezes: 0 }, { freezes: 1 }],
      [{ freezes: 1 }, { freezes: 2 }],
    ]);
    // Not an admin, an unknown member, a challenge never joined.
    expect((await club.rt.request('POST', path, { as: c.asMember })).status).toBe(403);
    expect((await club.rt.request('POST', `/api/admin/users/999999/challenges/${c.steps.id}/freezes`, { as: ADMIN_USER })).status).toBe(404);
    const other = await club.challenge({ title: 'Book' });
    expect((await club.rt.request('POST', `/api/admin/users/${c.aziza.userId}/challenges/${other.id}/freezes`, { as: ADMIN_USER })).status).toBe(404);
    expect(await club.count('audit_log', "action = 'freeze.grant'")).toBe(2);
    const detail = await club.rt.request('GET', `/api/admin/users/${c.aziza.userId}`, { as: ADMIN_USER });
    expect(detail.body.memberships[0]).toMatchObject({ challengeId: c.steps.id, freezes: 2 });
  });
});
