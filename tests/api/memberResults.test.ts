/**
 * Results on a member's behalf (PUT /api/admin/users/:userId/challenges/:challengeId/results/:day):
 * an admin adds a missed day or replaces a value, with a reason; the streak and every board
 * follow, the change is audited before → after, and every refusal changes nothing.
 * The challenge is created on Friday 2026-11-20; the clock then stands at Wednesday 11-25.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createChallenge, joinedMember, registeredMember, submit } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, type TestRuntime } from '../helpers/runtime';

let rt: TestRuntime;
let challengeId: number;
let member: Awaited<ReturnType<typeof joinedMember>>;

const put = (userId: number, cId: number, day: string, body: unknown, as = ADMIN_USER) =>
  rt.request('PUT', `/api/admin/users/${userId}/challenges/${cId}/results/${day}`, { as, body });
const board = async (type: string) =>
  (await rt.request('GET', `/api/leaderboard?challengeId=${challengeId}&type=${type}`, { as: member.tg })).body.me as { total: number; days: number } | null;
const streak = async () => (await rt.request('GET', '/api/me', { as: member.tg })).body.challenges[0].streak as { current: number; best: number };
const audits = async () => (await rt.request('GET', '/api/admin/audit?action=result.set', { as: ADMIN_USER })).body;

beforeAll(async () => {
  rt = createTestRuntime({ now: '2026-11-20T07:00:00Z' });
  challengeId = (await createChallenge(rt, { title: 'Steps', target: 5000 })).id;
  member = await joinedMember(rt, challengeId, { first_name: 'Dilnoza' });
  // Monday 23 and today (Wednesday 25) sent; Tuesday 24 missed (the phone died).
  rt.clock.set('2026-11-23T07:00:00Z');
  expect((await submit(rt, member.tg, challengeId, 6000)).status).toBe(201);
  rt.clock.set('2026-11-25T07:00:00Z');
  expect((await submit(rt, member.tg, challengeId, 7000)).status).toBe(201);
});
afterAll(() => rt.close());

describe('adding a missed day', () => {
  test('the result is stored for that day; streak, weekly and all-time boards follow; audited', async () => {
    expect(await streak()).toMatchObject({ current: 1 });
    const res = await put(member.id, challengeId, '2026-11-24', { value: '5500', reason: 'Phone was dead, screenshot sent' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ submission: { value: 5500, day: '2026-11-24' }, added: true, streak: { current: 3, best: 3 } });
    expect(await streak()).toMatchObject({ current: 3, best: 3 });
    expect(await board('weekly')).toMatchObject({ total: 18500, days: 3 });
    expect(await board('all')).toMatchObject({ total: 18500, days: 3 });
    expect(await board('today')).toMatchObject({ total: 7000, days: 1 });
    const [entry] = (await audits()).items;
    expect(entry).toMatchObject({
      actorTelegramId: ADMIN_USER.id,
      targetType: 'membership',
      targetId: `${member.id}:${challengeId}`,
      before: { day: '2026-11-24', value: null },
      after: { day: '2026-11-24', value: 5500, reason: 'Phone was dead, screenshot sent' },
      member: { id: member.id, name: 'Dilnoza' },
    });
  });
});

describe('replacing a value', () => {
  test('today\'s value is replaced: one result for the day, the boards move, before → after audited', async () => {
    const res = await put(member.id, challengeId, '2026-11-25', { value: 1000, reason: 'Typo: 10000 meant' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ submission: { value: 1000, day: '2026-11-25' }, added: false });
    // below the 5000 target: today no longer counts for the streak
    expect(res.body.streak.current).toBe(2);
    expect(await board('today')).toMatchObject({ total: 1000, days: 1 });
    expect(await board('all')).toMatchObject({ total: 12500, days: 3 });
    expect((await audits()).items[0]).toMatchObject({ before: { day: '2026-11-25', value: 7000 }, after: { value: 1000 } });
    // a member's own second submission is still refused
    expect((await submit(rt, member.tg, challengeId, 5)).status).toBe(409);
  });

  test('the same value twice in a row, concurrently: still one result, both acknowledged', async () => {
    const [a, b] = await Promise.all([
      put(member.id, challengeId, '2026-11-22', { value: 4000, reason: 'Forgot on Sunday' }),
      put(member.id, challengeId, '2026-11-22', { value: 4000, reason: 'Forgot on Sunday' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.added, b.body.added].sort()).toEqual([false, true]);
    expect(await board('all')).toMatchObject({ total: 16500, days: 4 });
  });
});

describe('refusals change nothing', () => {
  test('missing reason, future or pre-challenge day, bad day, value out of range, strangers, non-admins', async () => {
    const before = { audits: (await audits()).total, all: await board('all') };
    const outsider = await registeredMember(rt, { first_name: 'Outsider' });
    const cases: [Promise<{ status: number; body: any }>, number, string][] = [
      [put(member.id, challengeId, '2026-11-21', { value: 100 }), 400, 'BAD_REQUEST'],
      [put(member.id, challengeId, '2026-11-21', { value: 100, reason: '   ' }), 400, 'BAD_REQUEST'],
      [put(member.id, challengeId, '2026-11-21', { value: 100, reason: 'x', extra: 1 }), 400, 'BAD_REQUEST'],
      [put(member.id, challengeId, '2026-11-26', { value: 100, reason: 'tomorrow' }), 400, 'BAD_REQUEST'],
      [put(member.id, challengeId, '2026-11-19', { value: 100, reason: 'before it existed' }), 400, 'BAD_REQUEST'],
      [put(member.id, challengeId, '2026-02-30', { value: 100, reason: 'no such day' }), 400, 'BAD_REQUEST'],
      [put(member.id, challengeId, 'yesterday', { value: 100, reason: 'x' }), 400, 'BAD_REQUEST'],
      [put(member.id, challengeId, '2026-11-21', { value: 10_000_000, reason: 'too much' }), 400, 'BAD_REQUEST'],
      [put(member.id, challengeId, '2026-11-21', { value: 'abc', reason: 'not a number' }), 400, 'BAD_REQUEST'],
      [put(999_999, challengeId, '2026-11-21', { value: 100, reason: 'nobody' }), 404, 'NOT_FOUND'],
      [put(member.id, 999_999, '2026-11-21', { value: 100, reason: 'no challenge' }), 404, 'NOT_FOUND'],
      [put(outsider.id, challengeId, '2026-11-21', { value: 100, reason: 'never joined' }), 403, 'NOT_JOINED'],
      [put(member.id, challengeId, '2026-11-21', { value: 100, reason: 'self-service' }, member.tg), 403, 'FORBIDDEN'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    }
    expect((await audits()).total).toBe(before.audits);
    expect(await board('all')).toEqual(before.all);
  });
});
