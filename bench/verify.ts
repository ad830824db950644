/**
 * Correctness checks on a benchmarked database (run after the server stopped):
 * - every submission acknowledged with 201 is stored, for today, by a member we sent it for;
 * - no duplicate (member, challenge, day);
 * - every stored all-time row equals a direct SQL aggregate over the submissions, none is
 *   missing, and no day, week or month row is stored (those boards are summed when read);
 * - `eligible` equals "member and not banned";
 * - streaks of a sample of memberships equal a recomputation from their submissions.
 */
import { Database } from 'bun:sqlite';
import { recomputeStreak, visibleCurrent } from '../server/domain/streak';

export interface VerifyInput {
  path: string;
  today: string;
  /** submission ids from 201 responses */
  acknowledged: number[];
  /** "userId:challengeId" pairs we sent a submit for today */
  sentPairs: Set<string>;
  /** pairs that already had today's result before the run (an earlier run on a reused database) */
  before: Set<string>;
  streakSample: number;
}

export interface VerifyResult {
  ok: boolean;
  acknowledged: number;
  acknowledgedMissing: number;
  storedToday: number;
  storedTodayNotSent: number;
  duplicates: number;
  totals: Record<string, { expected: number; stored: number; mismatched: number }>;
  streaksChecked: number;
  streaksMismatched: number;
  seconds: number;
}

export function verify(input: VerifyInput): VerifyResult {
  const started = performance.now();
  const db = new Database(input.path, { readonly: true, strict: true });
  db.run('PRAGMA cache_size = -1048576');
  db.run('PRAGMA temp_store = MEMORY');

  // 201s are durable: every acknowledged id is stored, today.
  let acknowledgedMissing = 0;
  const byId = db.prepare<{ day: string; user_id: number; challenge_id: number }, [number]>(
    'SELECT day, user_id, challenge_id FROM submissions WHERE id = ?',
  );
  for (const id of input.acknowledged) {
    const row = byId.get(id);
    if (!row || row.day !== input.today || !input.sentPairs.has(`${row.user_id}:${row.challenge_id}`)) acknowledgedMissing++;
  }
  const todays = db
    .query<{ user_id: number; challenge_id: number }, [string]>('SELECT user_id, challenge_id FROM submissions WHERE day = ?')
    .all(input.today);
  const storedTodayNotSent = todays.filter((r) => {
    const pair = `${r.user_id}:${r.challenge_id}`;
    return !input.sentPairs.has(pair) && !input.before.has(pair);
  }).length;

  const duplicates = db
    .query<{ n: number }, []>(
      'SELECT count(*) AS n FROM (SELECT 1 FROM submissions GROUP BY user_id, challenge_id, day HAVING count(*) > 1)',
    )
    .get()!.n;

  // The memberships' all-time figures against direct aggregates, both ways (a membership with
  // figures but no results, or results but other figures, counts as a mismatch). A day, week or
  // month stores nothing: it is summed when read, and the benchmark's freshness check reads a
  // new result back from all four boards.
  const totals: VerifyResult['totals'] = {};
  {
    const row = db
      .query<{ expected: number; stored: number; mismatched: number }, []>(
        `WITH e AS (SELECT challenge_id AS c, user_id AS u, sum(value) AS total, count(*) AS days,
                      max(created_at) AS last_at FROM submissions GROUP BY c, u)
         SELECT count(e.u) AS expected, sum(uc.days > 0) AS stored,
           coalesce(sum(CASE WHEN e.u IS NULL THEN uc.days <> 0 OR uc.total <> 0 OR uc.last_at IS NOT NULL
             ELSE abs(uc.total - e.total) > 1e-6 * max(1, abs(e.total)) OR uc.days <> e.days OR uc.last_at IS NOT e.last_at END), 0) AS mismatched
         FROM user_challenges uc LEFT JOIN e ON e.c = uc.challenge_id AND e.u = uc.user_id`,
      )
      .get()!;
    // Results of a member with no membership row would be on no board at all.
    const orphans = db
      .query<{ n: number }, []>(
        `SELECT count(*) AS n FROM (SELECT DISTINCT user_id, challenge_id FROM submissions) s
         WHERE NOT EXISTS (SELECT 1 FROM user_challenges uc WHERE uc.user_id = s.user_id AND uc.challenge_id = s.challenge_id)`,
      )
      .get()!.n;
    totals.a = { expected: row.expected, stored: row.stored, mismatched: row.mismatched + orphans };
  }
  // Streaks: a random sample of memberships, plus every membership submitted today.
  type MembershipRow = { user_id: number; challenge_id: number; current_streak: number; best_streak: number; last_counted_day: string | null; target: number | null };
  const membershipSql = `SELECT uc.user_id, uc.challenge_id, uc.current_streak, uc.best_streak, uc.last_counted_day, c.target
       FROM user_challenges uc JOIN challenges c ON c.id = uc.challenge_id`;
  const picked = new Map<string, MembershipRow>();
  const random = db
    .query<MembershipRow, [number]>(`${membershipSql} WHERE uc.rowid IN (SELECT rowid FROM user_challenges ORDER BY random() LIMIT ?)`)
    .all(input.streakSample);
  const submittedToday = db
    .query<MembershipRow, [string]>(
      `${membershipSql} WHERE (uc.user_id, uc.challenge_id) IN (SELECT user_id, challenge_id FROM submissions WHERE day = ? LIMIT 5000)`,
    )
    .all(input.today);
  for (const m of [...random, ...submittedToday]) picked.set(`${m.user_id}:${m.challenge_id}`, m);
  const sample = [...picked.values()];
  const subsOf = db.prepare<{ day: string; value: number }, [number, number]>(
    'SELECT day, value FROM submissions WHERE user_id = ? AND challenge_id = ?',
  );
  let streaksMismatched = 0;
  for (const m of sample) {
    const s = recomputeStreak(subsOf.all(m.user_id, m.challenge_id), m.target);
    // stored streaks are rolled over nightly: a broken streak is stored as 0
    if (visibleCurrent(s, input.today) !== m.current_streak || s.best !== m.best_streak || s.lastCountedDay !== m.last_counted_day) streaksMismatched++;
  }
  byId.finalize();
  subsOf.finalize();
  db.close();

  const acknowledgedOk = acknowledgedMissing === 0 && storedTodayNotSent === 0;
  const totalsOk = Object.values(totals).every((t) => t.mismatched === 0);
  return {
    ok: acknowledgedOk && duplicates === 0 && totalsOk && streaksMismatched === 0,
    acknowledged: input.acknowledged.length,
    acknowledgedMissing,
    storedToday: todays.length,
    storedTodayNotSent,
    duplicates,
    totals,
    streaksChecked: sample.length,
    streaksMismatched,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
