/**
 * A club that ran before badges: migration 0010 (SQLite) / 0006 (PostgreSQL) credits what its
 * members already did, so their next result announces nothing they passed long ago.
 */
import { expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { drizzle as sqliteDrizzle } from 'drizzle-orm/bun-sqlite';
import { migrate as sqliteMigrate } from 'drizzle-orm/bun-sqlite/migrator';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import { migrate as pgMigrate } from 'drizzle-orm/node-postgres/migrator';
import { createTestRuntime, DEFAULT_NOW } from '../helpers/runtime';
import { dropSchema, freshSchemaUrl, TEST_ENGINE } from '../helpers/engine';
import { migrationsBefore } from '../helpers/migrations';

/** The club before badges, in SQL both engines read alike (member 1: a long streak, a podium). */
const BEFORE_BADGES = [
  `insert into challenges (title, created_at, updated_at, participants) values ('Qadamlar', 1, 1, 2)`,
  `insert into users (telegram_id, first_name, display_name, registered_at, created_at) values (601, 'A', 'A', 1, 1)`,
  `insert into users (telegram_id, first_name, display_name, registered_at, created_at) values (602, 'B', 'B', 1, 1)`,
  `insert into user_challenges (user_id, challenge_id, joined_at, current_streak, best_streak, last_counted_day) values (1, 1, 1, 2, 31, '2026-11-24')`,
  `insert into user_challenges (user_id, challenge_id, joined_at, current_streak, best_streak, last_counted_day) values (2, 1, 1, 0, 0, null)`,
  `insert into submissions (user_id, challenge_id, day, value, created_at) values (1, 1, '2026-11-23', 9000, 1000)`,
  `insert into submissions (user_id, challenge_id, day, value, created_at) values (1, 1, '2026-11-24', 12000, 2000)`,
  `insert into weekly_results (challenge_id, period, rank, user_id, total, days, created_at) values (1, '2026-11-16', 2, 1, 5, 1, 3000)`,
];

test('members of a club that ran before badges keep what they did; the next result announces only what is new', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qadam-backfill-'));
  let env: Record<string, string>;
  let schema: string | null = null;
  try {
    if (TEST_ENGINE === 'postgres') {
      const fresh = freshSchemaUrl();
      schema = fresh.schema;
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      try {
        await client.query(`create schema "${schema}"`);
        await pgMigrate(pgDrizzle(client), { migrationsFolder: migrationsBefore(dir, 'drizzle-pg', 5), migrationsSchema: schema });
        for (const statement of BEFORE_BADGES) await client.query(statement);
      } finally {
        await client.end();
      }
      env = { DATABASE_URL: fresh.url };
    } else {
      const file = join(dir, 'qadam.sqlite');
      const before = new Database(file);
      sqliteMigrate(sqliteDrizzle(before), { migrationsFolder: migrationsBefore(dir, 'drizzle', 9) });
      for (const statement of BEFORE_BADGES) before.run(statement);
      before.close();
      env = { DATABASE_PATH: file };
    }

    const rt = createTestRuntime({ now: DEFAULT_NOW, env }); // applies the badges and the backfill
    try {
      const badges = async () =>
        (await rt.sql<{ code: string; challenge: number; at: number }>('select code, challenge_id as challenge, earned_at as at from badges where user_id = 1 order by code'))
          .map((b) => ({ ...b, challenge: Number(b.challenge), at: Number(b.at) }));
      const credited = await badges();
      expect(credited.map((b) => [b.code, b.challenge])).toEqual([
        ['first-result', 0],
        ['streak-30', 1],
        ['streak-7', 1],
        ['weekly-podium', 1],
      ]);
      expect(credited.find((b) => b.code === 'first-result')!.at).toBe(1000); // when it was sent
      const membership = (await rt.sql<{ best: number; bits: number }>('select best_value as best, badge_bits as bits from user_challenges where user_id = 1'))[0]!;
      expect({ best: Number(membership.best), bits: Number(membership.bits) }).toEqual({ best: 12000, bits: 1 | 2 | 32 });
      expect(await rt.sql('select code from badges where user_id = 2')).toEqual([]);

      // Below the best: nothing new (no "first result" again). The member without results earns their first.
      const a = { id: 601, first_name: 'A' };
      const b = { id: 602, first_name: 'B' };
      expect((await rt.request('POST', '/api/challenges/1/submit', { as: a, body: { value: 11000 } })).status).toBe(201);
      expect((await badges()).length).toBe(4);
      expect((await rt.request('POST', '/api/challenges/1/submit', { as: b, body: { value: 500 } })).status).toBe(201);
      expect((await rt.sql<{ code: string }>('select code from badges where user_id = 2')).map((r) => r.code)).toEqual(['first-result']);
      const me = (await rt.request('GET', '/api/me', { as: a })).body as { badges: { code: string }[] };
      expect(me.badges.map((x) => x.code).sort()).toEqual(['first-result', 'streak-30', 'streak-7', 'weekly-podium']);
    } finally {
      await rt.close();
    }
  } finally {
    if (schema) await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  }
});
