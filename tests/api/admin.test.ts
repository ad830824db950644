import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createChallenge, joinedMember, registeredMember, submit } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, type TestRuntime } from '../helpers/runtime';

let rt: TestRuntime;
beforeEach(() => {
  rt = createTestRuntime({ now: '2026-11-25T07:00:00Z' });
});
afterEach(() => rt.close());

const admin = (method: string, path: string, body?: unknown) => rt.request(method, path, { as: ADMIN_USER, body });

describe('challenges', () => {
  test('create with every setting, edit, clear the window, deactivate and reactivate', async () => {
    const created = await admin('POST', '/api/admin/challenges', {
      title: 'Book',
      description: 'Read every evening',
      emoji: '📚',
      unit: 'pages',
      target: 10,
      minValue: 1,
      maxValue: 500,
      timeWindow: { start: '21:00', end: '23:59' },
      reminderTime: '21:00',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Book', target: 10, minValue: 1, maxValue: 500, timeWindow: { start: '21:00', end: '23:59' }, reminderTime: '21:00', startDate: '2026-11-01', endDate: '2026-12-31', isActive: true });
    const id = created.body.id;
    const edited = await admin('PATCH', `/api/admin/challenges/${id}`, { timeWindow: null, title: 'Kitob' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Kitob', timeWindow: null, target: 10 });
    expect((await admin('PATCH', `/api/admin/challenges/${id}`, { isActive: false })).body.isActive).toBe(false);
    const all = await admin('GET', '/api/admin/challenges');
    expect(all.body.map((c: any) => [c.id, c.isActive])).toEqual([[id, false]]);
    expect((await admin('PATCH', `/api/admin/challenges/${id}`, { isActive: true })).body.isActive).toBe(true);
    const audit = await admin('GET', '/api/admin/audit');
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['challenge.activate', 'challenge.deactivate', 'challenge.update', 'challenge.create']);
    expect(audit.body.items[2]).toMatchObject({ actorTelegramId: ADMIN_USER.id, before: { title: 'Book', windowStart: '21:00', windowEnd: '23:59' }, after: { title: 'Kitob', windowStart: null, windowEnd: null } });
  });

  test('invalid challenges are refused and nothing is stored', async () => {
    const bad = [
      {},
      { title: '' },
      { title: 'x', timeWindow: { start: '23:00', end: '21:00' } },
      { title: 'x', timeWindow: { start: '24:00', end: '25:00' } },
      { title: 'x', reminderTime: '9:00' },
      { title: 'x', minValue: 10, maxValue: 5 },
      { title: 'x', maxValue: Number.MAX_VALUE },
      { title: 'x', startDate: '2026-13-01' },
      { title: 'x', startDate: '2026-12-10', endDate: '2026-12-01' },
      { title: 'x', unknown: true },
      { title: 'x'.repeat(81) },
    ];
    for (const body of bad) {
      const res = await admin('POST', '/api/admin/challenges', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
    expect((await admin('GET', '/api/admin/challenges')).body).toEqual([]);
    expect((await admin('PATCH', '/api/admin/challenges/77', { title: 'y' })).status).toBe(404);
  });
});

describe('members and manual fixes', () => {
  test('list and search with stats; Telegram id shown beside the project id', async () => {
    const c = await createChallenge(rt);
    const a = await joinedMember(rt, c.id, { first_name: 'Dilnoza', username: 'dilnoza_r' });
    await registeredMember(rt, { first_name: 'Jasur' });
    await submit(rt, a.tg, c.id, 100);
    const page = await admin('GET', '/api/admin/users?q=dilno');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(1);
    expect(page.body.items[0]).toMatchObject({ id: a.id, telegramId: a.tg.id, displayName: 'Dilnoza', username: 'dilnoza_r', challenges: 1, submissions: 1, bestStreak: 1, registered: true, isBanned: false });
    expect((await admin('GET', `/api/admin/users?q=${a.tg.id}`)).body.items[0].id).toBe(a.id);
    expect((await admin('GET', '/api/admin/users?q=%25')).body.total).toBe(0);
    expect((await admin('GET', '/api/admin/users?page=0')).status).toBe(400);
    const all = await admin('GET', '/api/admin/users?page=1');
    expect(all.body.total).toBe(2);
  });

  test('ban/unban is audited with the reason', async () => {
    const m = await registeredMember(rt);
    const banned = await admin('POST', `/api/admin/users/${m.id}/ban`, { reason: 'spam' });
    expect(banned.body).toMatchObject({ isBanned: true, banReason: 'spam' });
    const unbanned = await admin('POST', `/api/admin/users/${m.id}/unban`);
    expect(unbanned.body).toMatchObject({ isBanned: false, banReason: null });
    const audit = await admin('GET', '/api/admin/audit');
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['user.unban', 'user.ban']);
    expect(audit.body.items[1].after).toEqual({ isBanned: true, banReason: 'spam' });
    expect((await admin('POST', '/api/admin/users/9999/ban', {})).status).toBe(404);
  });

  test('deleting a submission recomputes totals and the streak', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    const ids: number[] = [];
    for (const day of ['2026-11-23', '2026-11-24', '2026-11-25']) {
      rt.clock.set(`${day}T07:00:00Z`);
      ids.push((await submit(rt, m.tg, c.id, 10)).body.submission.id);
    }
    const del = await admin('DELETE', `/api/admin/submissions/${ids[1]}`);
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ deleted: true, streak: { current: 1, best: 1 } });
    const weekly = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=weekly`, { as: m.tg });
    expect(weekly.body.me).toEqual({ rank: 1, total: 20, days: 2, toNext: null });
    const me = await rt.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges[0]).toMatchObject({ streak: { current: 1, best: 1 }, total: 20, days: 2 });
    expect((await admin('DELETE', `/api/admin/submissions/${ids[1]}`)).status).toBe(404);
    // the deleted day's board is empty again, and the member may submit for today again after deleting today
    await admin('DELETE', `/api/admin/submissions/${ids[2]}`);
    expect((await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=today`, { as: m.tg })).body.entries).toEqual([]);
    expect((await submit(rt, m.tg, c.id, 7)).status).toBe(201);
  });

  test('set a streak, then a submission continues from it', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    const set = await admin('PUT', `/api/admin/users/${m.id}/challenges/${c.id}/streak`, { current: 12 });
    expect(set.body).toEqual({ current: 12, best: 12 });
    expect((await rt.request('GET', '/api/me', { as: m.tg })).body.challenges[0].streak.current).toBe(12);
    expect((await submit(rt, m.tg, c.id, 1)).body.streak).toEqual({ current: 13, best: 13 });
    for (const body of [{ current: -1 }, { current: 1.5 }, { current: '3' }, {}]) {
      expect((await admin('PUT', `/api/admin/users/${m.id}/challenges/${c.id}/streak`, body)).status).toBe(400);
    }
    expect((await admin('PUT', `/api/admin/users/${m.id}/challenges/999/streak`, { current: 1 })).status).toBe(404);
    const audit = await admin('GET', '/api/admin/audit');
    expect(audit.body.items[0]).toMatchObject({ action: 'streak.set', before: { current: 0 }, after: { current: 12 } });
  });

  test('removing a member from a challenge hides them from that board only', async () => {
    const a = await createChallenge(rt, { title: 'A' });
    const b = await createChallenge(rt, { title: 'B' });
    const m = await joinedMember(rt, a.id);
    await rt.request('POST', `/api/challenges/${b.id}/join`, { as: m.tg });
    await submit(rt, m.tg, a.id, 5);
    await submit(rt, m.tg, b.id, 6);
    const res = await admin('DELETE', `/api/admin/users/${m.id}/challenges/${a.id}`);
    expect(res.body).toEqual({ joined: false });
    const boardA = await admin('GET', `/api/admin/leaderboard?challengeId=${a.id}&type=all`);
    const boardB = await admin('GET', `/api/admin/leaderboard?challengeId=${b.id}&type=all`);
    expect(boardA.body.entries).toEqual([]);
    expect(boardB.body.entries.map((e: any) => e.userId)).toEqual([m.id]);
    expect((await submit(rt, m.tg, a.id, 5)).body.error.code).toBe('NOT_JOINED');
    const detail = await admin('GET', `/api/admin/users/${m.id}`);
    expect(detail.body.memberships.map((x: any) => [x.title, x.joined])).toEqual([['A', false], ['B', true]]);
    expect(detail.body.submissions).toHaveLength(2);
  });
});

describe('analytics and results', () => {
  test('daily active members per day for N days, popular challenges, totals', async () => {
    const c = await createChallenge(rt, { title: 'Steps' });
    const d = await createChallenge(rt, { title: 'Push-ups' });
    const a = await joinedMember(rt, c.id);
    const b = await joinedMember(rt, c.id);
    await rt.request('POST', `/api/challenges/${d.id}/join`, { as: a.tg });
    rt.clock.set('2026-11-24T07:00:00Z');
    await submit(rt, a.tg, c.id, 1);
    rt.clock.set('2026-11-25T07:00:00Z');
    await submit(rt, a.tg, c.id, 1);
    await submit(rt, a.tg, d.id, 1);
    await submit(rt, b.tg, c.id, 1);
    const res = await admin('GET', '/api/admin/analytics?days=7');
    expect(res.status).toBe(200);
    expect(res.body.dailyActive).toHaveLength(7);
    expect(res.body.dailyActive.at(-1)).toEqual({ day: '2026-11-25', members: 2, submissions: 3 });
    expect(res.body.dailyActive.at(-2)).toEqual({ day: '2026-11-24', members: 1, submissions: 1 });
    expect(res.body.dailyActive[0]).toEqual({ day: '2026-11-19', members: 0, submissions: 0 });
    expect(res.body.popular.map((p: any) => [p.title, p.participants, p.submissionsThisWeek])).toEqual([['Steps', 2, 3], ['Push-ups', 1, 1]]);
    expect(res.body.totals).toEqual({ members: 2, registered: 2, banned: 0, activeChallenges: 2, submissions: 4 });
    expect(res.body.winners).toEqual({ weekly: [], monthly: [] });
    expect((await admin('GET', '/api/admin/analytics?days=0')).status).toBe(400);
    expect((await admin('GET', '/api/admin/analytics?days=abc')).status).toBe(400);
  });

  test('results listing validates the period', async () => {
    expect((await admin('GET', '/api/admin/results?period=weekly')).body).toEqual([]);
    expect((await admin('GET', '/api/admin/results?period=monthly')).body).toEqual([]);
    expect((await admin('GET', '/api/admin/results?period=daily')).status).toBe(400);
  });
});
