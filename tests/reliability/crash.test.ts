import { afterAll, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, checkDatabase, demoInitData, spawnServer } from '../helpers/process';

const dir = mkdtempSync(join(tmpdir(), 'qadam-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('SIGKILL during a concurrent submit load loses no acknowledged submission', async () => {
  const db = join(dir, 'club.sqlite');
  const MEMBERS = 120;
  let server = await spawnServer(db);
  const admin = await demoInitData(server.url, 1);
  const challenge = (await api(server.url, 'POST', '/api/admin/challenges', admin, { title: 'Steps' })).body;
  const members: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const initData = await demoInitData(server.url, 100 + i);
    await api(server.url, 'POST', '/api/auth/register', initData, {});
    await api(server.url, 'POST', `/api/challenges/${challenge.id}/join`, initData);
    members.push(initData);
  }

  // Submit from all members, 16 at a time, and kill the server part-way through.
  const acknowledged: { member: number; value: number }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < MEMBERS) {
      const i = next++;
      try {
        const res = await api(server.url, 'POST', `/api/challenges/${challenge.id}/submit`, members[i]!, { value: i + 1 });
        if (res.status === 201) acknowledged.push({ member: i, value: res.body.submission.value });
      } catch {
        // the connection died with the server: not acknowledged
      }
    }
  };
  const load = Promise.all(Array.from({ length: 16 }, worker));
  while (acknowledged.length < 30) await Bun.sleep(2);
  server.proc.kill('SIGKILL');
  await load;
  expect(await server.exited).not.toBe(0);
  expect(acknowledged.length).toBeGreaterThanOrEqual(30);
  expect(acknowledged.length).toBeLessThan(MEMBERS);

  // Restart on the same file: everything acknowledged is there, once.
  server = await spawnServer(db);
  try {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(checkDatabase(sqlite)).toEqual({ integrity: 'ok', duplicates: 0, totalsMismatched: 0 });
      const stored = new Set((sqlite.query('select value from submissions').all() as { value: number }[]).map((r) => r.value));
      for (const a of acknowledged) expect(stored.has(a.value)).toBe(true);
    } finally {
      sqlite.close();
    }
    // the members whose submission was lost can submit now
    const lost = members.findIndex((_, i) => !acknowledged.some((a) => a.member === i));
    const retry = await api(server.url, 'POST', `/api/challenges/${challenge.id}/submit`, await demoInitData(server.url, 100 + lost), { value: 1 });
    expect([201, 409]).toContain(retry.status);
  } finally {
    server.proc.kill('SIGTERM');
    await server.exited;
  }
}, 60_000);
