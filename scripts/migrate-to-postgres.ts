/**
 * `bun run migrate-to-postgres`: moves a club from its SQLite file (DATABASE_PATH) to
 * PostgreSQL (DATABASE_URL). Both are migrated to the current schema first; the target must
 * be empty. Every table is copied in one PostgreSQL transaction (all or nothing), the id
 * sequences are moved past the copied ids, then counts and sums are compared table by table.
 * Stop the server first: writes made during the copy would be left behind.
 *
 *   DATABASE_PATH=./data/qadam.sqlite DATABASE_URL=postgres://… bun run migrate-to-postgres
 */
import { sql as drizzleSql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/client';
import { isPostgresUrl, openPostgres } from '../server/db/pg/client';
import * as pgSchema from '../server/db/pg/schema';
import * as liteSchema from '../server/db/schema';

/** Every table, parents before children (foreign keys), with the numeric columns whose sums are compared. */
const TABLES = [
  { name: 'users', key: 'users', sums: ['id', 'telegram_id', 'created_at'], serial: true },
  { name: 'challenges', key: 'challenges', sums: ['id', 'min_value', 'max_value', 'participants'], serial: true },
  { name: 'user_challenges', key: 'userChallenges', sums: ['user_id', 'challenge_id', 'current_streak', 'best_streak', 'freezes', 'best_value', 'badge_bits', 'total', 'days', 'last_at'], serial: false },
  { name: 'submissions', key: 'submissions', sums: ['id', 'value', 'created_at'], serial: true },
  { name: 'submission_changes', key: 'submissionChanges', sums: ['id', 'submission_id', 'old_value', 'new_value', 'at'], serial: true },
  { name: 'admin_users', key: 'adminUsers', sums: ['id', 'telegram_id'], serial: true },
  { name: 'weekly_results', key: 'weeklyResults', sums: ['id', 'rank', 'total', 'days'], serial: true },
  { name: 'monthly_results', key: 'monthlyResults', sums: ['id', 'rank', 'total', 'days'], serial: true },
  { name: 'admin_sessions', key: 'adminSessions', sums: ['expires_at'], serial: false },
  { name: 'admin_login_tokens', key: 'adminLoginTokens', sums: ['expires_at'], serial: false },
  { name: 'audit_log', key: 'auditLog', sums: ['id', 'created_at'], serial: true },
  { name: 'reminder_log', key: 'reminderLog', sums: ['user_id', 'sent_at'], serial: false },
  { name: 'job_runs', key: 'jobRuns', sums: ['ran_at'], serial: false },
  { name: 'announcements', key: 'announcements', sums: ['id', 'created_by', 'created_at', 'finished_at'], serial: true },
  { name: 'badges', key: 'badges', sums: ['user_id', 'challenge_id', 'earned_at'], serial: false },
  { name: 'streak_freezes', key: 'streakFreezes', sums: ['user_id', 'challenge_id', 'used_at'], serial: false },
  { name: 'announcement_recipients', key: 'announcementRecipients', sums: ['announcement_id', 'user_id', 'updated_at'], serial: false },
  { name: 'invite_codes', key: 'inviteCodes', sums: ['user_id', 'created_at'], serial: false },
  { name: 'invitations', key: 'invitations', sums: ['invitee_id', 'inviter_id', 'created_at'], serial: false },
  { name: 'reminder_preferences', key: 'reminderPreferences', sums: ['user_id', 'challenge_id', 'updated_at'], serial: false },
  { name: 'club_chat_settings', key: 'clubChatSettings', sums: ['id', 'chat_id', 'updated_at'], serial: false },
  { name: 'group_posts', key: 'groupPosts', sums: ['chat_id', 'created_at'], serial: false },
] as const;

const BATCH = 1000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const config = loadConfig();
if (!isPostgresUrl(config.DATABASE_URL)) fail('Set DATABASE_URL=postgres://… (the target) and DATABASE_PATH (the SQLite club to move).');
const lite = openDatabase(config.DATABASE_PATH);
const target = openPostgres(config.DATABASE_URL);
try {
  await target.ready;
  // Every SQLite table must be known here: a table added later and not listed would be lost.
  const present = (lite.sqlite.query("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as { name: string }[]).map((r) => r.name);
  const unknown = present.filter((n) => !TABLES.some((t) => t.name === n));
  if (unknown.length > 0) fail(`Tables this tool does not know yet: ${unknown.join(', ')} (add them to scripts/migrate-to-postgres.ts).`);
  for (const t of TABLES) {
    const n = (await target.pool.query<{ n: number }>(`select count(*) as n from ${t.name}`)).rows[0]!.n;
    if (n > 0) fail(`The PostgreSQL database is not empty (${t.name} has ${n} rows): move a club into a fresh database or schema.`);
  }

  const started = performance.now();
  await target.db.transaction(async (tx) => {
    for (const t of TABLES) {
      const from = liteSchema[t.key] as SQLiteTable;
      const to = pgSchema[t.key] as PgTable;
      const rows = lite.db.select().from(from).all() as Record<string, unknown>[];
      for (let i = 0; i < rows.length; i += BATCH) await tx.insert(to).values(rows.slice(i, i + BATCH) as never[]);
      if (t.serial) {
        await tx.execute(drizzleSql.raw(`select setval(pg_get_serial_sequence('${t.name}', 'id'), coalesce((select max(id) from ${t.name}), 0) + 1, false)`));
      }
    }
  });

  // Verify: the same count and the same sums, table by table.
  const lines: string[] = [];
  let mismatches = 0;
  for (const t of TABLES) {
    const columns = ['count(*)', ...t.sums.map((c) => `coalesce(sum(${c}), 0)`)];
    const liteRow = lite.sqlite.query(`select ${columns.map((c, i) => `${c} as c${i}`).join(', ')} from ${t.name}`).get() as Record<string, number>;
    const pgRow = (await target.pool.query(`select ${columns.map((c, i) => `${c}::float8 as c${i}`).join(', ')} from ${t.name}`)).rows[0] as Record<string, number>;
    const same = columns.every((_, i) => Math.abs(Number(liteRow[`c${i}`]) - Number(pgRow[`c${i}`])) <= 1e-6 * Math.max(1, Math.abs(Number(liteRow[`c${i}`]))));
    if (!same) mismatches++;
    lines.push(`  ${same ? 'ok      ' : 'MISMATCH'} ${t.name.padEnd(20)} ${String(liteRow.c0).padStart(9)} rows  sums ${t.sums.map((c, i) => `${c}=${liteRow[`c${i + 1}`]}`).join(' ')}`);
  }
  process.stdout.write(`copied ${config.DATABASE_PATH} to PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s\n${lines.join('\n')}\n`);
  if (mismatches > 0) fail(`${mismatches} table(s) differ: do not switch the club over.`);
  process.stdout.write('verified: every table has the same count and sums on both sides\n');
} finally {
  lite.close();
  await target.close();
}

