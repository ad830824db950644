/**
 * The real server as a child process (`bun server/main.ts`) in demo mode on a given SQLite file,
 * for tests of what only a process shows: crashes, signals, backups.
 */
import type { Subprocess } from 'bun';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dir, '..', '..');
/** Demo member 1 (Telegram id 9000000001) is made owner, so demo initData can administer. */
export const DEMO_ADMIN_TELEGRAM_ID = 9_000_000_001;

export interface ServerProcess {
  proc: Subprocess<'ignore', 'ignore', 'pipe'>;
  url: string;
  logs: string[];
  /** Waits for the process to end; returns its exit code. */
  exited: Promise<number>;
}

export async function spawnServer(databasePath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const proc = Bun.spawn(['bun', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      BOT_TOKEN: '',
      ADMIN_TELEGRAM_IDS: String(DEMO_ADMIN_TELEGRAM_ID),
      LOG_LEVEL: 'info',
      RATE_LIMIT_IP: '0',
      RATE_LIMIT_WRITES: '0',
      RATE_LIMIT_READS: '0',
      ...env,
    },
    stdin: 'ignore',
    stdout: 'ignore',
    stderr: 'pipe',
  });
  const logs: string[] = [];
  const { promise: port, resolve: resolvePort } = Promise.withResolvers<number>();
  (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    const reader = proc.stderr.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffered += decoder.decode(chunk.value, { stream: true });
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        logs.push(line);
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number };
          if (entry.msg === 'listening' && entry.port) resolvePort(entry.port);
        } catch {
          // not a log line
        }
      }
    }
  })();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`server did not start:\n${logs.join('\n')}`)), 15_000),
  );
  const p = await Promise.race([port, timeout]);
  return { proc, url: `http://127.0.0.1:${p}`, logs, exited: proc.exited };
}

export async function demoInitData(url: string, user: number): Promise<string> {
  const res = await fetch(`${url}/api/demo/init-data?user=${user}`);
  return ((await res.json()) as { initData: string }).initData;
}

export async function api(url: string, method: string, path: string, initData: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `tma ${initData}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json as any };
}

/** What a database file left by a killed, stopped or copied server must satisfy. */
export function checkDatabase(sqlite: import('bun:sqlite').Database): { integrity: string; duplicates: number; totalsMismatched: number } {
  const integrity = (sqlite.query('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
  const duplicates = (
    sqlite.query('select count(*) as n from (select 1 from submissions group by user_id, challenge_id, day having count(*) > 1)').get() as { n: number }
  ).n;
  // the maintained all-time totals agree with the submissions that are there
  const totalsMismatched = (
    sqlite
      .query(
        `select count(*) as n from user_challenges t where t.total <>
           coalesce((select round(sum(s.value), 6) from submissions s where s.user_id = t.user_id and s.challenge_id = t.challenge_id), 0)
           or t.days <> (select count(*) from submissions s where s.user_id = t.user_id and s.challenge_id = t.challenge_id)`,
      )
      .get() as { n: number }
  ).n;
  return { integrity, duplicates, totalsMismatched };
}
