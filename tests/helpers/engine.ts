/**
 * Which database engine the parametrized suites (tests/api, tests/jobs, tests/bot) run on.
 * `bun run test` runs them on SQLite, then again with TEST_ENGINE=postgres when
 * TEST_DATABASE_URL reaches a PostgreSQL server (scripts/test.ts). Every runtime on
 * PostgreSQL gets a fresh schema of its own, dropped when it closes.
 */
import pg from 'pg';

export type TestEngine = 'sqlite' | 'postgres';

export const TEST_ENGINE: TestEngine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  return url;
}

let counter = 0;

/** A DATABASE_URL naming a new schema (created by the server's migrations on first use). */
export function freshSchemaUrl(): { url: string; schema: string } {
  const schema = `qt_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const url = new URL(testDatabaseUrl());
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

let admin: pg.Pool | null = null;

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  if (!admin) {
    admin = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    admin.on('error', () => undefined);
  }
  // A write of the closed runtime may still be ending on the server: retry a deadlock.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`drop schema if exists "${schema}" cascade`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
    }
  }
}

/** Whether a PostgreSQL server answers at `url` (within two seconds). */
export async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
