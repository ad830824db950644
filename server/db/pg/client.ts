/**
 * Opens the PostgreSQL database (a `pg` pool) and applies the migrations of drizzle-pg/.
 *
 * Counts and bigint columns: PostgreSQL answers count(*) and int8 as text (they may pass 2^53).
 * Every int8 of this schema is a count, a Telegram id or an epoch-millisecond time, all far
 * below 2^53, so int8 and numeric are read as JS numbers, as SQLite gives them. The parser is
 * the `pg` module's global one because drizzle's node-postgres session falls back to it.
 */
import { join } from 'node:path';
import { drizzle, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type PgSchema = typeof schema;
/** The database or a transaction on it: repositories accept either. */
export type PgDb = PgDatabase<NodePgQueryResultHKT, PgSchema>;

export const PG_MIGRATIONS_FOLDER = join(import.meta.dir, '..', '..', '..', 'drizzle-pg');

export interface PgDatabaseHandle {
  pool: pg.Pool;
  db: PgDb;
  /** Resolves once the migrations are applied; rejects when the server cannot be reached. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function openPostgres(url: string, options: { max?: number } = {}): PgDatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle client losing its server must not end the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema }) as unknown as PgDb;
  const ready = migrateOnce(pool);
  ready.catch(() => undefined); // observed by every store call
  let closed: Promise<void> | null = null;
  return {
    pool,
    db,
    ready,
    close: () => (closed ??= pool.end()),
  };
}

/**
 * Applies the migrations under an advisory lock, so instances starting together do not race
 * each other creating the same tables.
 *
 * The URL may put the club in a schema of its own (`?options=-c search_path=club`, several
 * clubs or test runs on one database): that schema is created on first start, and the
 * migration log is kept in it, beside the tables it describes.
 */
async function migrateOnce(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(8158001)');
    try {
      const path = (await client.query<{ search_path: string }>('show search_path')).rows[0]!.search_path;
      const first = path.split(',')[0]!.trim().replace(/^"(.*)"$/, '$1');
      const own = first !== '' && first !== '$user' && first !== 'public' ? first : null;
      if (own) await client.query(`create schema if not exists ${client.escapeIdentifier(own)}`);
      await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS_FOLDER, migrationsSchema: own ?? undefined });
    } finally {
      await client.query('select pg_advisory_unlock(8158001)');
    }
  } finally {
    client.release();
  }
}
