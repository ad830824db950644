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

/** Test schemas start with this; scripts/test.ts sets it per run and sweeps what is left. */
export function schemaPrefix(): string {
  return process.env.TEST_SCHEMA_PREFIX ?? `qt_${process.pid}_`;
}

/** Drops every schema whose name starts with `prefix` (runtimes a test never closed). */
export async function dropSchemasLike(url: string, prefix: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query<{ name: string }>('select nspname as name from pg_namespace where starts_with(nspname, $1)', [prefix])).rows;
    for (const { name } of rows) await client.query(`drop schema if exists ${client.escapeIdentifier(name)} cascade`);
    return rows.length;
  } finally {
    await client.end();
  }
}

/** A DATABASE_URL naming a new schema (created by the server's migrations on first use). */
export function freshSchemaUrl(): { url: string; schema: string } {
  const schema = `${schemaPrefix()}${Date.now().toString(36)}_${counter++}`;
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
