/**
 * Profiles held in memory (server/services/heldProfiles.ts): the background load holds every
 * member with a challenge, a member's own result moves their held profile without reading the
 * store, and changes made while the load runs leave no stale profile behind.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { clubDay } from '../../server/domain/clubTime';
import { createChallenge, joinedMember } from '../helpers/factories';
import type { TestTelegramUser } from '../helpers/initData';
import { ADMIN_USER, createTestRuntime, type TestRuntime } from '../helpers/runtime';

let rt: TestRuntime;
let challenges: number[] = [];
const members: { tg: TestTelegramUser; id: number }[] = [];

beforeAll(async () => {
  rt = createTestRuntime({ now: '2026-11-27T07:00:00Z', env: { RATE_LIMIT_READS: '0', RATE_LIMIT_WRITES: '0' } });
  challenges = [(await createChallenge(rt, { title: 'A' })).id, (await createChallenge(rt, { title: 'B', target: 10 })).id];
  for (let i = 0; i < 9; i++) members.push(await joinedMember(rt, challenges[i % 2]!));
  for (const [i, m] of members.entries()) {
    await rt.request('POST', `/api/challenges/${challenges[i % 2]}/submit`, { as: m.tg, body: { value: i + 1 } });
  }
});
afterAll(() => rt.close());

const profiles = () => rt.services.readModel.profiles;
const today = () => clubDay(rt.clock.now(), rt.config.CLUB_TIMEZONE);

/** Each member's profile, as answered now. */
async function answers(): Promise<string[]> {
  const out: string[] = [];
  for (const m of members) {
    const res = await rt.request('GET', '/api/me', { as: m.tg });
    expect(res.status).toBe(200);
    out.push(JSON.stringify(res.body));
  }
  return out;
}

/** The same profiles loaded afresh from the store. */
async function freshAnswers(): Promise<string[]> {
  profiles().forgetAll();
  const out = await answers();
  return out;
}

test('loading everyone holds each member with a challenge, and the answers equal a fresh read', async () => {
  profiles().forgetAll();
  expect(profiles().stats().members).toBe(0);
  const loaded = await profiles().loadAll(today, { chunk: 2, pause: async () => {} });
  expect(loaded).toBe(members.length);
  expect(profiles().stats()).toEqual({ members: members.length, challenges: members.length, results: members.length });
  const held = await answers();
  expect(held).toEqual(await freshAnswers());
});

test("a member's own result and its correction move the held profile, read from memory", async () => {
  await profiles().loadAll(today, { pause: async () => {} });
  const m = members[4]!; // sent 5 yesterday; lower values earn no badge (a badge reloads the member)
  rt.clock.advance(86_400_000);
  const sent = await rt.request('POST', `/api/challenges/${challenges[0]}/submit`, { as: m.tg, body: { value: 3 } });
  expect(sent.status).toBe(201);
  // Still held after the event: the next answer is built from memory, not loaded.
  expect(profiles().stats().members).toBe(members.length);
  const corrected = await rt.request('PUT', `/api/challenges/${challenges[0]}/submission`, { as: m.tg, body: { value: 2 } });
  expect(corrected.status).toBe(200);
  expect(profiles().stats().members).toBe(members.length);
  const me = (await rt.request('GET', '/api/me', { as: m.tg })).body;
  const c = me.challenges.find((x: { challenge: { id: number } }) => x.challenge.id === challenges[0]);
  expect(c.recent.daysAgo).toEqual([1, 0]);
  expect(c.recent.values).toEqual([5, 2]);
  expect(c.today.value).toBe(2);
  expect(c.today.id).toBe(sent.body.submission.id);
  expect(c.total).toBe(7);
  expect(c.streak.current).toBe(2);
  expect(await answers()).toEqual(await freshAnswers());
});

test('changes between and during the chunks of a load leave every profile equal to a fresh read', async () => {
  profiles().forgetAll();
  const steps = [
    () => rt.request('POST', `/api/challenges/${challenges[1]}/join`, { as: members[8]!.tg }),
    () => rt.request('POST', `/api/challenges/${challenges[1]}/submit`, { as: members[5]!.tg, body: { value: 12 } }),
    () => rt.request('POST', `/api/challenges/${challenges[0]}/leave`, { as: members[2]!.tg }),
    () => rt.request('POST', `/api/admin/users/${members[7]!.id}/challenges/${challenges[1]}/freezes`, { as: ADMIN_USER }),
    () => rt.request('PUT', `/api/admin/users/${members[6]!.id}/challenges/${challenges[0]}/streak`, { as: ADMIN_USER, body: { current: 4 } }),
  ];
  let i = 0;
  // Each pause between chunks makes the next change, and reads a profile (held or loaded meanwhile).
  await profiles().loadAll(today, {
    chunk: 2,
    pause: async () => {
      const step = steps[i++];
      if (step) expect((await step()).status).toBeLessThan(300);
      await rt.request('GET', '/api/me', { as: members[i % members.length]!.tg });
    },
  });
  expect(i).toBeGreaterThanOrEqual(steps.length);
  expect(await answers()).toEqual(await freshAnswers());
});

test('a load that overlaps a change of the same member answers but keeps nothing', async () => {
  profiles().forgetAll();
  const m = members[3]!;
  // The read model applies a change of this member while their load is under way.
  const loading = profiles().of(m.id, today());
  profiles().forget(m.id);
  await loading;
  expect(profiles().stats().members).toBe(0);
  await profiles().of(m.id, today());
  expect(profiles().stats().members).toBe(1);
});

test("a member's first result of a day moves the remembered last activity at once, the stored one with the next flush", async () => {
  const m = members[1]!;
  await rt.services.activity.flush(); // the earlier tests' marks
  rt.clock.advance(86_400_000);
  const before = await rt.services.readModel.member(m.tg.id);
  const storedActivity = async () => {
    const [row] = await rt.sql<{ lastActiveAt: number | null }>('select last_active_at as "lastActiveAt" from users where id = ?', m.id);
    return row!.lastActiveAt === null ? null : Number(row!.lastActiveAt);
  };
  const sent = await rt.request('POST', `/api/challenges/${challenges[1]}/submit`, { as: m.tg, body: { value: 3 } });
  expect(sent.status).toBe(201);
  const remembered = await rt.services.readModel.member(m.tg.id);
  expect(remembered!.lastActiveAt).toBeGreaterThan(before!.lastActiveAt ?? 0);
  // The submission's commit did not write the users row; the pending mark did not get lost.
  expect(await storedActivity()).toBe(before!.lastActiveAt);
  expect(rt.services.activity.size).toBe(1);
  // The admins' member list stores pending marks first: it shows the activity of now.
  const listed = await rt.request('GET', `/api/admin/users?q=${m.tg.id}&pageSize=100`, { as: ADMIN_USER });
  const row = listed.body.items.find((r: { id: number }) => r.id === m.id);
  expect(Date.parse(row.lastActiveAt)).toBe(remembered!.lastActiveAt!);
  expect(await storedActivity()).toBe(remembered!.lastActiveAt);
  expect(rt.services.activity.size).toBe(0);
  // A later result of the same day marks nothing new.
  expect((await rt.request('POST', `/api/challenges/${challenges[0]}/join`, { as: m.tg })).status).toBe(200);
  const again = await rt.request('POST', `/api/challenges/${challenges[0]}/submit`, { as: m.tg, body: { value: 3 } });
  expect(again.status).toBe(201);
  expect(rt.services.activity.size).toBe(0);
});

test("a member's values change layout as their decimals grow, and every answer equals a fresh read", async () => {
  const c = (await createChallenge(rt, { title: 'Decimals' })).id;
  const m = await joinedMember(rt, c);
  const held = () => profiles().of(m.id, today());
  const layout = async () => {
    const h = await held();
    return { int32: h.values instanceof Int32Array, scale: h.scale };
  };
  const shown = async () => {
    const me = (await rt.request('GET', '/api/me', { as: m.tg })).body;
    return me.challenges.find((x: { challenge: { id: number } }) => x.challenge.id === c).recent.values;
  };
  const fresh = () => {
    profiles().forget(m.id);
    return shown();
  };
  const send = async (value: number | string) => {
    rt.clock.advance(86_400_000);
    expect((await rt.request('POST', `/api/challenges/${c}/submit`, { as: m.tg, body: { value } })).status).toBe(201);
  };

  await send(5);
  await held(); // held from here on: each step below moves it in memory
  expect(await layout()).toEqual({ int32: true, scale: 1 });
  await send('2,5'); // one decimal: the integers are laid out again over 10
  expect(await layout()).toEqual({ int32: true, scale: 10 });
  expect(await shown()).toEqual([5, 2.5]);
  // A correction with a second decimal replaces the day in a new layout.
  expect((await rt.request('PUT', `/api/challenges/${c}/submission`, { as: m.tg, body: { value: 2.25 } })).status).toBe(200);
  expect(await layout()).toEqual({ int32: true, scale: 100 });
  expect(await shown()).toEqual([5, 2.25]);
  await send(1.123456);
  expect(await layout()).toEqual({ int32: true, scale: 1e6 });
  await send(3000.5); // 3000.5 × 10^6 is past Int32: doubles
  expect(await layout()).toEqual({ int32: false, scale: 1 });
  await send(0.1);
  const values = [5, 2.25, 1.123456, 3000.5, 0.1];
  expect(await shown()).toEqual(values);
  expect(await fresh()).toEqual(values);
  expect(await layout()).toEqual({ int32: false, scale: 1 }); // loaded afresh: the same rule
  expect(await answers()).toEqual(await freshAnswers());
});
