import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createChallenge, joinedMember, registeredMember, submit } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, telegramUser, type TestRuntime } from '../helpers/runtime';
import type { ErrorCode } from '../../shared/errors';

let rt: TestRuntime;
beforeEach(() => {
  // Wednesday 2026-11-25 12:00 in Tashkent
  rt = createTestRuntime({ now: '2026-11-25T07:00:00Z' });
});
afterEach(() => rt.close());

function expectError(res: { status: number; body: any }, status: number, code: ErrorCode) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(res.body.error.message.length).toBeGreaterThan(0);
}

describe('registration', () => {
  test('first call creates (201), second returns the member (200); identity comes from initData only', async () => {
    const tg = telegramUser({ first_name: 'Aziza', last_name: 'Karimova', username: 'aziza', language_code: 'ru' });
    const first = await rt.request('POST', '/api/auth/register', { as: tg, body: { displayName: 'Aziza K.' } });
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    expect(first.body.user).toMatchObject({ telegramId: tg.id, displayName: 'Aziza K.', firstName: 'Aziza', lastName: 'Karimova', username: 'aziza', language: 'ru' });
    const again = await rt.request('POST', '/api/auth/register', { as: tg, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(first.body.user.id);
    expect(again.body.user.displayName).toBe('Aziza K.');
  });

  test('the body cannot choose the Telegram id', async () => {
    const tg = telegramUser();
    const res = await rt.request('POST', '/api/auth/register', { as: tg, body: { telegramId: 1 } });
    expectError(res, 400, 'BAD_REQUEST');
    expect(await rt.services.members.findMember(1)).toBeUndefined();
  });

  test('an empty, over-long or control-character name is refused and nothing is stored', async () => {
    for (const displayName of ['   ', 'x'.repeat(65), 'bad\u0000name', 'rtl\u202Eevil', 'zero\u200Bwidth', 'soft\u00ADhyphen', 42]) {
      const tg = telegramUser();
      const res = await rt.request('POST', '/api/auth/register', { as: tg, body: { displayName } });
      expectError(res, 400, 'BAD_REQUEST');
      expect((await rt.services.members.findMember(tg.id))?.registeredAt ?? null).toBeNull();
    }
  });

  test('names built from joined emoji, subdivision flags and Persian script are accepted', async () => {
    for (const displayName of ['Nodira 🏃‍♀️', '👨‍👩‍👧 Oila', '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scot', 'می‌خواهم']) {
      const res = await rt.request('POST', '/api/auth/register', { as: telegramUser(), body: { displayName } });
      expect(res.status).toBe(201);
      expect(res.body.user.displayName).toBe(displayName);
    }
  });

  test('malformed JSON is a 400 in the error shape', async () => {
    const res = await rt.request('POST', '/api/auth/register', { as: telegramUser(), rawBody: '{"displayName":', headers: { 'content-type': 'application/json' } });
    expectError(res, 400, 'BAD_REQUEST');
  });

  test('the registration gate: an unregistered member cannot join, submit or see the profile', async () => {
    const c = await createChallenge(rt);
    const tg = telegramUser();
    expectError(await rt.request('POST', `/api/challenges/${c.id}/join`, { as: tg }), 403, 'NOT_REGISTERED');
    expectError(await submit(rt, tg, c.id, 5), 403, 'NOT_REGISTERED');
    expectError(await rt.request('GET', '/api/me', { as: tg }), 403, 'NOT_REGISTERED');
    expectError(await rt.request('GET', '/api/challenges', { as: tg }), 403, 'NOT_REGISTERED');
  });
});

describe('challenges, join and leave', () => {
  test('lists active challenges only, with participants and joined flag', async () => {
    const steps = await createChallenge(rt, { title: 'Steps', target: 8000 });
    const books = await createChallenge(rt, { title: 'Book', timeWindow: { start: '21:00', end: '23:59' }, reminderTime: '21:00', unit: 'pages' });
    const hidden = await createChallenge(rt, { title: 'Hidden', isActive: false });
    const m = await joinedMember(rt, steps.id);
    const res = await rt.request('GET', '/api/challenges', { as: m.tg });
    expect(res.status).toBe(200);
    expect(res.body.map((c: any) => c.id)).toEqual([steps.id, books.id]);
    expect(res.body.find((c: any) => c.id === hidden.id)).toBeUndefined();
    const [s, b] = res.body;
    expect(s).toMatchObject({ title: 'Steps', target: 8000, participants: 1, joined: true, timeWindow: null, isActive: true, windowOpen: true });
    expect(b).toMatchObject({ title: 'Book', unit: 'pages', participants: 0, joined: false, timeWindow: { start: '21:00', end: '23:59' }, reminderTime: '21:00', windowOpen: false });
    for (const key of ['id', 'title', 'description', 'unit', 'emoji', 'target', 'minValue', 'maxValue', 'timeWindow', 'reminderTime', 'isActive', 'participants', 'joined']) {
      expect(Object.keys(s)).toContain(key);
    }
  });

  test('join and leave are idempotent; leaving keeps the history and rejoining restores it', async () => {
    const c = await createChallenge(rt);
    const m = await registeredMember(rt);
    for (let i = 0; i < 2; i++) {
      const r = await rt.request('POST', `/api/challenges/${c.id}/join`, { as: m.tg });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ joined: true });
    }
    expect((await submit(rt, m.tg, c.id, '1200')).status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const r = await rt.request('POST', `/api/challenges/${c.id}/leave`, { as: m.tg });
      expect(r.body).toEqual({ joined: false });
    }
    const board = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=all`, { as: m.tg });
    expect(board.body.entries).toEqual([]);
    expect(board.body.me).toBeNull();
    expectError(await submit(rt, m.tg, c.id, 5), 403, 'NOT_JOINED');
    await rt.request('POST', `/api/challenges/${c.id}/join`, { as: m.tg });
    const back = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=all`, { as: m.tg });
    expect(back.body.entries).toEqual([{ rank: 1, userId: m.id, displayName: m.tg.first_name, total: 1200, days: 1, photoUrl: null, streakBadge: null }]);
    const me = await rt.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges[0].streak.current).toBe(1);
  });

  test('unknown, inactive and malformed challenge ids', async () => {
    const m = await registeredMember(rt);
    const off = await createChallenge(rt, { isActive: false });
    expectError(await rt.request('POST', '/api/challenges/999/join', { as: m.tg }), 404, 'NOT_FOUND');
    const inactive = await rt.request('POST', `/api/challenges/${off.id}/join`, { as: m.tg });
    expectError(inactive, 404, 'NOT_FOUND');
    expect(inactive.body.error.message).not.toBe('No such route');
    expectError(await rt.request('POST', '/api/challenges/abc/join', { as: m.tg }), 400, 'BAD_REQUEST');
    expectError(await rt.request('POST', '/api/challenges/-1/join', { as: m.tg }), 400, 'BAD_REQUEST');
    expectError(await rt.request('POST', "/api/challenges/1%20OR%201=1/join", { as: m.tg }), 400, 'BAD_REQUEST');
  });
});

describe('submit', () => {
  test('stores the value, answers with the streak, and shows in profile and leaderboard at once', async () => {
    const c = await createChallenge(rt, { title: 'Book', unit: 'pages', maxValue: 1000 });
    const m = await joinedMember(rt, c.id);
    const res = await submit(rt, m.tg, c.id, '12,5');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      submission: { id: expect.any(Number), value: 12.5, day: '2026-11-25' },
      streak: { current: 1, best: 1 },
      progress: { target: null, met: true, missing: 0 },
      correctableUntil: '2026-11-25T07:15:00.000Z',
    });
    const me = await rt.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges[0]).toMatchObject({ today: { value: 12.5, day: '2026-11-25' }, streak: { current: 1, best: 1 }, total: 12.5, days: 1 });
    for (const type of ['today', 'weekly', 'monthly', 'all']) {
      const board = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=${type}`, { as: m.tg });
      expect(board.status).toBe(200);
      expect(board.body.entries[0]).toMatchObject({ rank: 1, userId: m.id, total: 12.5, days: 1 });
      expect(board.body.me).toEqual({ rank: 1, total: 12.5, days: 1, toNext: null });
    }
  });

  test('a streak grows over consecutive days and is shown as 0 after a missed day', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    expect((await submit(rt, m.tg, c.id, 10)).body.streak).toEqual({ current: 1, best: 1 });
    rt.clock.advance(86_400_000);
    expect((await submit(rt, m.tg, c.id, 10)).body.streak).toEqual({ current: 2, best: 2 });
    rt.clock.advance(2 * 86_400_000);
    const me = await rt.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges[0].streak).toMatchObject({ current: 0, best: 2 });
    expect((await submit(rt, m.tg, c.id, 10)).body.streak).toEqual({ current: 1, best: 2 });
  });

  test('a value below the daily target is stored but does not count for the streak', async () => {
    const c = await createChallenge(rt, { target: 8000 });
    const m = await joinedMember(rt, c.id);
    const res = await submit(rt, m.tg, c.id, 7999);
    expect(res.status).toBe(201);
    expect(res.body.streak).toEqual({ current: 0, best: 0 });
  });

  test('the second submission of the day is 409 and the first value stays', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    expect((await submit(rt, m.tg, c.id, 5)).status).toBe(201);
    const dup = await submit(rt, m.tg, c.id, 9);
    expectError(dup, 409, 'ALREADY_SUBMITTED');
    const board = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=today`, { as: m.tg });
    expect(board.body.entries[0].total).toBe(5);
  });

  test('bad values: 400 with the bounds and nothing stored', async () => {
    const c = await createChallenge(rt, { minValue: 1, maxValue: 500 });
    const m = await joinedMember(rt, c.id);
    for (const value of ['', 'abc', '1e3', 'NaN', 'Infinity', '5,5,5', 0, 501, -3, '1'.repeat(40), null, true, [5], { v: 5 }]) {
      const res = await submit(rt, m.tg, c.id, value as never);
      expectError(res, 400, 'BAD_REQUEST');
    }
    const res = await rt.request('POST', `/api/challenges/${c.id}/submit`, { as: m.tg, rawBody: '{"value": 1e999}', headers: { 'content-type': 'application/json' } });
    expectError(res, 400, 'BAD_REQUEST');
    const out = await submit(rt, m.tg, c.id, 501);
    expect(out.body.error.message).toContain('500');
    const me = await rt.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges[0].today).toBeNull();
  });

  test('the time window 21:00–23:59 accepts 21:00:00 and 23:59:59, refuses 20:59:59 and 00:00:00', async () => {
    const c = await createChallenge(rt, { title: 'Book', timeWindow: { start: '21:00', end: '23:59' } });
    const members = [await joinedMember(rt, c.id), await joinedMember(rt, c.id), await joinedMember(rt, c.id), await joinedMember(rt, c.id)];
    const at = (iso: string) => rt.clock.set(iso);
    at('2026-11-25T15:59:59Z'); // 20:59:59 Tashkent
    const early = await submit(rt, members[0]!.tg, c.id, 10);
    expectError(early, 422, 'OUTSIDE_TIME_WINDOW');
    expect(early.body.error.message).toContain('21:00–23:59');
    at('2026-11-25T16:00:00Z'); // 21:00:00
    expect((await submit(rt, members[1]!.tg, c.id, 10)).status).toBe(201);
    at('2026-11-25T18:59:59Z'); // 23:59:59
    expect((await submit(rt, members[2]!.tg, c.id, 10)).status).toBe(201);
    at('2026-11-25T19:00:00Z'); // 00:00:00 the next club day
    expectError(await submit(rt, members[3]!.tg, c.id, 10), 422, 'OUTSIDE_TIME_WINDOW');
  });

  test('submitting without joining is NOT_JOINED; to an inactive challenge NOT_FOUND', async () => {
    const c = await createChallenge(rt);
    const m = await registeredMember(rt);
    expectError(await submit(rt, m.tg, c.id, 5), 403, 'NOT_JOINED');
    const j = await joinedMember(rt, c.id);
    await rt.request('PATCH', `/api/admin/challenges/${c.id}`, { as: ADMIN_USER, body: { isActive: false } });
    expectError(await submit(rt, j.tg, c.id, 5), 404, 'NOT_FOUND');
  });

  test('a body over the size limit is 413', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    const res = await rt.request('POST', `/api/challenges/${c.id}/submit`, { as: m.tg, rawBody: JSON.stringify({ value: 5, pad: 'x'.repeat(20_000) }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('leaderboard', () => {
  test('ranks by sum, then days, then the earlier last submission; me is the caller’s rank', async () => {
    const c = await createChallenge(rt);
    const [a, b, d, e] = [await joinedMember(rt, c.id), await joinedMember(rt, c.id), await joinedMember(rt, c.id), await joinedMember(rt, c.id)];
    // Monday and Tuesday of this week
    rt.clock.set('2026-11-23T07:00:00Z');
    await submit(rt, a.tg, c.id, 50);
    await submit(rt, b.tg, c.id, 100);
    rt.clock.set('2026-11-24T07:00:00Z');
    await submit(rt, a.tg, c.id, 50); // a: 100 over 2 days
    rt.clock.set('2026-11-25T07:00:00Z');
    await submit(rt, d.tg, c.id, 100); // d: 100 in 1 day, later than b
    await submit(rt, e.tg, c.id, 30);
    const weekly = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=weekly&limit=3`, { as: e.tg });
    expect(weekly.body.period).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekly.body.entries.map((x: any) => [x.rank, x.userId, x.total, x.days])).toEqual([
      [1, a.id, 100, 2],
      [2, b.id, 100, 1],
      [3, d.id, 100, 1],
    ]);
    expect(weekly.body.me).toEqual({ rank: 4, total: 30, days: 1, toNext: 70 });
    expect(weekly.body.ranked).toBe(4);
    const today = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=today`, { as: a.tg });
    expect(today.body.entries.map((x: any) => x.userId)).toEqual([d.id, e.id]);
    expect(today.body.me).toBeNull();
  });

  test('banned members vanish and come back when unbanned', async () => {
    const c = await createChallenge(rt);
    const a = await joinedMember(rt, c.id);
    const b = await joinedMember(rt, c.id);
    await submit(rt, a.tg, c.id, 10);
    await submit(rt, b.tg, c.id, 20);
    await rt.request('POST', `/api/admin/users/${b.id}/ban`, { as: ADMIN_USER, body: { reason: 'cheating' } });
    const board = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=all`, { as: a.tg });
    expect(board.body.entries.map((x: any) => x.userId)).toEqual([a.id]);
    expectError(await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=all`, { as: b.tg }), 403, 'BANNED');
    await rt.request('POST', `/api/admin/users/${b.id}/unban`, { as: ADMIN_USER });
    const after = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=all`, { as: a.tg });
    expect(after.body.entries.map((x: any) => x.userId)).toEqual([b.id, a.id]);
  });

  test('challengeId may be omitted only when exactly one challenge is active; bad queries are 400', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    const res = await rt.request('GET', '/api/leaderboard?type=today', { as: m.tg });
    expect(res.status).toBe(200);
    expect(res.body.challengeId).toBe(c.id);
    await createChallenge(rt, { title: 'Two' });
    expectError(await rt.request('GET', '/api/leaderboard?type=today', { as: m.tg }), 400, 'BAD_REQUEST');
    expectError(await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=yearly`, { as: m.tg }), 400, 'BAD_REQUEST');
    expectError(await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=all&limit=101`, { as: m.tg }), 400, 'BAD_REQUEST');
    expectError(await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=all&limit=0`, { as: m.tg }), 400, 'BAD_REQUEST');
    const unknown = await rt.request('GET', '/api/leaderboard?challengeId=424242&type=all', { as: m.tg });
    expectError(unknown, 404, 'NOT_FOUND');
    // the service's own message, not the router's
    expect(unknown.body.error.message).not.toBe('No such route');
  });

  test('the week turns at Monday 00:00 Tashkent while UTC is still Sunday', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    rt.clock.set('2026-11-29T18:59:59Z'); // Sunday 23:59:59 Tashkent
    await submit(rt, m.tg, c.id, 7);
    rt.clock.set('2026-11-29T19:00:00Z'); // Monday 00:00:00 Tashkent, Sunday 19:00 UTC
    const week = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=weekly`, { as: m.tg });
    expect(week.body.period.from).toBe('2026-11-30');
    expect(week.body.entries).toEqual([]);
    const res = await submit(rt, m.tg, c.id, 8);
    expect(res.body.submission.day).toBe('2026-11-30');
    expect(res.body.streak).toEqual({ current: 2, best: 2 });
  });
});

describe('banned members', () => {
  test('can do nothing and are told so', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    await rt.request('POST', `/api/admin/users/${m.id}/ban`, { as: ADMIN_USER, body: {} });
    expectError(await submit(rt, m.tg, c.id, 5), 403, 'BANNED');
    expectError(await rt.request('GET', '/api/me', { as: m.tg }), 403, 'BANNED');
    expectError(await rt.request('POST', `/api/challenges/${c.id}/join`, { as: m.tg }), 403, 'BANNED');
    expectError(await rt.request('POST', '/api/auth/register', { as: m.tg, body: {} }), 403, 'BANNED');
    expectError(await rt.request('PATCH', '/api/me', { as: m.tg, body: { language: 'ru' } }), 403, 'BANNED');
    expect((await rt.services.members.findMember(m.tg.id))?.language).toBe('uz');
  });
});

describe('system', () => {
  test('health answers once the database is migrated', async () => {
    const res = await rt.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  test('unknown routes are 404 in the error shape', async () => {
    expectError(await rt.request('GET', '/api/nope'), 404, 'NOT_FOUND');
  });

  test('PATCH /api/me changes language and reminders', async () => {
    const m = await registeredMember(rt);
    const res = await rt.request('PATCH', '/api/me', { as: m.tg, body: { language: 'en', remindersEnabled: false } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ language: 'en', remindersEnabled: false });
    expectError(await rt.request('PATCH', '/api/me', { as: m.tg, body: { language: 'fr' } }), 400, 'BAD_REQUEST');
  });
});
