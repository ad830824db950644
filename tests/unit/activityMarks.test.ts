/**
 * Members' "last active" marks (server/services/activityMarks.ts) on a real SQLite database:
 * stored together by a flush, never moved back by an older mark, kept when a flush fails, and
 * stored by the runtime when it closes.
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type ClubDatabase } from '../../server/db/client';
import { SqliteStore } from '../../server/db/sqliteStore';
import { ActivityMarks } from '../../server/services/activityMarks';
import { createTestRuntime } from '../helpers/runtime';

let database: ClubDatabase;
let marks: ActivityMarks;
beforeEach(() => {
  database = openDatabase(':memory:');
  marks = new ActivityMarks(new SqliteStore(database));
  for (const tg of [501, 502]) database.sqlite.run(`INSERT INTO users (telegram_id, first_name, created_at) VALUES (${tg}, 'M', 1)`);
});
afterEach(() => database.close());

const stored = () =>
  database.sqlite
    .query<{ id: number; lastActiveAt: number | null }, []>('SELECT id, last_active_at AS lastActiveAt FROM users ORDER BY id')
    .all()
    .map((r) => [r.id, r.lastActiveAt]);

test('a flush stores every pending mark in one go, the latest of each member', async () => {
  marks.note(1, 1_000);
  marks.note(1, 3_000);
  marks.note(1, 2_000); // noted later, but older: the pending mark stays 3,000
  marks.note(2, 5_000);
  expect(stored()).toEqual([[1, null], [2, null]]);
  await marks.flush();
  expect(stored()).toEqual([[1, 3_000], [2, 5_000]]);
  expect(marks.size).toBe(0);
});

test('an older mark flushed later does not move a stored activity back', async () => {
  marks.note(1, 9_000);
  await marks.flush();
  marks.note(1, 4_000); // e.g. another instance's mark, stored after a newer one
  await marks.flush();
  expect(stored()).toEqual([[1, 9_000], [2, null]]);
});

test('a flush that fails keeps its marks for the next one', async () => {
  database.sqlite.run(`CREATE TABLE refuse (x)`);
  database.sqlite.run(`INSERT INTO refuse VALUES (1)`);
  database.sqlite.run(`CREATE TRIGGER refuse_touch BEFORE UPDATE OF last_active_at ON users
    WHEN EXISTS (SELECT 1 FROM refuse) BEGIN SELECT RAISE(ABORT, 'refused'); END`);
  marks.note(1, 7_000);
  await expect(marks.flush()).rejects.toThrow('refused');
  expect(stored()).toEqual([[1, null], [2, null]]);
  expect(marks.size).toBe(1);
  database.sqlite.run(`DELETE FROM refuse`);
  await marks.flush();
  expect(stored()).toEqual([[1, 7_000], [2, null]]);
});

test('closing the runtime stores the marks still pending', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qadam-marks-'));
  const file = join(dir, 'club.sqlite');
  try {
    const rt = createTestRuntime({ env: { DATABASE_PATH: file } });
    const user = rt.database!.sqlite.query<{ id: number }, []>(`INSERT INTO users (telegram_id, first_name, created_at) VALUES (601, 'M', 1) RETURNING id`).get()!;
    rt.services.activity.note(user.id, 12_345);
    await rt.closeStore();
    const reopened = openDatabase(file);
    try {
      expect(reopened.sqlite.query('SELECT last_active_at AS at FROM users WHERE id = ?').get(user.id)).toEqual({ at: 12_345 });
    } finally {
      reopened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
