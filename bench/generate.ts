/**
 * Synthetic club generator: writes a fresh SQLite file through the project's own openDatabase
 * (so the schema is exactly what the migrations produce), bulk-inserts users, challenges,
 * memberships (with streaks computed the way the domain computes them) and submissions, then
 * derives the memberships' all-time figures from the submissions with an UPDATE … FROM
 * aggregate, so the maintained figures are consistent by construction.
 *
 * The data ends yesterday (club day in CLUB_TIMEZONE): today is free for the submit benchmark.
 * Challenges have no time window and no reminder time, so neither a closed window nor a reminder
 * burst (the bot's sends) interferes with the measurement.
 *
 * Usage: bun bench/generate.ts --out bench/data/club.sqlite [--members N --challenges C --days D --seed S]
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'bun:sqlite';
import { openDatabase } from '../server/db/client';
import { seededRandom } from '../tests/helpers/random';
import { addDays, clubDay, localDateTime } from '../server/domain/clubTime';
import { lastClosedPeriod } from '../server/domain/schedule';

export interface GenerateOptions {
  path: string;
  members: number;
  challenges: number;
  days: number;
  seed: number;
  timeZone: string;
  /** Mean share of members active on a given day (default 0.4). */
  participation: number;
  log?: (line: string) => void;
}

export interface GenerateResult {
  path: string;
  today: string;
  firstDay: string;
  lastDay: string;
  rows: Record<string, number>;
  fileBytes: number;
  seconds: number;
  phases: Record<string, number>;
}

// ---------- the club's challenges ----------

interface ChallengeTemplate {
  title: string;
  unit: string;
  emoji: string;
  target: number | null;
  min: number;
  max: number;
  /** typical value for an average member, and whether values carry one decimal */
  typical: number;
  decimals: 0 | 1;
}

const TEMPLATES: ChallengeTemplate[] = [
  { title: 'Daily steps', unit: 'steps', emoji: '🚶', target: 10000, min: 0, max: 100000, typical: 9000, decimals: 0 },
  { title: 'Push-ups', unit: 'reps', emoji: '💪', target: 50, min: 0, max: 2000, typical: 45, decimals: 0 },
  { title: 'Running', unit: 'km', emoji: '🏃', target: null, min: 0, max: 100, typical: 5, decimals: 1 },
  { title: 'Reading', unit: 'pages', emoji: '📚', target: 20, min: 0, max: 1000, typical: 25, decimals: 0 },
  { title: 'Water', unit: 'l', emoji: '💧', target: 2, min: 0, max: 10, typical: 2, decimals: 1 },
  { title: 'Plank', unit: 'min', emoji: '🧘', target: 3, min: 0, max: 60, typical: 3, decimals: 1 },
  { title: 'Sleep', unit: 'h', emoji: '😴', target: 7, min: 0, max: 16, typical: 7, decimals: 1 },
  { title: 'Meditation', unit: 'min', emoji: '🕊️', target: 10, min: 0, max: 300, typical: 12, decimals: 0 },
  { title: 'Cycling', unit: 'km', emoji: '🚴', target: null, min: 0, max: 300, typical: 15, decimals: 1 },
  { title: 'Squats', unit: 'reps', emoji: '🏋️', target: 50, min: 0, max: 2000, typical: 50, decimals: 0 },
];

const FIRST_NAMES = ['Aziza', 'Bekzod', 'Dilnoza', 'Jasur', 'Malika', 'Otabek', 'Sardor', 'Zarina', 'Nodira', 'Rustam', 'Kamola', 'Timur', 'Gulnora', 'Sherzod', 'Madina', 'Ulugbek', 'Feruza', 'Anvar', 'Shahnoza', 'Javlon'];
const LAST_NAMES = ['Karimov', 'Yusupova', 'Rahimov', 'Tursunova', 'Aliyev', 'Nazarova', 'Ismoilov', 'Saidova', 'Qodirov', 'Ergasheva'];

/** Base Telegram id of generated members: member i (1-based) has telegram id BASE + i. */
export const TELEGRAM_ID_BASE = 5_000_000_000;

// ---------- bulk insertion ----------

/** Multi-row INSERT with a prepared statement for full batches. */
class Bulk {
  private buf: (number | string | null)[] = [];
  private readonly full;
  private count = 0;
  constructor(
    private readonly sqlite: Database,
    private readonly table: string,
    private readonly columns: string[],
    private readonly rowsPerStatement = 400,
  ) {
    this.full = sqlite.prepare(this.sql(rowsPerStatement));
  }
  private sql(rows: number): string {
    const tuple = `(${this.columns.map(() => '?').join(',')})`;
    return `INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}`;
  }
  push(...values: (number | string | null)[]): void {
    for (const v of values) this.buf.push(v);
    if (this.buf.length === this.columns.length * this.rowsPerStatement) {
      this.full.run(...this.buf);
      this.buf = [];
    }
    this.count++;
  }
  flush(): number {
    if (this.buf.length) {
      const last = this.sqlite.prepare(this.sql(this.buf.length / this.columns.length));
      last.run(...this.buf);
      last.finalize();
      this.buf = [];
    }
    // An unfinalized statement would keep the connection (and its lock) alive after close().
    this.full.finalize();
    return this.count;
  }
}

/** ms offset of the zone at an instant (local wall time − UTC). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const asUtc = Date.parse(`${local.day}T00:00:00Z`) + local.secondOfDay * 1000;
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Epoch ms of local midnight of `day` in the zone. */
function localMidnightMs(day: string, timeZone: string): number {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  return Date.parse(`${day}T00:00:00Z`) - zoneOffsetMs(noonUtc, timeZone);
}

function indexSqlOf(sqlite: Database, table: string): { name: string; sql: string }[] {
  return sqlite
    .query<{ name: string; sql: string }, [string]>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table);
}

export function generate(opts: GenerateOptions): GenerateResult {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    phases[name] = Math.round(t - mark) / 1000;
    mark = t;
    log(`  generate: ${name} ${phases[name]!.toFixed(1)} s`);
  };

  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(opts.path + suffix)) rmSync(opts.path + suffix);
  }
  const rand = seededRandom(opts.seed);
  const today = clubDay(new Date(), opts.timeZone);
  const D = opts.days;
  const dayKeys: string[] = [];
  for (let i = 0; i < D; i++) dayKeys.push(addDays(today, i - D));
  const midnights = dayKeys.map((d) => localMidnightMs(d, opts.timeZone));
  const createdBase = midnights[0]! - 7 * 86_400_000;

  // The project's own migrations build the schema.
  const database = openDatabase(opts.path);
  const { sqlite } = database;
  // Bulk-load settings (the server re-applies its own pragmas when it opens the file).
  sqlite.run('PRAGMA journal_mode = OFF');
  sqlite.run('PRAGMA synchronous = OFF');
  sqlite.run('PRAGMA foreign_keys = OFF');
  sqlite.run('PRAGMA cache_size = -1048576');
  sqlite.run('PRAGMA temp_store = MEMORY');

  // Secondary indexes are rebuilt after loading (sorting once beats updating per row).
  const deferred = indexSqlOf(sqlite, 'submissions').filter(
    (i) => i.name !== 'submissions_user_challenge_day_uq', // rows arrive in its order anyway
  );
  for (const i of deferred) sqlite.run(`DROP INDEX ${i.name}`);
  phase('schema');

  // ---- challenges ----
  const C = opts.challenges;
  const challengeIds: number[] = [];
  const tmpl: ChallengeTemplate[] = [];
  sqlite.transaction(() => {
    const ins = sqlite.prepare(
      `INSERT INTO challenges (title, description, emoji, unit, target, min_value, max_value, window_start, window_end, reminder_time, is_active, start_date, end_date, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 1, NULL, NULL, ?, ?) RETURNING id`,
    );
    for (let c = 0; c < C; c++) {
      const t = TEMPLATES[c % TEMPLATES.length]!;
      const round = Math.floor(c / TEMPLATES.length);
      const title = round ? `${t.title} #${round + 1}` : t.title;
      const row = ins.get(title, `${t.title}: log your ${t.unit} every day`, t.emoji, t.unit, t.target, t.min, t.max, createdBase, createdBase) as { id: number };
      challengeIds.push(row.id);
      tmpl.push(t);
    }
    ins.finalize();
  })();
  // Mild popularity skew: the first challenges attract more members.
  const weights = challengeIds.map((_, i) => 1 / (1 + 0.12 * i));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const pickChallenge = (): number => {
    let r = rand() * weightSum;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return i;
    }
    return weights.length - 1;
  };
  phase('challenges');

  // ---- users, memberships, submissions (one pass, user by user) ----
  const userCols = ['id', 'telegram_id', 'first_name', 'last_name', 'username', 'language_code', 'language', 'display_name', 'registered_at', 'is_banned', 'ban_reason', 'reminders_enabled', 'unreachable', 'last_active_at', 'created_at'];
  const ucCols = ['user_id', 'challenge_id', 'is_member', 'joined_at', 'left_at', 'current_streak', 'best_streak', 'last_counted_day'];
  const subCols = ['user_id', 'challenge_id', 'day', 'value', 'created_at'];
  const usersBulk = new Bulk(sqlite, 'users', userCols, 60);
  const ucBulk = new Bulk(sqlite, 'user_challenges', ucCols, 120);
  const subBulk = new Bulk(sqlite, 'submissions', subCols, 190);

  const N = opts.members;
  const active = new Uint8Array(D);
  const langs = ['uz', 'ru', 'en'] as const;
  const p = opts.participation;
  let inTx = false;
  const begin = () => {
    sqlite.run('BEGIN');
    inTx = true;
  };
  const commit = () => {
    if (inTx) sqlite.run('COMMIT');
    inTx = false;
  };
  begin();
  for (let u = 1; u <= N; u++) {
    if (u % 20000 === 0) {
      commit();
      begin();
    }
    const first = FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]!;
    const last = LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)]!;
    const lang = langs[Math.floor(rand() * 3)]!;
    const registered = rand() >= 0.01; // 1% opened the bot but never registered
    const banned = registered && rand() < 0.002;
    // When the member joined: 60% from the first day, the others later.
    const joinDay = rand() < 0.6 ? 0 : Math.floor(rand() * D * 0.8);
    const createdAt = joinDay === 0 ? createdBase + u : midnights[joinDay]! + 8 * 3600_000 + Math.floor(rand() * 3600_000);
    let lastActive: number | null = registered ? createdAt : null;

    if (registered) {
      // How often this member shows up: regulars, casuals and rare visitors (mean ≈ p).
      const kind = rand();
      const pu = Math.min(
        0.97,
        (kind < 0.3 ? 0.6 + rand() * 0.35 : kind < 0.7 ? 0.2 + rand() * 0.3 : 0.02 + rand() * 0.13) * (p / 0.4),
      );
      // Markov chain with stationary probability pu: activity comes in runs (streaks).
      const stay = pu + (1 - pu) * 0.5;
      const enter = 0.5 * pu;
      let on = rand() < pu;
      for (let d = 0; d < D; d++) {
        on = rand() < (on ? stay : enter);
        active[d] = d >= joinDay && on ? 1 : 0;
      }
      const ability = Math.exp((rand() - 0.5) * 0.9);
      // 2–3 distinct challenges (all of them if the club has fewer).
      const want = Math.min(C, rand() < 0.5 ? 2 : 3);
      const picked = new Set<number>();
      while (picked.size < want) picked.add(pickChallenge());
      for (const ci of [...picked].sort((a, b) => a - b)) {
        const t = tmpl[ci]!;
        const cid = challengeIds[ci]!;
        const left = rand() < 0.01;
        const leftDay = left ? joinDay + Math.floor(rand() * (D - joinDay)) : D;
        let cur = 0;
        let best = 0;
        let lastCounted = -2;
        for (let d = joinDay; d < leftDay; d++) {
          if (!active[d] || rand() >= 0.85) continue;
          let v = t.typical * ability * (0.6 + rand() * 0.8);
          v = Math.min(t.max, Math.max(t.min, t.decimals ? Math.round(v * 10) / 10 : Math.round(v)));
          const at = midnights[d]! + (7 + Math.floor(rand() * 15)) * 3600_000 + Math.floor(rand() * 3600_000);
          subBulk.push(u, cid, dayKeys[d]!, v, at);
          if (at > lastActive!) lastActive = at;
          // the domain's streak rule: consecutive club days whose value reached the target
          if (t.target === null || v >= t.target) {
            cur = lastCounted === d - 1 ? cur + 1 : 1;
            if (cur > best) best = cur;
            lastCounted = d;
          }
        }
        const leftAt = left ? midnights[Math.min(leftDay, D - 1)]! + 12 * 3600_000 : null;
        // The nightly rollover has stored 0 for streaks whose last counted day is before yesterday.
        if (lastCounted < D - 1) cur = 0;
        ucBulk.push(u, cid, left ? 0 : 1, createdAt, leftAt, cur, best, lastCounted >= 0 ? dayKeys[lastCounted]! : null);
      }
    }
    usersBulk.push(
      u,
      TELEGRAM_ID_BASE + u,
      first,
      last,
      rand() < 0.5 ? `${first.toLowerCase()}_${u}` : null,
      lang,
      lang,
      registered ? `${first} ${last[0]}.` : null,
      registered ? createdAt : null,
      banned ? 1 : 0,
      banned ? 'spam' : null,
      1,
      0,
      lastActive,
      createdAt,
    );
  }
  const rows: Record<string, number> = {
    challenges: C,
    users: usersBulk.flush(),
    user_challenges: ucBulk.flush(),
    submissions: subBulk.flush(),
  };
  commit();
  phase('users+memberships+submissions');


  // ---- the memberships' all-time figures from the submissions themselves ----
  // Only the all-time figures are stored (domain/periods.ts isStoredKind): days, weeks and
  // months are summed from the submissions when a board is read.
  sqlite.transaction(() => {
    sqlite.run(`UPDATE user_challenges SET total = s.total, days = s.days, last_at = s.last_at
      FROM (SELECT user_id, challenge_id, round(sum(value), 6) AS total, count(*) AS days, max(created_at) AS last_at
            FROM submissions GROUP BY user_id, challenge_id) s
      WHERE s.user_id = user_challenges.user_id AND s.challenge_id = user_challenges.challenge_id`);
  })();
  phase('all-time figures');
  // challenges.participants mirrors recountParticipants(): current, non-banned members.
  sqlite.run(`UPDATE challenges SET participants = (
    SELECT count(*) FROM user_challenges uc JOIN users u ON u.id = uc.user_id
    WHERE uc.challenge_id = challenges.id AND uc.is_member = 1 AND u.is_banned = 0)`);
  phase('participants');

  for (const i of deferred.filter((x) => x.sql.includes('`submissions`'))) sqlite.run(i.sql);
  phase('submissions indexes');

  // ---- what the scheduled jobs of a running club have left behind ----
  // Every past week and month is closed (full rankings in weekly_/monthly_results) and its
  // winners announced, and every past day rolled over: the server's start-up catch-up finds
  // nothing to do, as on a club that has been running all along.
  const closedAt = Date.now();
  const lastWeek = lastClosedPeriod('weekly', today);
  const lastMonth = lastClosedPeriod('monthly', today);
  sqlite.transaction(() => {
    for (const [table, key, last, job] of [
      ['weekly_results', `date(s.day, '-6 days', 'weekday 1')`, lastWeek, 'weekly'],
      ['monthly_results', 'substr(s.day, 1, 7)', lastMonth, 'monthly'],
    ] as const) {
      sqlite.run(
        `INSERT INTO ${table} (challenge_id, period, rank, user_id, total, days, created_at)
         SELECT challenge_id, k,
           row_number() OVER (PARTITION BY challenge_id, k ORDER BY total DESC, days DESC, last_at ASC, user_id ASC),
           user_id, total, days, ?
         FROM (SELECT s.challenge_id, ${key} AS k, s.user_id, round(sum(s.value), 6) AS total, count(*) AS days, max(s.created_at) AS last_at
           FROM submissions s JOIN user_challenges uc ON uc.user_id = s.user_id AND uc.challenge_id = s.challenge_id
           JOIN users u ON u.id = s.user_id
           WHERE uc.is_member = 1 AND u.is_banned = 0 GROUP BY s.challenge_id, k, s.user_id)
         WHERE k <= ?`,
        [closedAt, last],
      );
      sqlite.run(
        `INSERT INTO job_runs (job, period_key, ran_at, summary)
         SELECT '${job}-results', period, ?, NULL FROM ${table} GROUP BY period`,
        [closedAt],
      );
      sqlite.run(
        `INSERT INTO job_runs (job, period_key, ran_at, summary)
         SELECT '${job}-announce', period || ':' || challenge_id, ?, 'sent' FROM ${table} WHERE rank = 1`,
        [closedAt],
      );
    }
    const rollover = sqlite.prepare(`INSERT INTO job_runs (job, period_key, ran_at, summary) VALUES ('daily-rollover', ?, ?, NULL)`);
    for (let d = 0; d < D; d++) rollover.run(dayKeys[d]!, midnights[d]! + 60_000);
    rollover.finalize();
  })();
  rows.weekly_results = sqlite.query<{ n: number }, []>('SELECT count(*) AS n FROM weekly_results').get()!.n;
  rows.monthly_results = sqlite.query<{ n: number }, []>('SELECT count(*) AS n FROM monthly_results').get()!.n;
  phase('closed weeks and months');

  // What the members already earned, as a club that ran before badges is credited when they
  // arrive: the same statements as that migration, now that the history exists.
  // Statistics first, as the server gathers them at start-up (db/client.ts): without them the
  // backfill's per-membership reads scan a whole challenge each (minutes instead of a second).
  sqlite.run('PRAGMA analysis_limit = 1000');
  sqlite.run('ANALYZE');
  const backfill = readFileSync(join(import.meta.dir, '..', 'drizzle', '0010_badges_backfill.sql'), 'utf8');
  sqlite.transaction(() => {
    for (const statement of backfill.split('--> statement-breakpoint')) sqlite.run(statement);
  })();
  rows.badges = sqlite.query<{ n: number }, []>('SELECT count(*) AS n FROM badges').get()!.n;
  phase('badges and best values');

  rows.all_time_rows = sqlite.query<{ n: number }, []>('SELECT count(*) AS n FROM user_challenges WHERE days > 0').get()!.n;
  sqlite.run('PRAGMA journal_mode = WAL');
  database.close(); // runs PRAGMA optimize, as the server does when it stops
  phase('close');

  return {
    path: opts.path,
    today,
    firstDay: dayKeys[0]!,
    lastDay: dayKeys[D - 1]!,
    rows,
    fileBytes: statSync(opts.path).size,
    seconds: Math.round(performance.now() - started) / 1000,
    phases,
  };
}

// ---------- CLI ----------
if (import.meta.main) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
  };
  const result = generate({
    path: flag('out', 'bench/data/club.sqlite'),
    members: Number(flag('members', '20000')),
    challenges: Number(flag('challenges', '10')),
    days: Number(flag('days', '180')),
    seed: Number(flag('seed', '7')),
    participation: Number(flag('participation', '0.4')),
    timeZone: process.env.CLUB_TIMEZONE ?? 'Asia/Tashkent',
  });
  console.log(JSON.stringify(result, null, 2));
}
