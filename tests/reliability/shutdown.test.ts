import { afterAll, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, checkDatabase, demoInitData, spawnServer } from '../helpers/process';

const dir = mkdtempSync(join(tmpdir(), 'qadam-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('SIGTERM finishes in-flight requests, closes the database cleanly and exits 0', async () => {
  const db = join(dir, 'club.sqlite');
  const server = await spawnServer(db);
  const admin = await demoInitData(server.url, 1);
  const challenge = (await api(server.url, 'POST', '/api/admin/challenges', admin, { title: 'Push-ups' })).body;
  const members: string[] = [];
  for (let i = 0; i < 80; i++) {
    const initData = await demoInitData(server.url, 300 + i);
    await api(server.url, 'POST', '/api/auth/register', initData, {});
    await api(server.url, 'POST', `/api/challenges/${challenge.id}/join`, initData);
    members.push(initData);
  }

  const outcomes: ('201' | 'other' | 'refused')[] = [];
  const acknowledged: number[] = [];
  let signalled = false;
  const requests = members.map((initData, i) =>
    api(server.url, 'POST', `/api/challenges/${challenge.id}/submit`, initData, { value: i + 1 })
      .then((res) => {
        if (res.status === 201) acknowledged.push(res.body.submission.value);
        outcomes.push(res.status === 201 ? '201' : 'other');
        if (!signalled) {
          signalled = true;
          server.proc.kill('SIGTERM');
        }
      })
      .catch(() => outcomes.push('refused')),
  );
  await Promise.all(requests);
  expect(await server.exited).toBe(0);
  expect(server.logs.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
  // Every request was logged as a JSON line with a request id, and no initData leaked.
  const logged = server.logs.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
  expect(logged.length).toBeGreaterThanOrEqual(80);
  expect(logged.every((e) => typeof e.requestId === 'string' && e.requestId.length > 0)).toBe(true);
  expect(server.logs.join('\n')).not.toMatch(/hash=[0-9a-f]{64}|auth_date=/);
  expect(outcomes).toHaveLength(80);
  expect(outcomes.filter((o) => o === 'other')).toEqual([]); // nothing answered with an error
  expect(acknowledged.length).toBeGreaterThan(0);
  if (process.env.VERBOSE) console.log({ acknowledged: acknowledged.length, refused: outcomes.filter((o) => o === 'refused').length });

  // A clean close checkpoints the WAL into the database file.
  expect(existsSync(`${db}-wal`)).toBe(false);
  const sqlite = new Database(db, { readonly: true });
  try {
    expect(checkDatabase(sqlite)).toEqual({ integrity: 'ok', duplicates: 0, totalsMismatched: 0 });
    const stored = new Set((sqlite.query('select value from submissions').all() as { value: number }[]).map((r) => r.value));
    for (const v of acknowledged) expect(stored.has(v)).toBe(true);
  } finally {
    sqlite.close();
  }
}, 60_000);
