/**
 * `bun run bench` — generate a synthetic club, start the real server on it (production mode,
 * its own process), drive load with wrk from another process on 127.0.0.1, and report
 * throughput as a ratio of the same run's GET /api/health baseline.
 *
 *   bun run bench [--members 20000] [--challenges 10] [--days 180] [--seconds 10] [--submit-seconds 5]
 *                 [--connections 32] [--threads 1] [--scale] [--scale-only] [--reuse]
 *                 [--seed 7] [--profile] [--no-verify] [--participation 0.4] [--server-env KEY=VALUE]…
 *
 * --scale also runs 100,000 members × 365 days after the default size (generation takes
 * minutes); --scale-only runs only that size. --reuse keeps an already generated database of
 * the same size (members who submitted today in an earlier run are left out of the pools).
 * --profile starts the server under `bun --cpu-prof` (profiles in bench/data/profiles/).
 * --server-env (repeatable) adds a variable to the server's environment, e.g. a runtime setting
 * such as BUN_JSC_forceRAMSize=1073741824 (the heap sized as for a 1 GiB machine).
 * --engine postgres runs each size on SQLite and then on PostgreSQL (BENCH_DATABASE_URL, default
 * the local server): the generated club is copied into a fresh schema with
 * `bun run migrate-to-postgres`, the same load runs against it, and a second instance on the
 * same database measures the cross-instance visibility lag. The report puts both side by side.
 */
import { spawn, spawnSync, type Subprocess } from 'bun';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Database } from 'bun:sqlite';
import { signInitData } from '../server/auth/initData';
import { clubDay, monthKey, weekStart } from '../server/domain/clubTime';
import { generate, type GenerateResult } from './generate';
import { verify, type VerifyResult } from './verify';

const ROOT = resolve(import.meta.dir, '..');
const DATA = join(ROOT, 'bench', 'data');
const RESULTS = join(ROOT, 'bench', 'results');
const DRIVER = join(ROOT, 'bench', 'wrk', 'driver.lua');
/** A bot token that exists nowhere but in this benchmark: the server validates initData with it. */
const BENCH_TOKEN = '424242424:BENCH-qadam_club_benchmark_token_only';
const TIME_ZONE = process.env.CLUB_TIMEZONE ?? 'Asia/Tashkent';
const LB_TYPES = ['today', 'weekly', 'monthly', 'all'] as const;
const LB_LIMIT = 50; // what the Mini App asks for

// ---------------------------------------------------------------- flags
const argv = process.argv.slice(2);
function flag(name: string): boolean {
  return argv.includes(`--${name}`);
}
function num(name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}
const opts = {
  members: num('members', 20_000),
  challenges: num('challenges', 10),
  days: num('days', 180),
  seconds: num('seconds', 10),
  submitSeconds: num('submit-seconds', 5),
  connections: num('connections', 32),
  threads: num('threads', 1),
  seed: num('seed', 7),
  participation: num('participation', 0.4),
  warmupSeconds: 3,
  scale: flag('scale') || flag('scale-only'),
  scaleOnly: flag('scale-only'),
  reuse: flag('reuse'),
  profile: flag('profile'),
  verify: !flag('no-verify'),
  serverEnv: Object.fromEntries(
    argv.flatMap((a, i) => {
      if (a !== '--server-env') return [];
      const pair = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(argv[i + 1] ?? '');
      if (!pair) throw new Error('--server-env needs KEY=VALUE');
      return [[pair[1]!, pair[2]!]];
    }),
  ),
  engine: (() => {
    const i = argv.indexOf('--engine');
    const e = i < 0 ? 'sqlite' : argv[i + 1];
    if (e !== 'sqlite' && e !== 'postgres') throw new Error('--engine is sqlite or postgres');
    return e;
  })(),
};
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
type Engine = 'sqlite' | 'postgres';
/** The DATABASE_URL of the PostgreSQL run under way (servers started meanwhile use it). */
let engineUrl: string | null = null;
const SCALE = { members: 100_000, challenges: opts.challenges, days: 365 };

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- server process
interface Server {
  proc: Subprocess;
  pid: number;
  url: string;
  startMs: number;
}

async function freePort(): Promise<number> {
  const s = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('') });
  const port = s.port!;
  await s.stop(true);
  return port;
}

async function startServer(dbPath: string, label: string, profile = false): Promise<Server> {
  const port = await freePort();
  const logFile = join(DATA, `server-${label}.log`);
  const profDir = join(DATA, 'profiles');
  if (profile) mkdirSync(profDir, { recursive: true });
  const cmd = profile
    ? ['bun', '--cpu-prof', '--cpu-prof-md', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`, 'server/main.ts']
    : ['bun', 'server/main.ts'];
  const t0 = performance.now();
  const proc = spawn(cmd, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: dbPath,
      ...(engineUrl ? { DATABASE_URL: engineUrl } : {}),
      BOT_TOKEN: BENCH_TOKEN,
      CLUB_TIMEZONE: TIME_ZONE,
      LOG_LEVEL: 'warn',
      // All load comes from one address (127.0.0.1): the per-IP limit would answer 429 to
      // nearly everything. Per-member limits stay at their defaults; the pools are large
      // enough that no member reaches them.
      RATE_LIMIT_IP: '0',
      // Nothing may reach Telegram from a benchmark.
      TELEGRAM_API_URL: 'http://127.0.0.1:9',
      ...opts.serverEnv,
    },
    stdout: Bun.file(logFile),
    stderr: Bun.file(logFile),
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = t0 + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) {
        await res.arrayBuffer();
        return { proc, pid: proc.pid, url, startMs: performance.now() - t0 };
      }
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`server not healthy after 60 s; see ${logFile}`);
    await sleep(2);
  }
}

/** Waits until the server holds every profile (GET /api/health says so); answers the ms since it answered first. */
async function profilesLoaded(server: Server): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { profilesLoaded?: boolean };
    if (health.profilesLoaded) return Math.round(performance.now() - t0 + server.startMs);
    if (performance.now() - t0 > 120_000) throw new Error('profiles not loaded after 120 s');
    await sleep(20);
  }
}

/** The bare `Bun.serve` health server of bench/bareHealth.ts (the second baseline). */
async function startBareServer(): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(['bun', join(ROOT, 'bench', 'bareHealth.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', PORT: String(port) },
    stdout: 'ignore',
    stderr: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`bare health server exited with ${proc.exitCode}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return { proc, pid: proc.pid, url, startMs: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 30_000) throw new Error('bare health server not up after 30 s');
    await sleep(2);
  }
}

async function stopServer(s: Server): Promise<void> {
  s.proc.kill('SIGTERM');
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 60_000);
  await s.proc.exited;
  clearTimeout(timer);
}

function memoryOf(pid: number): { rssMB: number; hwmMB: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { rssMB: Math.round(kb('VmRSS') / 102.4) / 10, hwmMB: Math.round(kb('VmHWM') / 102.4) / 10 };
  } catch {
    return { rssMB: 0, hwmMB: 0 };
  }
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = Number(spawnSync(['getconf', 'CLK_TCK']).stdout.toString().trim()) || 100;

// ---------------------------------------------------------------- request pools
interface Member {
  userId: number;
  telegramId: number;
  firstName: string;
  lastName: string | null;
  language: string;
  challengeId: number;
}

const signed = new Map<number, string>();
function initDataOf(m: Member, authDate: Date): string {
  let s = signed.get(m.telegramId);
  if (!s) {
    s = signInitData(BENCH_TOKEN, { id: m.telegramId, first_name: m.firstName, ...(m.lastName ? { last_name: m.lastName } : {}), language_code: m.language }, { authDate });
    signed.set(m.telegramId, s);
  }
  return s;
}

function shuffle<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function loadPools(dbPath: string, today: string, maxWriters: number, seed: number) {
  const db = new Database(dbPath, { readonly: true, strict: true });
  const memberSql = `SELECT u.id AS userId, u.telegram_id AS telegramId, u.first_name AS firstName, u.last_name AS lastName,
      u.language AS language, uc.challenge_id AS challengeId
    FROM user_challenges uc JOIN users u ON u.id = uc.user_id
    WHERE uc.is_member = 1 AND u.is_banned = 0 AND u.display_name IS NOT NULL AND u.registered_at IS NOT NULL`;
  // Readers: one current membership of up to 20,000 random members (the board they look at);
  // many members keep each under the per-member read limit (300 a minute).
  const readers = db
    .query<Member, []>(`SELECT * FROM (${memberSql}) GROUP BY userId ORDER BY random() LIMIT 20000`)
    .all();
  // Writers: memberships without a result today, each used for exactly one submit.
  const writers = shuffle(
    db
      .query<Member, [string]>(
        `${memberSql} AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.user_id = uc.user_id AND s.challenge_id = uc.challenge_id AND s.day = ?)`,
      )
      .all(today),
    seed,
  ).slice(0, maxWriters);
  // Today's results already stored (an earlier run on a reused database): not ours to verify.
  const before = new Set(
    db
      .query<{ pair: string }, [string]>(`SELECT user_id || ':' || challenge_id AS pair FROM submissions WHERE day = ?`)
      .all(today)
      .map((r) => r.pair),
  );
  db.close();
  return { readers, writers, before };
}

function boardSizes(dbPath: string, today: string): Record<string, { largest: number; mean: number }> {
  const db = new Database(dbPath, { readonly: true, strict: true });
  const out: Record<string, { largest: number; mean: number }> = {};
  // Members with a result per challenge: a day, week or month is summed from the submissions.
  const eligible = `JOIN user_challenges uc ON uc.user_id = s.user_id AND uc.challenge_id = s.challenge_id
    JOIN users u ON u.id = s.user_id WHERE uc.is_member = 1 AND u.is_banned = 0`;
  const queries: Record<string, [string, string[]]> = {
    today: [`SELECT count(*) AS n FROM submissions s ${eligible} AND s.day = ? GROUP BY s.challenge_id`, [today]],
    weekly: [`SELECT count(DISTINCT s.user_id) AS n FROM submissions s ${eligible} AND s.day BETWEEN ? AND ? GROUP BY s.challenge_id`, [weekStart(today), today]],
    monthly: [`SELECT count(DISTINCT s.user_id) AS n FROM submissions s ${eligible} AND s.day BETWEEN ? AND ? GROUP BY s.challenge_id`, [`${monthKey(today)}-01`, today]],
    all: [`SELECT count(*) AS n FROM user_challenges uc JOIN users u ON u.id = uc.user_id WHERE uc.days > 0 AND uc.is_member = 1 AND u.is_banned = 0 GROUP BY uc.challenge_id`, []],
  };
  for (const [type, [query, params]] of Object.entries(queries)) {
    const ns = db.query<{ n: number }, string[]>(query).all(...params).map((r) => r.n);
    out[type] = { largest: Math.max(0, ...ns), mean: ns.length ? Math.round(ns.reduce((a, b) => a + b, 0) / ns.length) : 0 };
  }
  db.close();
  return out;
}

type Line = ['R' | 'W' | 'F', 'GET' | 'POST', string, string, string?];
function writeTsv(file: string, lines: Line[]): string {
  writeFileSync(file, lines.map((l) => l.join('\t')).join('\n') + '\n');
  return file;
}

// ---------------------------------------------------------------- wrk
interface WrkOut {
  requests: number;
  durationUs: number;
  bytes: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  statusErrors: number;
  latencyUs: { min: number; mean: number; p50: number; p90: number; p99: number; p999: number; max: number };
  statuses: Record<string, number>;
  sentWrites: number;
  writesExhausted: boolean;
  ids: number[];
}

export interface PhaseResult {
  name: string;
  endpoint: string;
  seconds: number;
  requests: number;
  rps: number;
  /** req/s ÷ the health req/s measured right before and after this phase (mean of the two) */
  ratio: number | null;
  /** req/s ÷ the health req/s of the run's first baseline */
  ratioToFirst: number | null;
  /**
   * req/s ÷ a bare `Bun.serve` health check's req/s, measured right before and after this
   * phase (mean of the two), as the product's own health is
   */
  ratioToBare: number | null;
  /** the bare health check's server CPU µs/request (the same two runs) ÷ this phase's */
  cpuRatioToBare: number | null;
  /** bytes a response took on the wire (status line, headers and body), on average */
  bytesPerResponse: number;
  /**
   * Bare `Bun.serve` sending a constant body of this phase's size (`/body/<n>` of
   * bench/bareHealth.ts), and this phase's req/s and CPU as ratios of it: the floor that the
   * size of the answer alone sets. Measured for the leaderboards and the profile.
   */
  bareSameSize?: { bodyBytes: number; rps: number; cpuUsPerRequest: number; ratio: number; cpuRatio: number | null };
  /** server CPU time per request, and the share of one core the server got */
  cpuUsPerRequest: number;
  serverCpuShare: number;
  /** health CPU µs/request ÷ this phase's CPU µs/request: the throughput ratio on a quiet machine */
  cpuRatio: number | null;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  statuses: Record<string, number>;
  rssMaxMB: number;
  writes?: { sent: number; acknowledged: number; exhausted: boolean };
}

interface WrkRun {
  out: WrkOut;
  rssMaxMB: number;
  /** server CPU seconds used during the run */
  cpuSeconds: number;
}

async function runWrk(server: Server, file: string, seconds: number, every: number, tag: string): Promise<WrkRun> {
  const outFile = join(DATA, `wrk-${tag}.json`);
  const proc = spawn(
    ['wrk', `-t${opts.threads}`, `-c${opts.connections}`, `-d${seconds}s`, '--timeout', '2s', '-s', DRIVER, server.url, '--', file, String(opts.threads), String(every)],
    { env: { ...process.env, BENCH_OUT: outFile }, stdout: 'pipe', stderr: 'pipe' },
  );
  let rssMaxMB = 0;
  const cpu0 = cpuSecondsOf(server.pid);
  const sampler = setInterval(() => {
    rssMaxMB = Math.max(rssMaxMB, memoryOf(server.pid).rssMB);
  }, 200);
  const code = await proc.exited;
  clearInterval(sampler);
  rssMaxMB = Math.max(rssMaxMB, memoryOf(server.pid).rssMB);
  const cpuSeconds = cpuSecondsOf(server.pid) - cpu0;
  if (code !== 0 || !existsSync(outFile)) {
    throw new Error(`wrk failed (${code}): ${await new Response(proc.stderr).text()} ${await new Response(proc.stdout).text()}`);
  }
  return { out: JSON.parse(readFileSync(outFile, 'utf8')) as WrkOut, rssMaxMB, cpuSeconds };
}

const ms = (us: number) => Math.round(us / 10) / 100;

function toPhase(name: string, endpoint: string, r: WrkRun): PhaseResult {
  const o = r.out;
  const seconds = o.durationUs / 1e6;
  const rps = Math.round((o.requests / seconds) * 10) / 10;
  const non2xx = Object.entries(o.statuses).reduce((sum, [s, n]) => (Number(s) >= 200 && Number(s) < 300 ? sum : sum + n), 0);
  const sock = o.socketErrors;
  return {
    name,
    endpoint,
    seconds: Math.round(seconds * 100) / 100,
    requests: o.requests,
    rps,
    ratio: null,
    ratioToFirst: null,
    ratioToBare: null,
    cpuRatioToBare: null,
    bytesPerResponse: o.requests ? Math.round(o.bytes / o.requests) : 0,
    cpuUsPerRequest: o.requests ? Math.round((r.cpuSeconds * 1e6) / o.requests) : 0,
    serverCpuShare: Math.round((r.cpuSeconds / seconds) * 100) / 100,
    cpuRatio: null,
    latencyMs: { p50: ms(o.latencyUs.p50), p90: ms(o.latencyUs.p90), p99: ms(o.latencyUs.p99), max: ms(o.latencyUs.max), mean: ms(o.latencyUs.mean) },
    errors: non2xx + sock.connect + sock.read + sock.write + sock.timeout,
    statuses: o.statuses,
    rssMaxMB: r.rssMaxMB,
  };
}

/**
 * The floor under the large answers: bare Bun sending a constant body as large as each
 * leaderboard's and the profile's (their average on the wire, less the headers bare Bun adds
 * to a body), measured right after the product's runs.
 */
async function measureSameSize(bare: Server, phases: PhaseResult[], bareHealth: PhaseResult, dir: string, key: string, seconds: number): Promise<void> {
  const headerBytes = bareHealth.bytesPerResponse - JSON.stringify({ ok: true }).length;
  for (const p of phases) {
    if (!p.name.startsWith('leaderboard') && p.name !== 'me') continue;
    const bodyBytes = Math.max(0, p.bytesPerResponse - headerBytes);
    const file = writeTsv(join(dir, `bare-${bodyBytes}.tsv`), [['R', 'GET', `/body/${bodyBytes}`, '-']]);
    const floor = toPhase('bare same size', `bare Bun.serve, ${bodyBytes} bytes`, await runWrk(bare, file, seconds, 0, `${key}-bare-${p.name.replace(/\W+/g, '_')}`));
    p.bareSameSize = {
      bodyBytes,
      rps: floor.rps,
      cpuUsPerRequest: floor.cpuUsPerRequest,
      ratio: Math.round((p.rps / floor.rps) * 1000) / 1000,
      cpuRatio: p.cpuUsPerRequest ? Math.round((floor.cpuUsPerRequest / p.cpuUsPerRequest) * 1000) / 1000 : null,
    };
    log(`  ${p.name.padEnd(20)} bare Bun, same ${bodyBytes}-byte body: ${floor.rps.toFixed(0)} req/s, ${floor.cpuUsPerRequest} µs/req → product ×${p.bareSameSize.ratio.toFixed(2)}`);
  }
}

// ---------------------------------------------------------------- one size
interface SizeRun {
  key: string;
  size: { members: number; challenges: number; days: number };
  generation: GenerateResult & { reused: boolean };
  coldStartMs: { runs: number[]; median: number };
  /** From spawning the server until every profile was held in memory (loaded in the background). */
  profilesLoadedMs: number;
  phases: PhaseResult[];
  memory: { idleMB: number; peakRssMB: number; hwmMB: number };
  boards: Record<string, { largest: number; mean: number }>;
  freshness: { ok: boolean; detail: string };
  verification: VerifyResult | null;
  pools: { readers: number; writers: number; submitPool: number; mixedPool: number };
  /** warn/error lines the server logged during the load run (LOG_LEVEL=warn) */
  serverLog: { errors: number; warnings: number; first: string[] };
  /** health req/s of the short probes taken before each endpoint (machine drift) */
  healthProbes: number[];
  /**
   * The bare `Bun.serve` health check: at the start, before every phase after the first, and
   * at the end of the run (phase i sits between runs i and i + 1)
   */
  bareHealth: { rps: number[]; cpuUsPerRequest: number[] };
  engine: Engine;
  /** PostgreSQL: a result acknowledged on one instance until it shows on another's board */
  visibilityLagMs: { n: number; p50: number; p99: number; max: number } | null;
  /** PostgreSQL: every acknowledged submission stored, none duplicated */
  postgresCheck: { ok: boolean; acknowledged: number; missing: number; duplicates: number } | null;
}

function serverLogOf(label: string): SizeRun['serverLog'] {
  const file = join(DATA, `server-${label}.log`);
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  const errors = lines.filter((l) => l.includes('"level":"error"'));
  const warnings = lines.filter((l) => l.includes('"level":"warn"'));
  return { errors: errors.length, warnings: warnings.length, first: [...errors, ...warnings].slice(0, 5).map((l) => l.slice(0, 300)) };
}

async function freshnessCheck(server: Server, m: Member): Promise<{ ok: boolean; detail: string }> {
  const headers = { authorization: `tma ${initDataOf(m, new Date())}`, 'content-type': 'application/json' };
  const board = async (type: string) => {
    const r = await fetch(`${server.url}/api/leaderboard?challengeId=${m.challengeId}&type=${type}&limit=${LB_LIMIT}`, { headers });
    return (await r.json()) as { me: { total: number; rank: number } | null };
  };
  const before: Record<string, number> = {};
  for (const t of LB_TYPES) before[t] = (await board(t)).me?.total ?? 0;
  const value = 7;
  const res = await fetch(`${server.url}/api/challenges/${m.challengeId}/submit`, { method: 'POST', headers, body: JSON.stringify({ value }) });
  if (res.status !== 201) return { ok: false, detail: `submit answered ${res.status}: ${await res.text()}` };
  const bad: string[] = [];
  for (const t of LB_TYPES) {
    const after = (await board(t)).me?.total ?? 0;
    if (Math.abs(after - before[t]! - value) > 1e-6) bad.push(`${t}: ${before[t]} → ${after}`);
  }
  return bad.length ? { ok: false, detail: `boards not updated: ${bad.join('; ')}` } : { ok: true, detail: 'a new result shows on all four boards immediately' };
}

/** Copies the generated club into a fresh schema; answers its DATABASE_URL. */
async function copyToPostgres(dbPath: string, schema: string): Promise<string> {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop schema if exists "${schema}" cascade`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const t0 = performance.now();
  const r = spawnSync(['bun', 'run', 'migrate-to-postgres'], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbPath, DATABASE_URL: url.toString() } });
  if (r.exitCode !== 0) throw new Error(`migrate-to-postgres failed: ${r.stderr.toString()}${r.stdout.toString()}`);
  log(`  copied to PostgreSQL schema ${schema} in ${((performance.now() - t0) / 1000).toFixed(1)} s (verified)`);
  return url.toString();
}

/** Every acknowledged id stored once on PostgreSQL. */
async function checkPostgres(url: string, acknowledged: number[]): Promise<{ ok: boolean; acknowledged: number; missing: number; duplicates: number }> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const present = Number((await c.query('select count(*) as n from submissions where id = any($1::int[])', [acknowledged])).rows[0].n);
    const duplicates = Number(
      (await c.query('select count(*) as n from (select 1 from submissions group by user_id, challenge_id, day having count(*) > 1) d')).rows[0].n,
    );
    return { ok: present === acknowledged.length && duplicates === 0, acknowledged: acknowledged.length, missing: acknowledged.length - present, duplicates };
  } finally {
    await c.end();
  }
}

/**
 * Cross-instance visibility: a result acknowledged by instance A, polled on instance B's board
 * (the member's own rank) until it shows. Sequential, one member at a time.
 */
async function visibilityLag(a: Server, b: Server, members: Member[]): Promise<{ n: number; p50: number; p99: number; max: number }> {
  const lags: number[] = [];
  for (const m of members) {
    const headers = { authorization: `tma ${initDataOf(m, new Date())}`, 'content-type': 'application/json' };
    const res = await fetch(`${a.url}/api/challenges/${m.challengeId}/submit`, { method: 'POST', headers, body: '{"value":3}' });
    await res.arrayBuffer();
    if (res.status !== 201) continue;
    const acked = performance.now();
    for (;;) {
      const r = await fetch(`${b.url}/api/leaderboard?challengeId=${m.challengeId}&type=today&limit=1`, { headers });
      const body = (await r.json()) as { me: { total: number } | null };
      if (body.me) break;
      if (performance.now() - acked > 10_000) throw new Error('a result did not show on the other instance within 10 s');
    }
    lags.push(performance.now() - acked);
  }
  lags.sort((x, y) => x - y);
  const at = (q: number) => Math.round(lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]! * 100) / 100;
  return { n: lags.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

async function runSize(size: { members: number; challenges: number; days: number }, engine: Engine = 'sqlite'): Promise<SizeRun> {
  const key = `${size.members}x${size.days}${engine === 'postgres' ? '-pg' : ''}`;
  const dbPath = join(DATA, `club-${size.members}x${size.challenges}x${size.days}-s${opts.seed}.sqlite`);
  const metaPath = `${dbPath}.meta.json`;
  log(`\n== ${size.members.toLocaleString('en')} members × ${size.challenges} challenges × ${size.days} days ==`);

  let generation: SizeRun['generation'];
  if (opts.reuse && existsSync(dbPath) && existsSync(metaPath)) {
    generation = { ...(JSON.parse(readFileSync(metaPath, 'utf8')) as GenerateResult), reused: true };
    log(`  reusing ${dbPath} (generated ${generation.firstDay}..${generation.lastDay})`);
  } else {
    log('  generating…');
    const g = generate({ path: dbPath, ...size, seed: opts.seed, timeZone: TIME_ZONE, participation: opts.participation, log });
    writeFileSync(metaPath, JSON.stringify(g, null, 2));
    generation = { ...g, reused: false };
    log(`  ${Object.entries(g.rows).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}; ${(g.fileBytes / 2 ** 20).toFixed(0)} MB in ${g.seconds.toFixed(1)} s`);
  }

  engineUrl = engine === 'postgres' ? await copyToPostgres(dbPath, `bench_${size.members}x${size.challenges}x${size.days}_s${opts.seed}`) : null;

  // Cold start: process start → first 200 from /api/health, on the migrated database.
  const coldRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await startServer(dbPath, `${key}-cold${i}`);
    coldRuns.push(Math.round(s.startMs));
    await stopServer(s);
  }
  const coldStartMs = { runs: coldRuns, median: [...coldRuns].sort((a, b) => a - b)[1]! };
  log(`  cold start: ${coldRuns.join(', ')} ms`);

  // Pools and request files. Today is the real club day.
  const today = clubDay(new Date(), TIME_ZONE);
  const maxWriters = 150_000;
  const { readers, writers, before } = loadPools(dbPath, today, maxWriters + 1, opts.seed);
  const probe = writers.pop()!; // kept for the freshness check
  const lagMembers = engine === 'postgres' ? writers.splice(writers.length - 200, 200) : [];
  const submitPool = Math.floor(writers.length * 0.7);
  const authDate = new Date();
  const values = (i: number): string => (i % 10 === 9 ? `"${(i % 9) + 1},5"` : String((i % 10) + 1));
  const writeLine = (m: Member, i: number): Line => ['W', 'POST', `/api/challenges/${m.challengeId}/submit`, initDataOf(m, authDate), `{"value":${values(i)}}`];
  const lbLine = (m: Member, type: string): Line => ['R', 'GET', `/api/leaderboard?challengeId=${m.challengeId}&type=${type}&limit=${LB_LIMIT}`, initDataOf(m, authDate)];
  const meLine = (m: Member): Line => ['R', 'GET', '/api/me', initDataOf(m, authDate)];
  const dir = join(DATA, `req-${key}`);
  mkdirSync(dir, { recursive: true });
  const files = {
    health: writeTsv(join(dir, 'health.tsv'), [['R', 'GET', '/api/health', '-']]),
    me: writeTsv(join(dir, 'me.tsv'), readers.map(meLine)),
    submit: writeTsv(join(dir, 'submit.tsv'), [['F', 'GET', '/api/health', '-'], ...writers.slice(0, submitPool).map(writeLine)]),
    ...Object.fromEntries(LB_TYPES.map((t) => [`lb-${t}`, writeTsv(join(dir, `lb-${t}.tsv`), readers.map((m) => lbLine(m, t)))])),
  } as Record<string, string>;
  // Mixed: reads as members use the app (profile 30%, today 25%, week 20%, month 15%, all 10%), every 10th request a submit.
  const mixReads = readers.map((m, i): Line => {
    const r = (i * 7919) % 100;
    return r < 30 ? meLine(m) : lbLine(m, r < 55 ? 'today' : r < 75 ? 'weekly' : r < 90 ? 'monthly' : 'all');
  });
  files.mixed = writeTsv(join(dir, 'mixed.tsv'), [...mixReads, ...writers.slice(submitPool).map((m, i) => writeLine(m, i))]);
  files.warmup = writeTsv(join(dir, 'warmup.tsv'), mixReads);
  log(`  pools: ${readers.length} readers, ${submitPool} submits + ${writers.length - submitPool} in the mixed run`);

  const server = await startServer(dbPath, key, opts.profile);
  const profilesMs = await profilesLoaded(server);
  log(`  profiles held in memory ${profilesMs} ms after start-up`);
  const bare = await startBareServer();
  const bareRuns: PhaseResult[] = [];
  const idleMB = memoryOf(server.pid).rssMB;
  const phases: PhaseResult[] = [];
  const acknowledged: number[] = [];
  const sentPairs = new Set<string>([`${probe.userId}:${probe.challengeId}`]);
  let healthProbes: number[] = [];
  let boards: SizeRun['boards'] = {};
  let freshness: SizeRun['freshness'] = { ok: false, detail: 'not run' };
  let memory: SizeRun['memory'] = { idleMB, peakRssMB: idleMB, hwmMB: idleMB };
  let lag: SizeRun['visibilityLagMs'] = null;
  try {
    await runWrk(server, files.warmup!, opts.warmupSeconds, 0, `${key}-warmup`);
    await runWrk(bare, files.health!, opts.warmupSeconds, 0, `${key}-bare-warmup`);
    bareRuns.push(toPhase('bare health', 'bare Bun.serve health', await runWrk(bare, files.health!, opts.seconds, 0, `${key}-bare-start`)));
    const plan: { name: string; endpoint: string; file: string; every: number; writes?: Member[] }[] = [
      { name: 'health', endpoint: 'GET /api/health', file: files.health!, every: 0 },
      { name: 'submit', endpoint: 'POST /api/challenges/:id/submit', file: files.submit!, every: 0, writes: writers.slice(0, submitPool) },
      ...LB_TYPES.map((t) => ({ name: `leaderboard ${t}`, endpoint: `GET /api/leaderboard?type=${t}`, file: files[`lb-${t}`]!, every: 0 })),
      { name: 'me', endpoint: 'GET /api/me', file: files.me!, every: 0 },
      { name: 'mixed 90/10', endpoint: 'reads + 10% submit', file: files.mixed!, every: 10, writes: writers.slice(submitPool) },
      { name: 'health (end)', endpoint: 'GET /api/health', file: files.health!, every: 0 },
    ];
    // Short health probes before every endpoint, the product's and bare Bun's: the machine is
    // shared (bare Bun alone moved 1.8× within one run), so each endpoint is compared with the
    // baselines measured next to it (mean of the probes before and after).
    const probeSeconds = Math.max(2, Math.round(opts.seconds / 3));
    const probes: number[] = [];
    let firstBaseline = 0;
    let healthCpuUs = 0;
    for (const [i, p] of plan.entries()) {
      if (i > 0) {
        const bareProbe = await runWrk(bare, files.health!, probeSeconds, 0, `${key}-bare-probe${i}`);
        bareRuns.push(toPhase('bare health', 'bare Bun.serve health', bareProbe));
      }
      if (i > 0 && i < plan.length - 1) {
        const probeRun = await runWrk(server, files.health!, probeSeconds, 0, `${key}-probe${i}`);
        probes.push(toPhase('probe', 'GET /api/health', probeRun).rps);
      }
      if (p.name === 'leaderboard today') boards = boardSizes(dbPath, today);
      // The submit run is shorter: each submission can be sent once, and at the default size the
      // pool of members without today's result lasts ~7,000 a second for that long.
      const seconds = p.name === 'submit' ? Math.min(opts.seconds, opts.submitSeconds) : opts.seconds;
      const r = await runWrk(server, p.file, seconds, p.every, `${key}-${p.name.replace(/\W+/g, '_')}`);
      const phase = toPhase(p.name, p.endpoint, r);
      if (p.writes) {
        const sent = p.writes.slice(0, r.out.sentWrites);
        for (const m of sent) sentPairs.add(`${m.userId}:${m.challengeId}`);
        acknowledged.push(...r.out.ids);
        phase.writes = { sent: r.out.sentWrites, acknowledged: r.out.ids.length, exhausted: r.out.writesExhausted };
      }
      if (i === 0) {
        firstBaseline = phase.rps;
        healthCpuUs = phase.cpuUsPerRequest;
      }
      phase.ratioToFirst = Math.round((phase.rps / firstBaseline) * 1000) / 1000;
      phase.cpuRatio = phase.cpuUsPerRequest ? Math.round((healthCpuUs / phase.cpuUsPerRequest) * 1000) / 1000 : null;
      phases.push(phase);
    }
    // Probe i was taken right before phase i (i = 1..n-2); the end health run closes the last bracket.
    for (let i = 0; i < phases.length; i++) {
      const before = i === 0 ? phases[0]!.rps : probes[i - 1]!;
      const after = i === 0 ? phases[0]!.rps : i < phases.length - 2 ? probes[i]! : phases[phases.length - 1]!.rps;
      const p = phases[i]!;
      p.ratio = i === 0 || i === phases.length - 1 ? 1 : Math.round((p.rps / ((before + after) / 2)) * 1000) / 1000;
      log(`  ${p.name.padEnd(20)} ${p.rps.toFixed(0).padStart(7)} req/s  ×${(p.ratio ?? 0).toFixed(2)} (×${p.ratioToFirst?.toFixed(2)} of first)  p50 ${p.latencyMs.p50} ms  p99 ${p.latencyMs.p99} ms  max ${p.latencyMs.max} ms  errors ${p.errors}  cpu ${p.cpuUsPerRequest} µs/req (${Math.round(p.serverCpuShare * 100)}% of a core)  rss ${p.rssMaxMB} MB`);
    }
    healthProbes = probes;
    bareRuns.push(toPhase('bare health', 'bare Bun.serve health', await runWrk(bare, files.health!, opts.seconds, 0, `${key}-bare-end`)));
    log(`  bare Bun.serve health ${bareRuns.map((b) => `${b.rps.toFixed(0)} req/s, ${b.cpuUsPerRequest} µs/req`).join(' → ')}`);
    // Phase i ran between bare runs i and i + 1.
    for (const [i, p] of phases.entries()) {
      const [before, after] = [bareRuns[i]!, bareRuns[i + 1]!];
      const bareRps = (before.rps + after.rps) / 2;
      const bareCpuUs = (before.cpuUsPerRequest + after.cpuUsPerRequest) / 2;
      p.ratioToBare = Math.round((p.rps / bareRps) * 1000) / 1000;
      p.cpuRatioToBare = p.cpuUsPerRequest ? Math.round((bareCpuUs / p.cpuUsPerRequest) * 1000) / 1000 : null;
    }
    await measureSameSize(bare, phases, bareRuns[bareRuns.length - 1]!, dir, key, Math.max(3, Math.round(opts.seconds / 2)));
    if (engine === 'postgres') {
      const second = await startServer(dbPath, `${key}-second`);
      try {
        lag = await visibilityLag(server, second, lagMembers);
        log(`  cross-instance visibility lag: p50 ${lag.p50} ms, p99 ${lag.p99} ms, max ${lag.max} ms (${lag.n} results)`);
      } finally {
        await stopServer(second);
      }
    }
  } finally {
    freshness = await freshnessCheck(server, probe).catch((e: unknown) => ({ ok: false, detail: String(e) }));
    memory = { idleMB, peakRssMB: Math.max(...phases.map((p) => p.rssMaxMB), memoryOf(server.pid).rssMB), hwmMB: memoryOf(server.pid).hwmMB };
    await stopServer(server);
    await stopServer(bare);
  }
  log(`  freshness: ${freshness.ok ? 'ok' : 'FAILED'} (${freshness.detail}); RSS idle ${memory.idleMB} MB, peak ${memory.peakRssMB} MB, HWM ${memory.hwmMB} MB`);

  let verification: VerifyResult | null = null;
  let postgresCheck: SizeRun['postgresCheck'] = null;
  if (opts.verify && engine === 'postgres') {
    postgresCheck = await checkPostgres(engineUrl!, acknowledged);
    log(`  PostgreSQL: ${postgresCheck.ok ? 'ok' : 'FAILED'} ${JSON.stringify(postgresCheck)}`);
  } else if (opts.verify) {
    log('  verifying…');
    verification = verify({
      path: dbPath,
      today,
      acknowledged,
      sentPairs,
      before,
      streakSample: 2000,
    });
    log(`  verification: ${verification.ok ? 'ok' : 'FAILED'} ${JSON.stringify(verification)}`);
  }
  return {
    key,
    size,
    generation,
    coldStartMs,
    profilesLoadedMs: profilesMs,
    phases,
    memory,
    boards,
    freshness,
    verification,
    pools: { readers: readers.length, writers: writers.length, submitPool, mixedPool: writers.length - submitPool },
    serverLog: serverLogOf(key),
    healthProbes,
    bareHealth: { rps: bareRuns.map((b) => b.rps), cpuUsPerRequest: bareRuns.map((b) => b.cpuUsPerRequest) },
    engine,
    visibilityLagMs: lag,
    postgresCheck,
  };
}

// ---------------------------------------------------------------- report
interface Goal {
  size: string;
  goal: string;
  actual: string;
  met: boolean;
}

/** The performance goals, as ratios to the bare `Bun.serve` health check of the same run. */
function goalsOf(run: SizeRun, scale: boolean): Goal[] {
  const g: Goal[] = [];
  const phase = (name: string) => run.phases.find((p) => p.name === name);
  const bare = (p: PhaseResult) => `${p.ratioToBare?.toFixed(2) ?? '–'}× (by CPU ${p.cpuRatioToBare?.toFixed(2) ?? '–'}×)`;
  const atLeast = (name: string, label: string, ratio: number) => {
    const p = phase(name);
    if (p) g.push({ size: run.key, goal: `${label} ≥ ${ratio.toFixed(2)}× bare health`, actual: bare(p), met: (p.ratioToBare ?? 0) >= ratio });
  };
  atLeast('health', '/api/health', 0.5);
  for (const t of LB_TYPES) {
    atLeast(`leaderboard ${t}`, `leaderboard ${t}`, 0.35);
    const p = phase(`leaderboard ${t}`);
    const p99Limit = scale ? 25 : 10;
    if (p) g.push({ size: run.key, goal: `leaderboard ${t} p99 ≤ ${p99Limit} ms`, actual: `${p.latencyMs.p99} ms`, met: p.latencyMs.p99 <= p99Limit });
  }
  atLeast('me', '/api/me', 0.3);
  const s = phase('submit');
  if (s) {
    const durable = run.verification
      ? run.verification.acknowledgedMissing === 0 && run.verification.duplicates === 0
      : run.postgresCheck
        ? run.postgresCheck.ok
        : null;
    atLeast('submit', 'submit', 0.15);
    g.push({ size: run.key, goal: 'submit p99 ≤ 20 ms', actual: `${s.latencyMs.p99} ms`, met: s.latencyMs.p99 <= 20 });
    g.push({ size: run.key, goal: 'submit errors = 0', actual: String(s.errors), met: s.errors === 0 && !s.writes?.exhausted });
    g.push({ size: run.key, goal: 'every 201 durable, no duplicates', actual: durable === null ? 'not verified' : durable ? 'yes' : 'NO', met: durable === true });
  }
  // The start-up goal is the default size's; the scale size's figure is stated with its run.
  if (!scale) g.push({ size: run.key, goal: 'cold start ≤ 1 s', actual: `${run.coldStartMs.median} ms`, met: run.coldStartMs.median <= 1000 });
  if (scale) g.push({ size: run.key, goal: 'RSS ≤ 400 MB', actual: `${run.memory.peakRssMB} MB`, met: run.memory.peakRssMB <= 400 });
  g.push({ size: run.key, goal: 'new result visible immediately', actual: run.freshness.ok ? 'yes' : 'NO', met: run.freshness.ok });
  if (run.verification) g.push({ size: run.key, goal: 'stored all-time figures = SQL sums, streaks = recount', actual: run.verification.ok ? 'yes' : 'NO', met: run.verification.ok });
  return g;
}

function machine() {
  const wrkVersion = spawnSync(['wrk', '-v']).stdout.toString().split('\n')[0]?.trim() ?? '';
  const sqlite = new Database(':memory:').query<{ v: string }, []>('select sqlite_version() as v').get()!.v;
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()}`,
    bun: Bun.version,
    sqlite,
    wrk: wrkVersion,
  };
}

/** The same processor, size and versions: the kernel's release string changes between hosts of one kind. */
function sameMachine(a: ReturnType<typeof machine>, b: ReturnType<typeof machine>): boolean {
  return a.cpu === b.cpu && a.cores === b.cores && a.memoryGB === b.memoryGB && a.bun === b.bun && a.sqlite === b.sqlite;
}

const sameSize = (p: PhaseResult) => (p.bareSameSize ? `${p.bareSameSize.ratio.toFixed(2)} (${p.bareSameSize.cpuRatio?.toFixed(2) ?? '–'}), ${p.bareSameSize.bodyBytes} B` : '–');

function markdown(runs: SizeRun[], m: ReturnType<typeof machine>): string {
  const out: string[] = [];
  out.push(`Machine: ${m.cpu}, ${m.cores} cores (shared), ${m.memoryGB} GB RAM; Bun ${m.bun}, SQLite ${m.sqlite}; wrk -t${opts.threads} -c${opts.connections}, ${opts.seconds} s per endpoint (submit ${Math.min(opts.seconds, opts.submitSeconds)} s), server and wrk on the same host (127.0.0.1)${Object.keys(opts.serverEnv).length ? `; server environment ${Object.entries(opts.serverEnv).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''}.`);
  for (const run of runs) {
    out.push('');
    out.push(`**${run.size.members.toLocaleString('en')} members × ${run.size.challenges} challenges × ${run.size.days} days** — ${run.generation.rows.submissions!.toLocaleString('en')} submissions, ${(run.generation.rows.all_time_rows ?? run.generation.rows.leaderboard_totals)!.toLocaleString('en')} members with all-time figures, ${(run.generation.fileBytes / 2 ** 20).toFixed(0)} MB; cold start ${run.coldStartMs.median} ms; RSS peak ${run.memory.peakRssMB} MB`);
    out.push('');
    out.push('| endpoint | req/s | × bare Bun | × bare Bun (CPU) | × bare Bun, same size (CPU) | × health | p50 ms | p99 ms | max ms | errors | server CPU µs/req |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const rps = (r: number) => Math.round(r).toLocaleString('en');
    const { rps: bare, cpuUsPerRequest: cpu } = run.bareHealth;
    const last = bare.length - 1;
    out.push(`| bare \`Bun.serve\` health (start → end; all ${bare.length} runs) | ${rps(bare[0]!)} → ${rps(bare[last]!)} (${rps(Math.min(...bare))}–${rps(Math.max(...bare))}) | 1 | 1 | – | – | | | | | ${cpu[0]} → ${cpu[last]} |`);
    for (const p of run.phases) {
      out.push(`| ${p.name.startsWith('health (end)') ? `${p.endpoint} (end)` : p.endpoint} | ${rps(p.rps)} | ${p.ratioToBare?.toFixed(2) ?? '–'} | ${p.cpuRatioToBare?.toFixed(2) ?? '–'} | ${sameSize(p)} | ${p.ratio?.toFixed(2) ?? '–'} | ${p.latencyMs.p50} | ${p.latencyMs.p99} | ${p.latencyMs.max} | ${p.errors} | ${p.cpuUsPerRequest} |`);
    }
    out.push('');
    out.push(`× bare Bun: req/s ÷ a bare \`Bun.serve\` health check (bench/bareHealth.ts) measured right before and after the endpoint (mean of the two); (CPU): its server CPU per request ÷ this endpoint's — the ratio a quiet machine would show. Same size: req/s (and CPU) ÷ bare \`Bun.serve\` sending a constant body as large as this endpoint's answer, with its size in bytes — the share of what the answer's size alone allows. × health: req/s ÷ the product's own GET /api/health measured right before and after.`);
  }
  return out.join('\n');
}

interface Growth {
  from: string;
  to: string;
  p50: [number, number];
  p99: [number, number];
  p99Growth: number;
  rps: [number, number];
}

function growthOf(runs: SizeRun[]): Record<string, Growth> | null {
  const small = runs.find((r) => r.size.members !== SCALE.members || r.size.days !== SCALE.days);
  const big = runs.find((r) => r.size.members === SCALE.members && r.size.days === SCALE.days);
  if (!small || !big) return null;
  const out: Record<string, Growth> = {};
  for (const t of LB_TYPES) {
    const a = small.phases.find((p) => p.name === `leaderboard ${t}`);
    const b = big.phases.find((p) => p.name === `leaderboard ${t}`);
    if (!a || !b) continue;
    out[t] = {
      from: small.key,
      to: big.key,
      p50: [a.latencyMs.p50, b.latencyMs.p50],
      p99: [a.latencyMs.p99, b.latencyMs.p99],
      p99Growth: Math.round((b.latencyMs.p99 / a.latencyMs.p99) * 100) / 100,
      rps: [a.rps, b.rps],
    };
  }
  return out;
}

// ---------------------------------------------------------------- main
async function main() {
  mkdirSync(DATA, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const t0 = performance.now();
  const sizes = [
    ...(opts.scaleOnly ? [] : [{ members: opts.members, challenges: opts.challenges, days: opts.days }]),
    ...(opts.scale ? [SCALE] : []),
  ];
  const runs: SizeRun[] = [];
  for (const size of sizes) {
    runs.push(await runSize(size));
    if (opts.engine === 'postgres') runs.push(await runSize(size, 'postgres'));
  }
  engineUrl = null;

  const date = new Date().toISOString().slice(0, 10);
  const file = join(RESULTS, `${date}.json`);
  const m = machine();
  // Runs of other sizes from earlier today stay in the file (e.g. `--scale-only` after the
  // default run) when they ran on the same kind of machine: the file names one machine.
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { machine?: ReturnType<typeof machine>; runs?: Record<string, SizeRun> }) : {};
  const earlier = before.machine && sameMachine(before.machine, m) ? before.runs ?? {} : {};
  const allRuns: Record<string, SizeRun> = { ...earlier, ...Object.fromEntries(runs.map((r) => [r.key, r])) };
  const goals = Object.values(allRuns).flatMap((r) => goalsOf(r, r.size.members === SCALE.members && r.size.days === SCALE.days));
  const result = {
    date: new Date().toISOString(),
    machine: m,
    load: { tool: 'wrk', threads: opts.threads, connections: opts.connections, secondsPerEndpoint: opts.seconds, submitSeconds: Math.min(opts.seconds, opts.submitSeconds), timeout: '2s', leaderboardLimit: LB_LIMIT, serverEnv: opts.serverEnv },
    runs: allRuns,
    leaderboardGrowth: growthOf(Object.values(allRuns)),
    goals,
    markdown: '',
  };
  result.markdown = markdown(Object.values(allRuns), m);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');

  // Console table
  for (const run of runs) {
    console.log(`\n${run.size.members.toLocaleString('en')} members × ${run.size.challenges} challenges × ${run.size.days} days (${run.generation.rows.submissions!.toLocaleString('en')} submissions)`);
    console.table(
      run.phases.map((p) => ({
        endpoint: p.endpoint,
        'req/s': Math.round(p.rps),
        '× bare': p.ratioToBare?.toFixed(2),
        '× bare CPU': p.cpuRatioToBare?.toFixed(2),
        '× same size': p.bareSameSize?.ratio.toFixed(2) ?? '',
        '× health': p.ratio?.toFixed(2),
        'CPU µs/req': p.cpuUsPerRequest,
        'p50 ms': p.latencyMs.p50,
        'p99 ms': p.latencyMs.p99,
        'max ms': p.latencyMs.max,
        errors: p.errors,
      })),
    );
    console.log(`cold start ${run.coldStartMs.median} ms (${run.coldStartMs.runs.join(', ')}), RSS idle ${run.memory.idleMB} MB / peak ${run.memory.peakRssMB} MB, verification ${run.verification ? (run.verification.ok ? 'ok' : 'FAILED') : 'skipped'}, freshness ${run.freshness.ok ? 'ok' : 'FAILED'}`);
  }
  if (result.leaderboardGrowth) {
    console.log('\nLeaderboard p99 growth default → scale:');
    console.table(Object.fromEntries(Object.entries(result.leaderboardGrowth).map(([t, g]) => [t, { 'p99 ms': `${g.p99[0]} → ${g.p99[1]}`, growth: `${g.p99Growth}×`, 'req/s': `${Math.round(g.rps[0])} → ${Math.round(g.rps[1])}` }])));
  }
  for (const pgRun of runs.filter((r) => r.engine === 'postgres')) {
    const lite = runs.find((r) => r.engine !== 'postgres' && r.size.members === pgRun.size.members && r.size.days === pgRun.size.days);
    if (!lite) continue;
    console.log(`\nSQLite vs PostgreSQL, ${pgRun.size.members.toLocaleString('en')} members × ${pgRun.size.days} days (same machine, same load):`);
    console.table(
      pgRun.phases.map((p) => {
        const q = lite.phases.find((x) => x.name === p.name);
        return {
          endpoint: p.name,
          'SQLite req/s': q ? Math.round(q.rps) : '–',
          'PG req/s': Math.round(p.rps),
          'PG ÷ SQLite': q ? (p.rps / q.rps).toFixed(2) : '–',
          'SQLite p99 ms': q?.latencyMs.p99 ?? '–',
          'PG p99 ms': p.latencyMs.p99,
          'PG errors': p.errors,
        };
      }),
    );
    if (pgRun.visibilityLagMs) console.log(`cross-instance visibility lag (PostgreSQL, two instances): p50 ${pgRun.visibilityLagMs.p50} ms, p99 ${pgRun.visibilityLagMs.p99} ms, max ${pgRun.visibilityLagMs.max} ms over ${pgRun.visibilityLagMs.n} results`);
    if (pgRun.postgresCheck) console.log(`PostgreSQL durability: ${pgRun.postgresCheck.acknowledged - pgRun.postgresCheck.missing}/${pgRun.postgresCheck.acknowledged} acknowledged submissions stored, ${pgRun.postgresCheck.duplicates} duplicates`);
  }
  console.log('\nGoals:');
  for (const g of goals) console.log(`  ${g.met ? '✓' : '✗'} [${g.size}] ${g.goal}: ${g.actual}`);
  console.log(`\nMarkdown:\n\n${result.markdown}\n`);
  console.log(`wrote ${file} in ${((performance.now() - t0) / 1000).toFixed(0)} s total`);
  const failedChecks = runs.some((r) => (r.verification && !r.verification.ok) || (r.postgresCheck && !r.postgresCheck.ok) || !r.freshness.ok);
  if (failedChecks) process.exitCode = 1;
}

await main();
