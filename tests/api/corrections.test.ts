import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createChallenge, joinedMember, submit } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, type TestRuntime } from '../helpers/runtime';
import type { TestTelegramUser } from '../helpers/initData';

let rt: TestRuntime;
beforeEach(() => {
  // Wednesday 2026-11-25 12:00 in Tashkent
  rt = createTestRuntime({ now: '2026-11-25T07:00:00Z' });
});
afterEach(() => rt.close());

const correct = (user: TestTelegramUser, challengeId: number, value: unknown) =>
  rt.request('PUT', `/api/challenges/${challengeId}/submission`, { as: user, body: { value } });

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.message.length).toBeGreaterThan(0);
}

async function board(user: TestTelegramUser, challengeId: number, type: string) {
  const res = await rt.request('GET', `/api/leaderboard?challengeId=${challengeId}&type=${type}`, { as: user });
  expect(res.status).toBe(200);
  return res.body as { entries: { userId: number; total: number; rank: number }[]; me: { rank: number; total: number } | null };
}

describe('submitting against the target', () => {
  test('a value below the target is stored but says how much was missing; the streak does not move', async () => {
    const c = await createChallenge(rt, { target: 10000 });
    const m = await joinedMember(rt, c.id);
    const res = await submit(rt, m.tg, c.id, 8500);
    expect(res.status).toBe(201);
    expect(res.body.progress).toEqual({ target: 10000, met: false, missing: 1500 });
    expect(res.body.streak).toEqual({ current: 0, best: 0 });
    const me = await rt.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges[0].today.progress).toEqual({ target: 10000, met: false, missing: 1500 });
  });

  test('reaching the target, or a challenge without one, counts', async () => {
    const c = await createChallenge(rt, { target: 10000 });
    const free = await createChallenge(rt, { title: 'Pages' });
    const m = await joinedMember(rt, c.id);
    await rt.request('POST', `/api/challenges/${free.id}/join`, { as: m.tg });
    expect((await submit(rt, m.tg, c.id, 10000)).body.progress).toEqual({ target: 10000, met: true, missing: 0 });
    expect((await submit(rt, m.tg, free.id, 3)).body.progress).toEqual({ target: null, met: true, missing: 0 });
  });
});

describe('correcting today\'s result', () => {
  test('within the window the value is replaced: streak and all four boards follow, history kept', async () => {
    const c = await createChallenge(rt, { target: 10000 });
    const m = await joinedMember(rt, c.id);
    const other = await joinedMember(rt, c.id);
    expect((await submit(rt, other.tg, c.id, 5000)).status).toBe(201);
    const sent = await submit(rt, m.tg, c.id, 1000);
    expect(sent.body.correctableUntil).toBe('2026-11-25T07:15:00.000Z');
    // Load every board first, so the in-memory copies must move too.
    for (const type of ['today', 'weekly', 'monthly', 'all']) expect((await board(m.tg, c.id, type)).me?.rank).toBe(2);

    rt.clock.advance(14 * 60_000);
    const fixed = await correct(m.tg, c.id, '10 000');
    expect(fixed.status).toBe(200);
    expect(fixed.body.submission).toEqual({ id: sent.body.submission.id, value: 10000, day: '2026-11-25' });
    expect(fixed.body.streak).toEqual({ current: 1, best: 1 });
    expect(fixed.body.progress).toEqual({ target: 10000, met: true, missing: 0 });
    for (const type of ['today', 'weekly', 'monthly', 'all']) {
      const b = await board(m.tg, c.id, type);
      expect(b.me).toMatchObject({ rank: 1, total: 10000 });
      expect(b.entries.map((e) => e.userId)).toEqual([m.id, other.id]);
    }
    const me = await rt.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges[0].today.value).toBe(10000);
    expect(me.body.challenges[0].streak.current).toBe(1);

    const history = await rt.sql('select old_value, new_value, by from submission_changes where submission_id = ?', sent.body.submission.id);
    expect(history).toEqual([{ old_value: 1000, new_value: 10000, by: 'member' }]);

    // Still one result per day: a second POST stays refused.
    expectError(await submit(rt, m.tg, c.id, 12000), 409, 'ALREADY_SUBMITTED');
  });

  test('a correction down below the target takes the streak back', async () => {
    const c = await createChallenge(rt, { target: 10 });
    const m = await joinedMember(rt, c.id);
    expect((await submit(rt, m.tg, c.id, 12)).body.streak.current).toBe(1);
    const res = await correct(m.tg, c.id, 8);
    expect(res.status).toBe(200);
    expect(res.body.streak.current).toBe(0);
    expect(res.body.progress).toEqual({ target: 10, met: false, missing: 2 });
  });

  test('after CORRECTION_MINUTES: 409 CORRECTION_CLOSED and nothing changes', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    await submit(rt, m.tg, c.id, 1000);
    rt.clock.advance(15 * 60_000 + 1);
    const res = await correct(m.tg, c.id, 10000);
    expectError(res, 409, 'CORRECTION_CLOSED');
    expect(res.body.error.message).toContain('15');
    expect((await board(m.tg, c.id, 'today')).me?.total).toBe(1000);
    expect(await rt.sql('select count(*) as n from submission_changes')).toEqual([{ n: 0 }]);
  });

  test('no result today: 404; malformed, out of range or not joined: refused, nothing changes', async () => {
    const c = await createChallenge(rt, { maxValue: 50000 });
    const m = await joinedMember(rt, c.id);
    expectError(await correct(m.tg, c.id, 10), 404, 'NOT_FOUND');
    await submit(rt, m.tg, c.id, 1000);
    for (const value of ['abc', '', 50001, -1, null, '1e999']) expectError(await correct(m.tg, c.id, value), 400, 'BAD_REQUEST');
    const raw = await rt.request('PUT', `/api/challenges/${c.id}/submission`, { as: m.tg, rawBody: '{"value":', headers: { 'content-type': 'application/json' } });
    expectError(raw, 400, 'BAD_REQUEST');
    const stranger = await joinedMember(rt, (await createChallenge(rt, { title: 'Other' })).id);
    expectError(await correct(stranger.tg, c.id, 10), 403, 'NOT_JOINED');
    expectError(await rt.request('PUT', `/api/challenges/${c.id}/submission`, { body: { value: 5 } }), 401, 'UNAUTHORIZED');
    expect((await board(m.tg, c.id, 'today')).me?.total).toBe(1000);
    expect(await rt.sql('select count(*) as n from submission_changes')).toEqual([{ n: 0 }]);
  });

  test('yesterday\'s result is not today\'s: 404', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    rt.clock.set('2026-11-24T18:55:00Z'); // 23:55 in Tashkent
    await submit(rt, m.tg, c.id, 1000);
    rt.clock.set('2026-11-24T19:05:00Z'); // 00:05 the next club day, 10 minutes later
    expectError(await correct(m.tg, c.id, 10000), 404, 'NOT_FOUND');
  });

  test('concurrent corrections: both are applied in order, the last one stands, both are in history', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    await submit(rt, m.tg, c.id, 1000);
    const [a, b] = await Promise.all([correct(m.tg, c.id, 2000), correct(m.tg, c.id, 3000)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await board(m.tg, c.id, 'all')).me?.total).toBe(3000);
    const rows = await rt.sql('select old_value, new_value from submission_changes order by id');
    expect(rows).toEqual([
      { old_value: 1000, new_value: 2000 },
      { old_value: 2000, new_value: 3000 },
    ]);
  });

  test('a submission and its correction sent together: the correction finds the submission', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    const [sent, fixed] = await Promise.all([submit(rt, m.tg, c.id, 1000), correct(m.tg, c.id, 10000)]);
    expect(sent.status).toBe(201);
    expect(fixed.status).toBe(200);
    expect((await board(m.tg, c.id, 'today')).me?.total).toBe(10000);
  });

  test('CORRECTION_MINUTES configures the window', async () => {
    await rt.close();
    rt = createTestRuntime({ now: '2026-11-25T07:00:00Z', env: { CORRECTION_MINUTES: '5' } });
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    expect((await submit(rt, m.tg, c.id, 1)).body.correctableUntil).toBe('2026-11-25T07:05:00.000Z');
    rt.clock.advance(6 * 60_000);
    expectError(await correct(m.tg, c.id, 2), 409, 'CORRECTION_CLOSED');
  });

  test('the tRPC door: challenges.correct answers the same, with the API code', async () => {
    const c = await createChallenge(rt);
    const m = await joinedMember(rt, c.id);
    await submit(rt, m.tg, c.id, 1000);
    const call = (value: number) =>
      rt.request('POST', '/trpc/challenges.correct', { as: m.tg, body: { challengeId: c.id, value } });
    const ok = await call(2000);
    expect(ok.status).toBe(200);
    expect(ok.body.result.data.submission.value).toBe(2000);
    rt.clock.advance(16 * 60_000);
    const late = await call(3000);
    expect(late.status).toBe(409);
    expect(late.body.error.data.appCode).toBe('CORRECTION_CLOSED');
  });

  test('an admin deleting a result uses the same recount: streak and boards follow', async () => {
    const c = await createChallenge(rt, { target: 10 });
    const m = await joinedMember(rt, c.id);
    const sent = await submit(rt, m.tg, c.id, 12);
    await board(m.tg, c.id, 'weekly');
    const del = await rt.request('DELETE', `/api/admin/submissions/${sent.body.submission.id}`, { as: ADMIN_USER });
    expect(del.status).toBe(200);
    expect(del.body.streak).toEqual({ current: 0, best: 0 });
    expect((await board(m.tg, c.id, 'weekly')).me).toBeNull();
    const rows = await rt.sql('select old_value, new_value, by from submission_changes');
    expect(rows).toEqual([{ old_value: 12, new_value: null, by: 'admin' }]);
  });
});
