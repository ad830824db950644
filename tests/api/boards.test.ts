/**
 * Model check of the leaderboards: a seeded random sequence of submits, joins, leaves, bans,
 * unbans, deletions, corrections, removals, renames, new photos and day changes, with every
 * board read before and after each step. Every answer must equal a ranking computed directly from the submissions table —
 * so the maintained totals and the in-memory boards can never drift from the facts — and every
 * profile held in memory must equal the same profile loaded afresh from the store. The steps
 * must also produce, and the read model apply, every type of event a write can return: a new
 * type fails here until it is applied and exercised.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { addDays, monthKey, weekStart } from '../../server/domain/clubTime';
import { rankTotals } from '../../server/domain/ranking';
import { CLUB_EVENT_TYPES, type ClubEvent, type ClubEventType } from '../../server/services/events';
import { createChallenge, joinedMember } from '../helpers/factories';
import type { TestTelegramUser } from '../helpers/initData';
import { ADMIN_USER, createTestRuntime, type TestRuntime } from '../helpers/runtime';
import { seededRandom } from '../helpers/random';

const TYPES = ['today', 'weekly', 'monthly', 'all'] as const;
let rt: TestRuntime;
let challenges: number[] = [];
let members: { tg: TestTelegramUser; id: number }[] = [];


beforeAll(async () => {
  rt = createTestRuntime({ now: '2026-11-27T07:00:00Z', env: { RATE_LIMIT_READS: '0', RATE_LIMIT_WRITES: '0' } });
  challenges = [(await createChallenge(rt, { title: 'A' })).id, (await createChallenge(rt, { title: 'B' })).id];
  for (let i = 0; i < 8; i++) members.push(await joinedMember(rt, challenges[0]!));
  for (const m of members.slice(0, 5)) await rt.request('POST', `/api/challenges/${challenges[1]}/join`, { as: m.tg });
});
afterAll(() => rt.close());

/** The expected board, straight from the raw tables. */
async function expected(challengeId: number, type: (typeof TYPES)[number], today: string) {
  const range =
    type === 'today' ? [today, today] : type === 'weekly' ? [weekStart(today), addDays(weekStart(today), 6)] : type === 'monthly' ? [`${monthKey(today)}-01`, `${monthKey(today)}-31`] : ['0000-00-00', '9999-99-99'];
  // SQL both engines read alike: quoted aliases, boolean columns as conditions, numeric rounding.
  const rows = await rt.sql<{ userId: number; displayName: string; photoUrl: string | null; total: number; days: number; lastAt: number }>(
    `select s.user_id as "userId", coalesce(u.display_name, u.first_name) as "displayName", u.photo_url as "photoUrl",
       round(cast(sum(s.value) as numeric), 6) as total, count(*) as days, max(s.created_at) as "lastAt"
     from submissions s join users u on u.id = s.user_id
     join user_challenges uc on uc.user_id = s.user_id and uc.challenge_id = s.challenge_id
     where s.challenge_id = ? and s.day between ? and ? and uc.is_member and not u.is_banned
     group by s.user_id, u.display_name, u.first_name, u.photo_url`,
    challengeId,
    range[0]!,
    range[1]!,
  );
  return rankTotals(rows);
}

async function checkAll(viewer: { tg: TestTelegramUser; id: number }, step: string) {
  const today = rt.clock.now().toISOString().slice(0, 10); // 07:00Z is 12:00 in Tashkent: same date
  for (const challengeId of challenges) {
    // Tops of 2 and 5 rows are remembered apart and kept while a change happens below them.
    for (const [type, limit] of TYPES.flatMap((t) => [2, 5, 100].map((l) => [t, l] as const))) {
      const res = await rt.request('GET', `/api/leaderboard?challengeId=${challengeId}&type=${type}&limit=${limit}`, { as: viewer.tg });
      if (res.status === 403) continue; // the viewer is banned right now
      const want = await expected(challengeId, type, today);
      const marks = new Map<number, number>();
      for (const b of await rt.sql<{ userId: number; code: string }>(`select user_id as "userId", code from badges where challenge_id = ? and code like 'streak-%'`, challengeId)) {
        marks.set(b.userId, Math.max(marks.get(b.userId) ?? 0, Number(b.code.slice('streak-'.length))));
      }
      const got = res.body.entries.map((e: any) => [e.rank, e.userId, e.displayName, e.photoUrl, e.total, e.days, e.streakBadge]);
      const wantRows = want.slice(0, limit).map((e) => [e.rank, e.userId, e.displayName, e.photoUrl, e.total, e.days, marks.get(e.userId) ?? null]);
      if (JSON.stringify(got) !== JSON.stringify(wantRows)) {
        throw new Error(`${step}: challenge ${challengeId} ${type} limit ${limit}\n got ${JSON.stringify(got)}\nwant ${JSON.stringify(wantRows)}`);
      }
      const mine = want.find((e) => e.userId === viewer.id);
      const above = mine && mine.rank > 1 ? want[mine.rank - 2]! : null;
      const toNext = above && mine ? Math.round((above.total - mine.total) * 1e6) / 1e6 : null;
      expect(res.body.me).toEqual(mine ? { rank: mine.rank, total: mine.total, days: mine.days, toNext } : null);
      expect(res.body.ranked).toBe(want.length);
    }
  }
}

/**
 * Every member's profile as answered from memory equals the one loaded afresh from the store:
 * the held profiles moved by the steps' events never drift from the tables.
 */
async function checkProfiles(step: string) {
  const held = [];
  for (const m of members) held.push(await rt.request('GET', '/api/me', { as: m.tg }));
  rt.services.readModel.profiles.forgetAll();
  for (const [i, m] of members.entries()) {
    const fresh = await rt.request('GET', '/api/me', { as: m.tg });
    if (JSON.stringify(held[i]!.body) !== JSON.stringify(fresh.body)) {
      throw new Error(`${step}: profile of member ${m.id}\n held ${JSON.stringify(held[i]!.body)}\nstore ${JSON.stringify(fresh.body)}`);
    }
    // And the heatmap's days equal the submissions table (a lossy layout would read back alike).
    if (fresh.status !== 200) continue;
    for (const c of fresh.body.challenges as { challenge: { id: number }; recent: { daysAgo: number[]; values: number[] } }[]) {
      const rows = await rt.sql<{ day: string; value: number }>(
        `select day, value from submissions where user_id = ? and challenge_id = ? and day >= ? order by day`,
        m.id,
        c.challenge.id,
        rt.services.readModel.profiles.since(fresh.body.today),
      );
      const days = c.recent.daysAgo.map((ago) => addDays(fresh.body.today, -ago));
      expect(days.map((day, i) => [day, c.recent.values[i]])).toEqual(rows.map((r) => [r.day, Number(r.value)]));
    }
  }
}

test('300 random steps: every board equals a ranking computed from the submissions, every profile a fresh read', async () => {
  const rand = seededRandom(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const admin = (method: string, path: string, body?: unknown) => rt.request(method, path, { as: ADMIN_USER, body });
  for (let step = 0; step < 300; step++) {
    const m = pick(members);
    const c = pick(challenges);
    const action = rand();
    let label: string;
    if (action < 0.45) {
      label = 'submit';
      await rt.request('POST', `/api/challenges/${c}/submit`, { as: m.tg, body: { value: Math.round(rand() * 1000) / 10 } });
    } else if (action < 0.55) {
      label = 'join';
      await rt.request('POST', `/api/challenges/${c}/join`, { as: m.tg });
    } else if (action < 0.62) {
      label = 'leave';
      await rt.request('POST', `/api/challenges/${c}/leave`, { as: m.tg });
    } else if (action < 0.67) {
      label = 'ban';
      await admin('POST', `/api/admin/users/${m.id}/ban`, { reason: 'model' });
    } else if (action < 0.74) {
      label = 'unban';
      await admin('POST', `/api/admin/users/${m.id}/unban`);
    } else if (action < 0.8) {
      label = 'delete a submission';
      const ids = await rt.sql<{ id: number }>('select id from submissions order by id');
      if (ids.length > 0) await admin('DELETE', `/api/admin/submissions/${pick(ids).id}`);
    } else if (action < 0.84) {
      label = 'remove from challenge';
      await admin('DELETE', `/api/admin/users/${m.id}/challenges/${c}`);
    } else if (action < 0.86) {
      label = 'rename';
      await rt.request('POST', '/api/auth/register', { as: m.tg, body: { displayName: `Name ${step}` } });
    } else if (action < 0.91) {
      label = 'correct today';
      await rt.request('PUT', `/api/challenges/${c}/submission`, { as: m.tg, body: { value: Math.round(rand() * 1000) / 10 } });
    } else if (action < 0.925) {
      label = 'grant a streak freeze';
      await admin('POST', `/api/admin/users/${m.id}/challenges/${c}/freezes`);
    } else if (action < 0.94) {
      label = 'new photo';
      m.tg = { ...m.tg, photo_url: `https://t.me/i/userpic/${step}.jpg` };
      await rt.request('GET', '/api/me', { as: m.tg });
    } else if (action < 0.97) {
      label = 'set a streak';
      await admin('PUT', `/api/admin/users/${m.id}/challenges/${c}/streak`, { current: Math.floor(rand() * 5) });
    } else {
      label = 'next day';
      rt.clock.advance(86_400_000);
      await rt.services.rollover.rolloverStreaks(rt.clock.now());
    }
    // Read with a member who is not banned when one exists, so the boards are loaded before the next step.
    let viewer = m;
    for (const x of members) {
      if (!(await rt.services.members.findMember(x.tg.id))?.isBanned) {
        viewer = x;
        break;
      }
    }
    await checkAll(viewer, `step ${step} (${label})`);
    await checkProfiles(`step ${step} (${label})`);
  }
  // Every type of event was produced by the steps above and applied to the read model.
  for (const type of CLUB_EVENT_TYPES) {
    if (!(rt.services.readModel.applied[type] > 0)) throw new Error(`no ${type} event was applied during the model run`);
  }
}, 60_000);

/** One event of every type (a new type does not compile until it has one here). */
const SAMPLES: { [T in ClubEventType]: Extract<ClubEvent, { type: T }> } = {
  'result.stored': { type: 'result.stored', userId: 1, telegramId: 1, challengeId: 1, displayName: 'x', figures: [{ kind: 'a', key: 'all', total: 1, days: 1, lastAt: 1 }] },
  'result.deleted': { type: 'result.deleted', userId: 1, challengeId: 1 },
  'membership.changed': { type: 'membership.changed', userId: 1, challengeId: 1, isMember: true },
  'ban.changed': { type: 'ban.changed', userId: 1, telegramId: 1, banned: false },
  'member.renamed': { type: 'member.renamed', userId: 1, telegramId: 1, displayName: 'x' },
  'member.updated': { type: 'member.updated', telegramId: 1 },
  'photo.changed': { type: 'photo.changed', userId: 1, telegramId: 1, photoUrl: null },
  'streak.set': { type: 'streak.set', userId: 1, challengeId: 1 },
  'streaks.lapsed': { type: 'streaks.lapsed', yesterday: '2026-01-01' },
  'challenge.changed': { type: 'challenge.changed', challengeId: 1 },
  'badge.earned': { type: 'badge.earned', userId: 1, challengeId: 1, code: 'streak-7', earnedAt: 1 },
  'freezes.changed': { type: 'freezes.changed', userId: 1, challengeId: 1, freezes: 1, reason: 'granted', days: [] },
};

test('the read model applies every type of event (and refuses one it does not know)', async () => {
  expect(Object.keys(SAMPLES).sort()).toEqual([...CLUB_EVENT_TYPES].sort());
  for (const type of CLUB_EVENT_TYPES) {
    const before = rt.services.readModel.applied[type];
    await rt.services.readModel.apply([SAMPLES[type]]);
    expect(rt.services.readModel.applied[type]).toBe(before + 1);
  }
  const unknown = { type: 'member.vanished', userId: 1 } as unknown as ClubEvent;
  await expect(rt.services.readModel.apply([unknown])).rejects.toThrow('unhandled event');
});
