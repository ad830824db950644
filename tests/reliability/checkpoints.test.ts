/**
 * WAL checkpoints run on a background thread (server/db/checkpoints.ts): the writing
 * connection never checkpoints inside a commit, and what it commits still reaches the
 * database file without it.
 */
import { expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChallenge } from '../helpers/factories';
import { createTestRuntime } from '../helpers/runtime';
import { TEST_ENGINE } from '../helpers/engine';

test.skipIf(TEST_ENGINE === 'postgres')('the writer leaves checkpoints to the background thread, which copies its commits into the file', async () => {
  const rt = createTestRuntime({ file: true });
  try {
    const sqlite = rt.database!.sqlite;
    expect(sqlite.query<{ wal_autocheckpoint: number }, []>('PRAGMA wal_autocheckpoint').get()!.wal_autocheckpoint).toBe(0);
    for (let i = 0; i < 5; i++) await createChallenge(rt, { title: `Challenge ${i}` });
    const path = sqlite.filename;
    // The main file alone (no WAL beside it) holds the challenges once the thread checkpointed.
    const copyDir = mkdtempSync(join(tmpdir(), 'qadam-checkpoint-'));
    try {
      let count = 0;
      for (let attempt = 0; attempt < 100 && count < 5; attempt++) {
        await Bun.sleep(50);
        copyFileSync(path, join(copyDir, 'copy.sqlite'));
        const copy = new Database(join(copyDir, 'copy.sqlite'), { readonly: true });
        try {
          count = copy.query<{ n: number }, []>("select count(*) as n from challenges where title like 'Challenge %'").get()!.n;
        } catch {
          count = 0; // not even the schema is in the file yet
        } finally {
          copy.close();
        }
      }
      expect(count).toBe(5);
    } finally {
      rmSync(copyDir, { recursive: true, force: true });
    }
  } finally {
    await rt.close();
  }
});
