import { afterAll, beforeAll, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { join } from 'node:path';
import pg from 'pg';
import { createChallenge, joinedMember } from '../helpers/factories';
import { signInitData } from '../helpers/initData';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

test('20 concurrent submissions by one member to one challenge store exactly one', async () => {
  const c = await createChallenge(server);
  const m = await joinedMember(server, c.id);
  const auth = `tma ${signInitData(m.tg, { authDate: server.clock.now() })}`;
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      fetch(`${server.url}/api/challenges/${c.id}/submit`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ value: i + 1 }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any })),
    ),
  );
  const statuses = responses.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  for (const r of responses.filter((x) => x.status === 409)) expect(r.body.error.code).toBe('ALREADY_SUBMITTED');
  const winner = responses.find((r) => r.status === 201)!.body.submission.value;
  const rows = await server.sql<{ value: number }>('select value from submissions where user_id = ? and challenge_id = ?', m.id, c.id);
  expect(rows).toEqual([{ value: winner }]);
  // The stored all-time figures, and every board as a member reads it, count the winner once.
  const totals = await server.sql('select total, days from user_challenges where user_id = ? and challenge_id = ?', m.id, c.id);
  expect(totals).toEqual([{ total: winner, days: 1 }]);
  for (const type of ['today', 'weekly', 'monthly', 'all']) {
    const res = await fetch(`${server.url}/api/leaderboard?challengeId=${c.id}&type=${type}`, { headers: { authorization: auth } });
    expect(((await res.json()) as any).me).toMatchObject({ rank: 1, total: winner, days: 1 });
  }
});

test('the database itself refuses a second row for (member, challenge, day)', async () => {
  // From a connection of its own, as another process would write.
  const insert = 'insert into submissions (user_id, challenge_id, day, value, created_at) select user_id, challenge_id, day, 1, 0 from submissions limit 1';
  if (server.engine === 'postgres') {
    const other = new pg.Client({ connectionString: server.config.DATABASE_URL });
    await other.connect();
    try {
      expect(await other.query('select count(*) as n from submissions')).toMatchObject({ rows: [{ n: 1 }] });
      await expect(other.query(insert)).rejects.toThrow(/duplicate key value violates unique constraint "submissions_user_challenge_day_uq"/);
    } finally {
      await other.end();
    }
    return;
  }
  const file = server.config.DATABASE_PATH;
  expect(file).toEndWith(join('qadam.sqlite'));
  const other = new Database(file);
  try {
    expect(() => other.run(insert)).toThrow(/UNIQUE constraint failed/);
  } finally {
    other.close();
  }
});

test('a burst of submissions from many members with refusals mixed in: each answered on its own', async () => {
  const c = await createChallenge(server);
  const members = await Promise.all(Array.from({ length: 30 }, () => joinedMember(server, c.id)));
  const outsider = (await joinedMember(server, (await createChallenge(server)).id)).tg; // not in c
  const post = (tg: typeof outsider, value: unknown) =>
    fetch(`${server.url}/api/challenges/${c.id}/submit`, {
      method: 'POST',
      headers: { authorization: `tma ${signInitData(tg, { authDate: server.clock.now() })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  // Refusals are mixed into the same burst: a second value from member 0, an outsider, a value out
  // of range. Member 0's first value is in before the burst: which of two concurrent requests
  // reaches the server first is up to the connections (and on PostgreSQL the reads before the
  // write run in parallel), so the burst must not depend on it.
  const first = await post(members[0]!.tg, 1);
  const burst = await Promise.all([
    Promise.resolve(first),
    ...members.slice(1).map((m, i) => post(m.tg, i + 2)),
    post(members[0]!.tg, 99),
    post(outsider, 5),
    post(members[1]!.tg, -1),
  ]);
  burst.slice(0, 30).forEach((r, i) => {
    expect(r.status).toBe(201);
    expect(r.body.submission.value).toBe(i + 1);
  });
  expect(burst.slice(30).map((r) => [r.status, r.body.error.code])).toEqual([
    [409, 'ALREADY_SUBMITTED'],
    [403, 'NOT_JOINED'],
    [400, 'BAD_REQUEST'],
  ]);
  const stored = await server.sql('select count(*) as n, sum(value) as sum from submissions where challenge_id = ?', c.id);
  expect(stored).toEqual([{ n: 30, sum: (30 * 31) / 2 }]);
  const board = await fetch(`${server.url}/api/leaderboard?challengeId=${c.id}&type=today&limit=100`, {
    headers: { authorization: `tma ${signInitData(members[0]!.tg, { authDate: server.clock.now() })}` },
  }).then((r) => r.json() as Promise<any>);
  expect(board.entries.map((e: any) => e.total)).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
  expect(board.me).toMatchObject({ rank: 30, total: 1, days: 1 });
});
