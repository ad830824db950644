import { afterAll, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, checkDatabase, demoInitData, ROOT, spawnServer } from '../helpers/process';

const dir = mkdtempSync(join(tmpdir(), 'qadam-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('bun run backup makes a consistent copy while writes continue, and the copy restores', async () => {
  const db = join(dir, 'club.sqlite');
  const copy = join(dir, 'copy.sqlite');
  const server = await spawnServer(db);
  try {
    const admin = await demoInitData(server.url, 1);
    const challenge = (await api(server.url, 'POST', '/api/admin/challenges', admin, { title: 'Pages' })).body;
    const members: string[] = [];
    for (let i = 0; i < 60; i++) {
      const initData = await demoInitData(server.url, 200 + i);
      await api(server.url, 'POST', '/api/auth/register', initData, {});
      await api(server.url, 'POST', `/api/challenges/${challenge.id}/join`, initData);
      members.push(initData);
    }
    // Keep submitting while the backup runs.
    let next = 0;
    let writing = true;
    const writer = (async () => {
      while (writing && next < members.length) {
        await api(server.url, 'POST', `/api/challenges/${challenge.id}/submit`, members[next++]!, { value: next });
      }
    })();
    while (next < 10) await Bun.sleep(1);
    const backup = Bun.spawnSync(['bun', 'run', 'backup', copy], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: db } });
    writing = false;
    await writer;
    expect(backup.exitCode).toBe(0);
    expect(backup.stdout.toString()).toContain('integrity ok');

    // A second backup to the same file is refused and leaves the first intact.
    const again = Bun.spawnSync(['bun', 'run', 'backup', copy], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: db } });
    expect(again.exitCode).toBe(1);
    expect(again.stderr.toString()).toContain('already exists');

    const source = new Database(db, { readonly: true });
    const restored = new Database(copy, { readonly: true });
    try {
      const inCopy = restored.query('select id, user_id, challenge_id, day, value from submissions order by id').all();
      const inSource = source.query('select id, user_id, challenge_id, day, value from submissions order by id').all();
      expect(inCopy.length).toBeGreaterThanOrEqual(10);
      // The copy is a prefix of the source: the same rows as of one instant.
      expect(inSource.slice(0, inCopy.length)).toEqual(inCopy);
      // and internally consistent: totals match its own submissions
      expect(checkDatabase(restored)).toEqual({ integrity: 'ok', duplicates: 0, totalsMismatched: 0 });
    } finally {
      source.close();
      restored.close();
    }
  } finally {
    server.proc.kill('SIGTERM');
    await server.exited;
  }

  // Restore: a server started on the copy serves it.
  const restoredServer = await spawnServer(copy);
  try {
    const health = await fetch(`${restoredServer.url}/api/health`);
    expect(health.status).toBe(200);
    const admin = await demoInitData(restoredServer.url, 1);
    const challenges = await api(restoredServer.url, 'GET', '/api/admin/challenges', admin);
    expect(challenges.body.map((c: any) => c.title)).toEqual(['Pages']);
    expect(challenges.body[0].participants).toBe(60);
  } finally {
    restoredServer.proc.kill('SIGTERM');
    await restoredServer.exited;
  }
}, 60_000);
