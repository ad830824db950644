/**
 * Two runtimes on one PostgreSQL schema, in one process: what one instance commits (a result, a
 * new photo) shows on the other's boards (NOTIFY), an older event never overwrites newer
 * figures, and an instance whose event connection dropped reloads its boards. PostgreSQL only
 * (TEST_ENGINE=postgres).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import pg from 'pg';
import { TEST_ENGINE } from '../helpers/engine';
import { createChallenge, joinedMember, submit } from '../helpers/factories';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime';

/** Polls `read` until it equals `want`, at most `ms`; answers how long that took. */
async function settles(read: () => Promise<unknown>, want: unknown, ms = 5000): Promise<number> {
  const started = performance.now();
  let got: unknown;
  while (performance.now() - started < ms) {
    got = await read();
    if (JSON.stringify(got) === JSON.stringify(want)) return performance.now() - started;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`not equal within ${ms} ms: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
}

describe.skipIf(TEST_ENGINE !== 'postgres')('two instances on one database', () => {
  let a: TestRuntime;
  let b: TestRuntime;
  beforeAll(async () => {
    const env = { RATE_LIMIT_READS: '0', RATE_LIMIT_IP: '0' }; // the checks poll the boards
    a = createTestRuntime({ env });
    await a.ready;
    b = createTestRuntime({ env: { ...env, DATABASE_URL: a.config.DATABASE_URL! } });
    await b.ready;
    await Promise.all([a.events!.listening, b.events!.listening]);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const board = async (rt: TestRuntime, challengeId: number, viewer: { tg: { id: number } } & { tg: any }) => {
    const res = await rt.request('GET', `/api/leaderboard?challengeId=${challengeId}&type=today&limit=50`, { as: viewer.tg });
    if (res.status !== 200) throw new Error(`leaderboard ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.entries.map((e: any) => [e.userId, e.total]);
  };

  test('a result stored on one instance shows on the other board, each way', async () => {
    const c = await createChallenge(a);
    const m1 = await joinedMember(a, c.id);
    const m2 = await joinedMember(b, c.id);
    expect(await board(b, c.id, m2)).toEqual([]); // loaded on b before anything is stored
    expect(await board(a, c.id, m1)).toEqual([]);
    expect((await submit(a, m1.tg, c.id, 10)).status).toBe(201);
    await settles(() => board(b, c.id, m2), [[m1.id, 10]]);
    expect((await submit(b, m2.tg, c.id, 20)).status).toBe(201);
    await settles(() => board(a, c.id, m1), [[m2.id, 20], [m1.id, 10]]);
    expect(await board(b, c.id, m2)).toEqual([[m2.id, 20], [m1.id, 10]]);
  });

  test('a new Telegram photo noted on one instance shows on the other board', async () => {
    const c = await createChallenge(a);
    const m = await joinedMember(a, c.id, { photo_url: 'https://t.me/i/userpic/320/old.jpg' });
    expect((await submit(a, m.tg, c.id, 10)).status).toBe(201);
    const faces = async (rt: TestRuntime) =>
      (await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=today`, { as: m.tg })).body.entries.map((e: any) => [e.userId, e.photoUrl]);
    await settles(() => faces(b), [[m.id, 'https://t.me/i/userpic/320/old.jpg']]); // b has shown it once
    const next = { ...m.tg, photo_url: 'https://t.me/i/userpic/320/new.jpg' };
    expect((await a.request('GET', '/api/me', { as: next })).status).toBe(200);
    await settles(() => faces(b), [[m.id, 'https://t.me/i/userpic/320/new.jpg']]);
  });

  test('an older event arriving after newer figures is skipped', async () => {
    const c = await createChallenge(a);
    const m = await joinedMember(a, c.id);
    expect((await submit(a, m.tg, c.id, 5)).status).toBe(201);
    await settles(() => board(b, c.id, m), [[m.id, 5]]);
    // Replay an old notification of 5 as if it came late, after a newer write of 7.
    const period = { kind: 'd' as const, key: a.clock.now().toISOString().slice(0, 10) };
    await b.services.readModel.apply(
      [{ type: 'result.stored', userId: m.id, telegramId: m.tg.id, challengeId: c.id, displayName: 'x', figures: [{ ...period, total: 7, days: 1, lastAt: 1 }] }],
      Number.MAX_SAFE_INTEGER,
    );
    expect(await board(b, c.id, m)).toEqual([[m.id, 7]]);
    await b.services.readModel.apply(
      [{ type: 'result.stored', userId: m.id, telegramId: m.tg.id, challengeId: c.id, displayName: 'x', figures: [{ ...period, total: 5, days: 1, lastAt: 1 }] }],
      1,
    );
    expect(await board(b, c.id, m)).toEqual([[m.id, 7]]);
  });

  test('an instance whose event connection drops reloads its boards once it is back', async () => {
    const c = await createChallenge(a);
    const m1 = await joinedMember(a, c.id);
    const m2 = await joinedMember(a, c.id);
    expect(await board(b, c.id, m1)).toEqual([]);
    // Cut b's listening connection from the server side, then write on a while it is down.
    const admin = new pg.Client({ connectionString: a.config.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where query like 'listen %' and pid <> pg_backend_pid()");
      expect((await submit(a, m1.tg, c.id, 3)).status).toBe(201);
      expect((await submit(a, m2.tg, c.id, 4)).status).toBe(201);
    } finally {
      await admin.end();
    }
    await settles(() => board(b, c.id, m1), [[m2.id, 4], [m1.id, 3]], 10_000);
  });
});
