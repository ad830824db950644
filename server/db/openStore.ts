/**
 * Engine selection: DATABASE_URL=postgres://… selects PostgreSQL (several instances may share
 * it); otherwise the SQLite file at DATABASE_PATH, as always. The only place that knows both.
 */
import type { Store } from '../services/store';
import { openDatabase, type ClubDatabase } from './client';
import { isPostgresUrl, openPostgres } from './pg/client';
import { PostgresStore } from './pg/store';
import { SqliteStore } from './sqliteStore';

export type Engine = 'sqlite' | 'postgres';

export interface OpenedStore {
  engine: Engine;
  store: Store;
  /** The SQLite database (null on PostgreSQL): backups and SQLite-only tools. */
  sqlite: ClubDatabase | null;
  /** The PostgreSQL store (null on SQLite): the cluster's hooks. */
  postgres: PostgresStore | null;
  /** Resolves once the database is reachable and migrated. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function openStore(config: { DATABASE_URL?: string; DATABASE_PATH: string }): OpenedStore {
  if (isPostgresUrl(config.DATABASE_URL)) {
    const handle = openPostgres(config.DATABASE_URL);
    const store = new PostgresStore(handle);
    return { engine: 'postgres', store, sqlite: null, postgres: store, ready: handle.ready, close: () => store.close() };
  }
  const database = openDatabase(config.DATABASE_PATH);
  const store = new SqliteStore(database);
  return { engine: 'sqlite', store, sqlite: database, postgres: null, ready: Promise.resolve(), close: async () => store.close() };
}

/** Where the club's data lives, for logs (a PostgreSQL URL without its password). */
export function describeDatabase(config: { DATABASE_URL?: string; DATABASE_PATH: string }): string {
  if (!isPostgresUrl(config.DATABASE_URL)) return config.DATABASE_PATH;
  const url = new URL(config.DATABASE_URL);
  url.password = '';
  return url.toString();
}
