/**
 * A club stored before day, week and month boards were summed from the submissions, and before
 * the all-time figures moved into the membership rows: its old aggregate rows go at start-up,
 * the all-time ones into the memberships, and every board still shows what the results add up to.
 */
import { expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/bun-sqlite';
import { migrate } from 'drizzle-orm/bun-sqlite/migrator';
import { addDays } from '../../server/domain/clubTime';
import { migrationsBefore } from '../helpers/migrations';
import { createTestRuntime, DEFAULT_NOW } from '../helpers/runtime';
import { TEST_ENGINE } from '../helpers/engine';

test.skipIf(TEST_ENGINE === 'postgres')('migrations 0006 and 0012 keep every board of an existing club, its all-time figures in the memberships', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qadam-migrate-'));
  try {
    // The migrations up to 0005, as a database written before this change had them.
    const old = migrationsBefore(dir, 'drizzle', 6);
    const file = join(dir, 'qadam.sqlite');
    const before = new Database(file);
    migrate(drizzle(before), { migrationsFolder: old });
    const today = '2026-11-25'; // DEFAULT_NOW in Tashkent, a Wednesday
    before.run(`insert into challenges (title, created_at, updated_at, participants) values ('Qadamlar', 1, 1, 2)`);
    for (const [id, tg] of [[1, 501], [2, 502]]) {
      before.run(`insert into users (telegram_id, first_name, display_name, registered_at, created_at) values (${tg}, 'M${id}', 'M${id}', 1, 1)`);
      before.run(`insert into user_challenges (user_id, challenge_id, joined_at) values (${id}, 1, 1)`);
    }
    // Member 1: today, Monday of this week and the 3rd of the month; member 2: yesterday and last month.
    const results: [number, string, number][] = [
      [1, today, 10],
      [1, '2026-11-23', 20],
      [1, '2026-11-03', 40],
      [2, addDays(today, -1), 25],
      [2, '2026-10-30', 100],
    ];
    for (const [user, day, value] of results) {
      before.run(`insert into submissions (user_id, challenge_id, day, value, created_at) values (${user}, 1, '${day}', ${value}, ${Date.parse(`${day}T05:00:00Z`)})`);
    }
    // The old aggregate rows of every kind, as the old submit wrote them (a stale day row too).
    const row = (user: number, kind: string, key: string, total: number, days: number) =>
      before.run(`insert into leaderboard_totals (challenge_id, kind, period_key, user_id, total, days, last_at, eligible) values (1, '${kind}', '${key}', ${user}, ${total}, ${days}, 1, 1)`);
    row(1, 'd', today, 10, 1);
    row(1, 'w', '2026-11-23', 30, 2);
    row(1, 'm', '2026-11', 70, 3);
    row(1, 'a', 'all', 70, 3);
    row(2, 'd', '2026-11-24', 25, 1);
    row(2, 'w', '2026-11-23', 25, 1);
    row(2, 'm', '2026-11', 25, 1);
    row(2, 'm', '2026-10', 100, 1);
    row(2, 'a', 'all', 125, 2);
    before.close();

    const rt = createTestRuntime({ now: DEFAULT_NOW, env: { DATABASE_PATH: file } }); // applies 0006 to 0012 at start-up
    try {
      expect(await rt.sql("select name from sqlite_master where name = 'leaderboard_totals'")).toEqual([]);
      const stored = await rt.sql('select user_id as userId, total, days, last_at as lastAt from user_challenges order by user_id');
      expect(stored).toEqual([{ userId: 1, total: 70, days: 3, lastAt: 1 }, { userId: 2, total: 125, days: 2, lastAt: 1 }]);
      const as = { id: 501, first_name: 'M1' };
      const board = async (type: string) => (await rt.request('GET', `/api/leaderboard?challengeId=1&type=${type}`, { as })).body;
      const shown = async (type: string) => (await board(type)).entries.map((e: { userId: number; total: number; days: number }) => [e.userId, e.total, e.days]);
      expect(await shown('today')).toEqual([[1, 10, 1]]);
      expect(await shown('weekly')).toEqual([[1, 30, 2], [2, 25, 1]]);
      expect(await shown('monthly')).toEqual([[1, 70, 3], [2, 25, 1]]);
      expect(await shown('all')).toEqual([[2, 125, 2], [1, 70, 3]]);

      // A new result moves the summed boards and the stored all-time figures together.
      const m2 = { id: 502, first_name: 'M2' };
      expect((await rt.request('POST', '/api/challenges/1/submit', { as: m2, body: { value: 50 } })).status).toBe(201);
      expect(await shown('today')).toEqual([[2, 50, 1], [1, 10, 1]]);
      expect(await shown('weekly')).toEqual([[2, 75, 2], [1, 30, 2]]);
      expect(await shown('all')).toEqual([[2, 175, 3], [1, 70, 3]]);
      expect(await rt.sql('select total, days from user_challenges where user_id = 2')).toEqual([{ total: 175, days: 3 }]);
    } finally {
      rt.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
