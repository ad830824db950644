/**
 * A member's results are read through the unique (member, challenge, day) index. Without
 * statistics SQLite prefers the covering (challenge, day, …) index for such reads and scans
 * every result of the challenge; opening the database gathers them first (db/client.ts).
 */
import { afterAll, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/client';

const dir = mkdtempSync(join(tmpdir(), 'qadam-plans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MEMBER_READS = [
  // the week and month sums of the submit's event (repositories/leaderboard.ts)
  `SELECT sum(value), count(*) FROM submissions WHERE user_id = 5 AND challenge_id = 3 AND day BETWEEN '2026-10-01' AND '2026-10-30'`,
  // a membership's best value (migration 0010, the recount of a corrected result)
  `SELECT max(value) FROM submissions WHERE user_id = 5 AND challenge_id = 3`,
];
const plan = (db: Database, query: string) =>
  db
    .query<{ detail: string }, []>(`EXPLAIN QUERY PLAN ${query}`)
    .all()
    .map((r) => r.detail)
    .join(' | ');

test('a club without statistics gets them when opened: member reads use the unique index', () => {
  const file = join(dir, 'club.sqlite');
  const first = openDatabase(file);
  first.sqlite.run(`INSERT INTO challenges (title, created_at, updated_at) VALUES ('a', 1, 1), ('b', 1, 1), ('c', 1, 1)`);
  const user = first.sqlite.prepare('INSERT INTO users (telegram_id, first_name, created_at) VALUES (?, ?, 1)');
  const result = first.sqlite.prepare('INSERT INTO submissions (user_id, challenge_id, day, value, created_at) VALUES (?, ?, ?, ?, 1)');
  first.sqlite.transaction(() => {
    for (let u = 1; u <= 300; u++) user.run(1000 + u, `M${u}`);
    for (let u = 1; u <= 300; u++)
      for (let c = 1; c <= 3; c++) for (let d = 1; d <= 30; d++) result.run(u, c, `2026-10-${String(d).padStart(2, '0')}`, d);
  })();
  // A club that never closed cleanly has no statistics (closing gathers them).
  first.sqlite.run('DELETE FROM sqlite_stat1');
  first.sqlite.close();

  const bare = new Database(file);
  for (const query of MEMBER_READS) expect(plan(bare, query)).toContain('submissions_challenge_day_idx'); // what went wrong
  bare.close();

  const reopened = openDatabase(file);
  try {
    for (const query of MEMBER_READS) expect(plan(reopened.sqlite, query)).toContain('USING INDEX submissions_user_challenge_day_uq (user_id=? AND challenge_id=?');
  } finally {
    reopened.close();
  }
});
