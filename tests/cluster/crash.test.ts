/**
 * Crash safety on PostgreSQL: SIGKILL during a concurrent submit burst; after a restart on the
 * same database every acknowledged (201) submission is there, none twice, and the maintained
 * all-time totals equal the sums of the stored submissions. PostgreSQL suite only.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import pg from 'pg';
import { dropSchema, freshSchemaUrl, TEST_ENGINE } from '../helpers/engine';
import { api, demoInitData, spawnServer } from '../helpers/process';

describe.skipIf(TEST_ENGINE !== 'postgres')('crash safety on PostgreSQL', () => {
  const { url, schema } = TEST_ENGINE === 'postgres' ? freshSchemaUrl() : { url: '', schema: '' };
  afterAll(async () => {
    if (schema) await dropSchema(schema);
  });

  test('SIGKILL mid-burst: every 201 present, none duplicated, totals equal the sums', async () => {
    const MEMBERS = 120;
    const env = { DATABASE_URL: url };
    let server = await spawnServer('/nonexistent/unused.sqlite', env);
    const admin = await demoInitData(server.url, 1);
    const challenge = (await api(server.url, 'POST', '/api/admin/challenges', admin, { title: 'Steps' })).body;
    const members: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const initData = await demoInitData(server.url, 100 + i);
      await api(server.url, 'POST', '/api/auth/register', initData, {});
      await api(server.url, 'POST', `/api/challenges/${challenge.id}/join`, initData);
      members.push(initData);
    }
    const acknowledged: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < MEMBERS) {
        const i = next++;
        try {
          const res = await api(server.url, 'POST', `/api/challenges/${challenge.id}/submit`, members[i]!, { value: i + 1 });
          if (res.status === 201) acknowledged.push(res.body.submission.value);
        } catch {
          // the connection died with the server: not acknowledged
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, worker));
    while (acknowledged.length < 30) await Bun.sleep(2); // the pace of the check, bounded by the load
    server.proc.kill('SIGKILL');
    await load;
    expect(await server.exited).not.toBe(0);
    expect(acknowledged.length).toBeLessThan(MEMBERS);

    server = await spawnServer('/nonexistent/unused.sqlite', env);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const stored = (await client.query<{ value: number }>('select value from submissions')).rows.map((r) => r.value);
      for (const value of acknowledged) expect(stored).toContain(value);
      expect(new Set(stored).size).toBe(stored.length);
      const duplicates = await client.query('select 1 from submissions group by user_id, challenge_id, day having count(*) > 1');
      expect(duplicates.rowCount).toBe(0);
      const mismatched = await client.query(
        `select 1 from user_challenges t
         left join (select user_id, challenge_id, sum(value)::float8 as total, count(*)::int as days from submissions group by user_id, challenge_id) s
           on s.user_id = t.user_id and s.challenge_id = t.challenge_id
         where t.total <> coalesce(s.total, 0) or t.days <> coalesce(s.days, 0)`,
      );
      expect(mismatched.rowCount).toBe(0);
    } finally {
      await client.end();
      server.proc.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);
});
