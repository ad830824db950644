/**
 * The audit log for people: filters by action, actor, member and club day (Tashkent midnight
 * is the edge), names resolved by the server, the filtered view as CSV, bad filters refused.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createChallenge, joinedMember, registeredMember, submit } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, type TestRuntime } from '../helpers/runtime';
import { createCallerFactory } from '../../server/trpc/init';
import { appRouter } from '../../server/trpc/router';

let rt: TestRuntime;
let alice: Awaited<ReturnType<typeof joinedMember>>;
let bekzod: Awaited<ReturnType<typeof joinedMember>>;
let challengeId: number;
const SECOND_ADMIN = { id: 2000, first_name: 'Zarina', language_code: 'uz' };

const get = (path: string, as = ADMIN_USER) => rt.request('GET', path, { as });
const actions = (body: { items: { action: string }[] }) => body.items.map((e) => e.action);

beforeAll(async () => {
  // 23:59 on Monday 23 November in Tashkent (18:59 UTC): the challenge is created.
  rt = createTestRuntime({ now: '2026-11-23T18:59:00Z' });
  challengeId = (await createChallenge(rt, { title: 'Steps' })).id;
  alice = await joinedMember(rt, challengeId, { first_name: 'Alice' });
  bekzod = await joinedMember(rt, challengeId, { first_name: 'Bekzod' });
  await registeredMember(rt, SECOND_ADMIN);
  await rt.services.admin.access.addAdmin({ telegramId: ADMIN_USER.id, role: 'owner' }, SECOND_ADMIN.id, 'admin');
  // Midnight of Tuesday 24 November in Tashkent: the second admin bans Bekzod.
  rt.clock.set('2026-11-23T19:00:00Z');
  expect((await rt.request('POST', `/api/admin/users/${bekzod.id}/ban`, { as: SECOND_ADMIN, body: { reason: 'spam' } })).status).toBe(200);
  // Wednesday: Alice's result is deleted and her streak set by the owner.
  rt.clock.set('2026-11-25T07:00:00Z');
  const result = await submit(rt, alice.tg, challengeId, 5000);
  expect(result.status).toBe(201);
  expect((await get('/api/admin/audit')).status).toBe(200);
  expect((await rt.request('DELETE', `/api/admin/submissions/${result.body.submission.id}`, { as: ADMIN_USER })).status).toBe(200);
  expect((await rt.request('PUT', `/api/admin/users/${alice.id}/challenges/${challengeId}/streak`, { as: ADMIN_USER, body: { current: 4 } })).status).toBe(200);
});
afterAll(() => rt.close());

describe('audit log filters', () => {
  test('by action: names of the acting admin and of the member come with each entry', async () => {
    const res = await get('/api/admin/audit?action=user.ban');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      action: 'user.ban',
      actorTelegramId: SECOND_ADMIN.id,
      actorName: 'Zarina',
      member: { id: bekzod.id, name: 'Bekzod', telegramId: bekzod.tg.id },
      after: { isBanned: true, banReason: 'spam' },
    });
  });

  test('by actor, and an admin who is not a member has no name', async () => {
    const res = await get(`/api/admin/audit?actor=${ADMIN_USER.id}`);
    expect(actions(res.body)).toEqual(['streak.set', 'submission.delete', 'admin.add', 'challenge.create']);
    expect(res.body.items.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
  });

  test('by member: their own entries, a deleted result included', async () => {
    const res = await get(`/api/admin/audit?userId=${alice.id}`);
    expect(actions(res.body)).toEqual(['streak.set', 'submission.delete']);
    for (const e of res.body.items) expect(e.member).toEqual({ id: alice.id, name: 'Alice', telegramId: alice.tg.id });
  });

  test('by club days: Tashkent midnight is the edge', async () => {
    expect(actions((await get('/api/admin/audit?from=2026-11-24&to=2026-11-24')).body)).toEqual(['user.ban']);
    expect(actions((await get('/api/admin/audit?to=2026-11-23')).body)).toEqual(['admin.add', 'challenge.create']);
    expect(actions((await get('/api/admin/audit?from=2026-11-25&action=streak.set')).body)).toEqual(['streak.set']);
    expect((await get('/api/admin/audit?from=2026-11-26')).body).toMatchObject({ items: [], total: 0 });
  });

  test('bad filters are refused with a clear message and change nothing', async () => {
    const before = (await get('/api/admin/audit')).body.total;
    for (const query of ['from=2026-11-25&to=2026-11-24', 'action=DROP%20TABLE', 'userId=abc', 'from=25.11.2026', 'colour=red', 'pageSize=1000']) {
      const res = await get(`/api/admin/audit?${query}`);
      expect({ query, status: res.status, code: res.body.error?.code }).toEqual({ query, status: 400, code: 'BAD_REQUEST' });
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
    expect((await rt.request('GET', '/api/admin/export/audit.csv?from=2026-11-25&to=2026-11-24', { as: ADMIN_USER })).status).toBe(400);
    expect((await get('/api/admin/audit')).body.total).toBe(before);
    expect((await get('/api/admin/audit', alice.tg)).status).toBe(403);
  });

  test('tRPC: the same filters and the recorded actions', async () => {
    const request = new Request('http://localhost/trpc', { headers: { authorization: `tma ${rt.initDataFor(ADMIN_USER)}` } });
    const auth = { services: rt.services, clock: rt.clock, signingToken: rt.signingToken, initDataMaxAge: rt.config.INIT_DATA_MAX_AGE };
    const caller = createCallerFactory(appRouter)({ services: rt.services, auth, request });
    const page = await caller.admin.audit({ userId: bekzod.id, pageSize: 10 });
    expect(page.items.map((e) => [e.action, e.member?.name, e.actorName])).toEqual([['user.ban', 'Bekzod', 'Zarina']]);
    expect(await caller.admin.auditActions()).toEqual(expect.arrayContaining(['admin.add', 'challenge.create', 'streak.set', 'submission.delete', 'user.ban']));
  });

  test('the filtered view as CSV, with names; the export is audited with its filter', async () => {
    const res = await rt.request('GET', `/api/admin/export/audit.csv?userId=${alice.id}`, { as: ADMIN_USER });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="qadam-audit-2026-11-25.csv"');
    const lines = (res.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor_telegram_id,actor_name,action,target_type,target_id,member_id,member_name,member_telegram_id,before,after');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,streak.set,membership,${alice.id}:${challengeId},${alice.id},Alice,${alice.tg.id},`);
    expect(lines[2]).toContain(',submission.delete,');
    const exported = (await get('/api/admin/audit?action=export.csv')).body.items[0];
    expect(exported).toMatchObject({ targetId: 'audit', after: { userId: alice.id, rows: 2 } });
  });
});
