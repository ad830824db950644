/**
 * A real runtime on a real database with a fixed clock, reached through
 * app.handle(new Request(...)). The engine is TEST_ENGINE's (helpers/engine.ts): SQLite (a
 * temp file or :memory:), or a fresh schema on TEST_DATABASE_URL's PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../server/clock';
import { parseConfig } from '../../server/config';
import { silentLogger } from '../../server/log';
import { createRuntime } from '../../server/runtime';
import { dropSchema, freshSchemaUrl, TEST_ENGINE } from './engine';
import { signInitData, TEST_BOT_TOKEN, type TestTelegramUser } from './initData';

export interface TestRuntimeOptions {
  /** ISO instant the clock stands at (default: Wednesday 2026-11-25 12:00 in Tashkent). */
  now?: string;
  env?: Record<string, string>;
  /** Use a file database (default :memory:). */
  file?: boolean;
}

export const DEFAULT_NOW = '2026-11-25T07:00:00Z';

export function createTestRuntime(options: TestRuntimeOptions = {}) {
  const clock = fixedClock(options.now ?? DEFAULT_NOW);
  const pgSchema = TEST_ENGINE === 'postgres' ? freshSchemaUrl() : null;
  const dir = options.file && !pgSchema ? mkdtempSync(join(tmpdir(), 'qadam-test-')) : null;
  const config = parseConfig({
    BOT_TOKEN: TEST_BOT_TOKEN,
    DATABASE_PATH: dir ? join(dir, 'qadam.sqlite') : ':memory:',
    ...(pgSchema ? { DATABASE_URL: pgSchema.url } : {}),
    ADMIN_TELEGRAM_IDS: '1000',
    ...options.env,
  });
  const runtime = createRuntime(config, { clock, log: silentLogger });

  const initDataFor = (user: TestTelegramUser) => signInitData(user, { authDate: clock.now() });

  async function request(
    method: string,
    path: string,
    opts: { as?: TestTelegramUser; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as) headers.authorization = `tma ${initDataFor(opts.as)}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const res = await runtime.app.handle(new Request(`http://localhost${path}`, { method, headers, body }));
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /**
   * Raw SQL on whichever engine runs (checks of what is stored): `?` placeholders, rows as
   * the driver gives them (PostgreSQL booleans are true/false where SQLite has 1/0).
   */
  async function sql<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]> {
    await runtime.ready;
    if (runtime.database) return runtime.database.sqlite.query(text).all(...(params as never[])) as T[];
    let n = 0;
    const result = await runtime.postgres!.database.pool.query(text.replace(/\?/g, () => `$${++n}`), params);
    return result.rows as T[];
  }

  let closed: Promise<void> | null = null;
  return {
    ...runtime,
    clock,
    initDataFor,
    request,
    sql,
    /** Closes the database; on PostgreSQL also drops the runtime's schema (await to be sure). */
    close(): Promise<void> {
      closed ??= (async () => {
        await runtime.closeStore();
        if (dir) rmSync(dir, { recursive: true, force: true });
        if (pgSchema) await dropSchema(pgSchema.schema);
      })();
      return closed;
    },
  };
}

export type TestRuntime = ReturnType<typeof createTestRuntime>;

let nextTelegramId = 50_000;
export function telegramUser(overrides: Partial<TestTelegramUser> = {}): TestTelegramUser {
  const id = overrides.id ?? nextTelegramId++;
  return { id, first_name: `Member${id}`, language_code: 'uz', ...overrides };
}

export const ADMIN_USER: TestTelegramUser = { id: 1000, first_name: 'Owner', language_code: 'en' };
