/** Opens the SQLite database, sets the pragmas the club relies on, and applies migrations. */
import { Database } from 'bun:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { drizzle } from 'drizzle-orm/bun-sqlite';
import { migrate } from 'drizzle-orm/bun-sqlite/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database or a transaction on it: repositories accept either. */
export type Db = BaseSQLiteDatabase<'sync', void, Schema>;

export interface ClubDatabase {
  sqlite: Database;
  db: Db;
  close(): void;
}

export const MIGRATIONS_FOLDER = join(import.meta.dir, '..', '..', 'drizzle');

export function openDatabase(path: string): ClubDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { create: true, strict: true });
  sqlite.run('PRAGMA journal_mode = WAL');
  sqlite.run('PRAGMA synchronous = NORMAL'); // durable across process crashes in WAL mode
  sqlite.run('PRAGMA foreign_keys = ON');
  sqlite.run('PRAGMA busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as unknown as Db;
  migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
  // Statistics before the first query: without them SQLite reads a member's results through
  // the covering (challenge, day, …) index — every result of the challenge — instead of the
  // unique (member, challenge, day) one. The limit keeps each ANALYZE to a sample (1.7 s for a
  // never-analyzed club of 25 M results; nothing when the statistics are current).
  sqlite.run('PRAGMA analysis_limit = 1000');
  sqlite.run('PRAGMA optimize = 0x10002');
  return {
    sqlite,
    db,
    close() {
      try {
        sqlite.run('PRAGMA optimize');
      } catch {
        // closing matters more than optimizing
      }
      sqlite.close();
    },
  };
}
