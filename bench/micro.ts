/**
 * In-process cost breakdown (no HTTP, no wrk): CPU µs per call of each endpoint through
 * app.handle(), of the services behind it, of the repository functions they call, and of the
 * same SQL through a cached bun:sqlite statement — to see where a request's time goes.
 *
 *   bun bench/micro.ts [--db bench/data/club-20000x10x180-s7.sqlite] [--ms 400] [--only <name part>]
 *   bun bench/micro.ts --pragma 'mmap_size=1073741824' --pragma 'cache_size=-65536'   (try settings)
 *   bun --cpu-prof --cpu-prof-md bench/micro.ts --only 'GET /api/leaderboard' --ms 3000   (profile one path)
 *
 * Works on a copy of the database (submit writes), bench/data/micro.sqlite.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signInitData, validateInitData } from '../server/auth/initData';
import { parseConfig } from '../server/config';
import { findChallenge } from '../server/db/repositories/challenges';
import { rankedFigures } from '../server/db/repositories/leaderboard';
import { findMembership, membershipsOfUser } from '../server/db/repositories/memberships';
import { submissionsOf, totalsInRange } from '../server/db/repositories/submissions';
import { findUserByTelegramId } from '../server/db/repositories/users';
import { addDays, clubDay } from '../server/domain/clubTime';
import { periodOf } from '../server/domain/periods';
import { silentLogger } from '../server/log';
import { createRuntime } from '../server/runtime';

const ROOT = resolve(import.meta.dir, '..');
const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const source = resolve(arg('db', join(ROOT, 'bench/data/club-20000x10x180-s7.sqlite')));
const budgetMs = Number(arg('ms', '400'));
if (!existsSync(source)) throw new Error(`no database at ${source}; run bun run bench first`);
const copy = join(ROOT, 'bench/data/micro.sqlite');
for (const s of ['', '-wal', '-shm']) if (existsSync(copy + s)) rmSync(copy + s);
copyFileSync(source, copy);

const TOKEN = '424242424:BENCH-qadam_club_benchmark_token_only';
const TZ = process.env.CLUB_TIMEZONE ?? 'Asia/Tashkent';
const rt = createRuntime(
  parseConfig({ BOT_TOKEN: TOKEN, DATABASE_PATH: copy, CLUB_TIMEZONE: TZ, RATE_LIMIT_IP: '0', RATE_LIMIT_READS: '0', RATE_LIMIT_WRITES: '0', LOG_LEVEL: 'silent' }),
  { log: silentLogger },
);
const { sqlite, db } = rt.database!; // the micro-benchmark measures the SQLite engine
// --pragma "cache_size=-65536" (repeatable): try connection settings the server does not use yet.
argv.forEach((a, i) => {
  if (a === '--pragma' && argv[i + 1]) {
    sqlite.run(`PRAGMA ${argv[i + 1]}`);
    console.log(`PRAGMA ${argv[i + 1]}`);
  }
});
const today = clubDay(new Date(), TZ);

// Members of the largest challenge, spread over the ranking (top, middle, bottom of 'all').
type M = { userId: number; telegramId: number; firstName: string; challengeId: number };
const members = sqlite
  .query<M, []>(
    `SELECT u.id AS userId, u.telegram_id AS telegramId, u.first_name AS firstName, uc.challenge_id AS challengeId
     FROM user_challenges uc JOIN users u ON u.id = uc.user_id
     WHERE uc.is_member = 1 AND u.is_banned = 0 AND u.display_name IS NOT NULL ORDER BY random() LIMIT 2000`,
  )
  .all();
const writers = sqlite
  .query<M, [string]>(
    `SELECT u.id AS userId, u.telegram_id AS telegramId, u.first_name AS firstName, uc.challenge_id AS challengeId
     FROM user_challenges uc JOIN users u ON u.id = uc.user_id
     WHERE uc.is_member = 1 AND u.is_banned = 0 AND u.display_name IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.user_id = uc.user_id AND s.challenge_id = uc.challenge_id AND s.day = ?)
     ORDER BY random() LIMIT 20000`,
  )
  .all(today);
const auth = new Map(members.concat(writers).map((m) => [m.telegramId, `tma ${signInitData(TOKEN, { id: m.telegramId, first_name: m.firstName }, { authDate: new Date() })}`]));

const rows: { name: string; us: number; n: number }[] = [];
const only = argv.includes('--only') ? arg('only', '') : '';
async function measure(name: string, fn: (i: number) => unknown | Promise<unknown>) {
  if (only && !name.includes(only)) return;
  // warm up (JIT) for a quarter of the budget
  const w0 = performance.now();
  for (let i = 0; performance.now() - w0 < budgetMs / 4; i++) await fn(i);
  // CPU time, not wall time: the machine is shared, and waiting for a core is not our cost.
  const c0 = process.cpuUsage();
  let n = 0;
  let spent = 0;
  while (spent < budgetMs * 1000) {
    await fn(n++);
    if (n % 8 === 0) {
      const c = process.cpuUsage(c0);
      spent = c.user + c.system;
    }
  }
  const c = process.cpuUsage(c0);
  const us = (c.user + c.system) / n;
  rows.push({ name, us: Math.round(us * 10) / 10, n });
  console.log(`${name.padEnd(58)} ${us.toFixed(1).padStart(9)} µs CPU  (${n} calls)`);
}
const pick = (i: number) => members[i % members.length]!;
const req = (path: string, m: M, init: RequestInit = {}) =>
  rt.app.handle(new Request(`http://127.0.0.1${path}`, { ...init, headers: { authorization: auth.get(m.telegramId)!, 'content-type': 'application/json' } }));

console.log(`database ${source} (copy), today ${today}`);

// Every profile into memory first, as the server does after start-up; what it costs to hold.
Bun.gc(true);
const heapBefore = process.memoryUsage().heapUsed;
const loadStarted = performance.now();
const loaded = await rt.services.readModel.profiles.loadAll(() => today, { pause: async () => {} });
const loadMs = performance.now() - loadStarted;
Bun.gc(true);
const heldMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
const held = rt.services.readModel.profiles.stats();
console.log(
  `profiles held: ${loaded} members, ${held.challenges} challenges, ${held.results} results in ${loadMs.toFixed(0)} ms; ` +
    `heap +${heldMB.toFixed(1)} MB (${((heldMB / loaded) * 100_000).toFixed(0)} MB per 100k members)`,
);
console.log('\n-- through app.handle (no socket) --');
await measure('GET /api/health', () => rt.app.handle(new Request('http://127.0.0.1/api/health')).then((r) => r.arrayBuffer()));
for (const type of ['today', 'weekly', 'monthly', 'all']) {
  await measure(`GET /api/leaderboard type=${type} limit=50`, (i) => {
    const m = pick(i);
    return req(`/api/leaderboard?challengeId=${m.challengeId}&type=${type}&limit=50`, m).then((r) => r.arrayBuffer());
  });
}
await measure('GET /api/me', (i) => req('/api/me', pick(i)).then((r) => r.arrayBuffer()));
let w = 0;
await measure('POST /api/challenges/:id/submit', async () => {
  const m = writers[w++ % writers.length]!;
  const r = await req(`/api/challenges/${m.challengeId}/submit`, m, { method: 'POST', body: '{"value":5}' });
  if (r.status !== 201 && w <= writers.length) throw new Error(`submit ${r.status} ${await r.text()}`);
});

console.log('\n-- auth --');
await measure('validateInitData', (i) => validateInitData(auth.get(pick(i).telegramId)!.slice(4), TOKEN, 86400, new Date()));

console.log('\n-- services --');
for (const type of ['today', 'weekly', 'monthly', 'all'] as const) {
  await measure(`leaderboardForMember ${type}`, (i) => {
    const m = pick(i);
    return rt.services.leaderboard.leaderboardForMember(m.telegramId, { challengeId: m.challengeId, type, limit: 50 });
  });
}
await measure('members.profile', (i) => rt.services.members.profile(pick(i).telegramId));

console.log('\n-- repository functions (drizzle) --');
await measure('findUserByTelegramId', (i) => findUserByTelegramId(db, pick(i).telegramId));
await measure('findChallenge', (i) => findChallenge(db, pick(i).challengeId));
await measure('findMembership', (i) => findMembership(db, pick(i).userId, pick(i).challengeId));
for (const type of ['today', 'weekly', 'monthly', 'all'] as const) {
  const period = periodOf(type, today);
  await measure(`rankedFigures ${type} (a board load)`, (i) => rankedFigures(db, pick(i).challengeId, period));
  await measure(`board top 50 + rank ${type} (in memory)`, (i) => rt.services.readModel.standings(pick(i).challengeId, period, 50, pick(i).userId));
}
await measure('membershipsOfUser', (i) => membershipsOfUser(db, pick(i).userId, { currentOnly: true }));
await measure('submissionsOf (84 days)', (i) => submissionsOf(db, pick(i).userId, pick(i).challengeId, addDays(today, -83)));
await measure('totalsInRange (all time)', (i) => totalsInRange(db, pick(i).userId, pick(i).challengeId, null, null));

console.log('\n-- the same SQL on a cached bun:sqlite statement --');
const byTg = sqlite.query('SELECT * FROM users WHERE telegram_id = ?');
await measure('users by telegram_id', (i) => byTg.get(pick(i).telegramId));
const ch = sqlite.query('SELECT * FROM challenges WHERE id = ?');
await measure('challenge by id', (i) => ch.get(pick(i).challengeId));
// The all-time figures are stored in the membership rows; a day, week or month is summed (rankedFigures above).
const eligibleAllTime = `FROM user_challenges uc JOIN users u ON u.id = uc.user_id WHERE uc.challenge_id = ?1 AND uc.days > 0 AND uc.is_member = 1 AND u.is_banned = 0`;
const top = sqlite.query(
  `SELECT uc.user_id, coalesce(u.display_name, u.first_name) AS name, uc.total, uc.days, uc.last_at ${eligibleAllTime}
   ORDER BY uc.total DESC, uc.days DESC, uc.last_at ASC, uc.user_id ASC LIMIT 50`,
);
const mine = sqlite.query('SELECT total, days, last_at FROM user_challenges WHERE challenge_id = ? AND user_id = ? AND days > 0');
const ahead = sqlite.query(
  `SELECT count(*) AS n ${eligibleAllTime}
   AND (uc.total > ?2 OR (uc.total = ?2 AND (uc.days > ?3 OR (uc.days = ?3 AND (uc.last_at < ?4 OR (uc.last_at = ?4 AND uc.user_id < ?5))))))`,
);
await measure('top 50 all', (i) => top.all(pick(i).challengeId));
await measure('rank all (own row + count ahead)', (i) => {
  const m = pick(i);
  const r = mine.get(m.challengeId, m.userId) as { total: number; days: number; last_at: number } | null;
  return r ? ahead.get(m.challengeId, r.total, r.days, r.last_at, m.userId) : null;
});
const participants = sqlite.query(
  `SELECT count(*) FROM user_challenges uc JOIN users u ON u.id = uc.user_id WHERE uc.challenge_id = ? AND uc.is_member = 1 AND u.is_banned = 0`,
);
await measure('participants count (join users)', (i) => participants.get(pick(i).challengeId));
const participantsIdx = sqlite.query(`SELECT count(*) FROM user_challenges WHERE challenge_id = ? AND is_member = 1`);
await measure('participants count (index only, no ban check)', (i) => participantsIdx.get(pick(i).challengeId));

await rt.closeStore();
for (const s of ['', '-wal', '-shm']) if (existsSync(copy + s)) rmSync(copy + s);
if (argv.includes('--json')) console.log(JSON.stringify(rows));
