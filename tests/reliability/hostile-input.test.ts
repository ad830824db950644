/**
 * A seeded fuzz test: thousands of malformed and hostile requests against every route.
 * Never a 500, always API.md's error shape, and a refused request changes nothing.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { createChallenge, joinedMember, submit } from '../helpers/factories';
import { OTHER_BOT_TOKEN, signInitData } from '../helpers/initData';
import { ADMIN_USER, createTestRuntime, telegramUser, type TestRuntime } from '../helpers/runtime';
import { seededRandom } from '../helpers/random';
import { ERROR_CODES } from '../../shared/errors';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
/** Every code but INTERNAL: hostile input is refused, never crashes a handler. */
const CODES = new Set<string>(ERROR_CODES.filter((code) => code !== 'INTERNAL'));


let rt: TestRuntime;
const rand = seededRandom(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const HOSTILE_STRINGS = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'Infinity', '0x1F', '12,5', '١٢', '５', "' OR 1=1 --", '"; DROP TABLE users; --',
  '<script>alert(1)</script>', '../../etc/passwd', '%00', '\u0000', '\u202e', '🔥'.repeat(50), 'a'.repeat(5000),
  '{"__proto__":{"admin":true}}', 'null', 'true', '9007199254740993', '-0', '1.7976931348623157e309',
  'ru', 'en', // valid values, so refusals after a partial success would show
];
const HOSTILE_NUMBERS = [0, -1, 1, 2, 3, 1.5, -0, 1e308, -1e308, 2 ** 53 + 1, Number.MIN_VALUE, 999999999, 4.2];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, null, true, false, [], [1], {}, { value: 1 }, { $gt: 0 }, [[[[]]]],
];

function hostileBody(): string | undefined {
  switch (Math.floor(rand() * 8)) {
    case 0: return undefined;
    case 1: return pick(['{', '{"value":', 'not json', '[]', 'null', '""', '{"a":1}{"b":2}', '\u0000']);
    case 2: return JSON.stringify(pick(HOSTILE_VALUES));
    case 3: return JSON.stringify({ value: pick(HOSTILE_VALUES) });
    case 4: return JSON.stringify({ displayName: pick(HOSTILE_VALUES) });
    case 5: return JSON.stringify({ [pick(['title', 'timeWindow', 'current', 'reason', 'isActive', 'minValue', 'maxValue', 'target', 'language', 'unknown'])]: pick(HOSTILE_VALUES) });
    case 6: return JSON.stringify({ title: pick(HOSTILE_STRINGS), timeWindow: pick([null, { start: '21:00', end: '20:00' }, { start: pick(HOSTILE_STRINGS), end: '23:59' }]), maxValue: pick(HOSTILE_NUMBERS) });
    default: return JSON.stringify({ pad: 'x'.repeat(20_000 + Math.floor(rand() * 10_000)) });
  }
}

function hostileId(valid: number[]): string {
  return pick([...valid.map(String), ...valid.map(String), '0', '-1', '999999', '1.5', 'abc', '1%20OR%201=1', '%27', '9'.repeat(30), '1e3', encodeURIComponent('../1')]);
}

type Who = 'none' | 'garbage' | 'cookie' | 'expired' | 'otherBot' | 'stranger' | 'member' | 'banned' | 'admin';
const MEMBER = telegramUser({ first_name: 'Fuzz' });
const BANNED = telegramUser({ first_name: 'Banned' });

function authHeader(who: Who): Record<string, string> {
  const now = rt.clock.now();
  switch (who) {
    case 'none': return {};
    case 'garbage': return { authorization: pick(['tma', 'tma x', 'Bearer abc', `tma ${'a'.repeat(9000)}`, 'tma hash=00']) };
    case 'cookie': return { cookie: pick(['qadam_admin=forged', `qadam_admin=${'f'.repeat(64)}`, 'qadam_admin=', 'qadam_admin=%ZZ', `x=1; qadam_admin="'; --`]), 'x-csrf-token': pick(['', 'x', 'f'.repeat(64)]) };
    case 'expired': return { authorization: `tma ${signInitData(MEMBER, { authDate: new Date(now.getTime() - 90_000_000) })}` };
    case 'otherBot': return { authorization: `tma ${signInitData(ADMIN_USER, { authDate: now, botToken: OTHER_BOT_TOKEN })}` };
    case 'stranger': return { authorization: `tma ${signInitData(telegramUser(), { authDate: now })}` };
    case 'member': return { authorization: `tma ${signInitData(MEMBER, { authDate: now })}` };
    case 'banned': return { authorization: `tma ${signInitData(BANNED, { authDate: now })}` };
    case 'admin': return { authorization: `tma ${signInitData(ADMIN_USER, { authDate: now })}` };
  }
}

const TABLES = ['users', 'challenges', 'user_challenges', 'submissions', 'admin_users', 'audit_log', 'weekly_results', 'monthly_results', 'admin_sessions', 'admin_login_tokens'];
function fingerprint(): string {
  return TABLES.map((t) => JSON.stringify(rt.database!.sqlite.query(`select * from ${t} order by rowid`).all())).join('\n');
}

let challengeIds: number[] = [];
let userIds: number[] = [];
let submissionIds: number[] = [];

beforeAll(async () => {
  rt = createTestRuntime({ env: { RATE_LIMIT_READS: '0', RATE_LIMIT_WRITES: '0' } });
  const steps = await createChallenge(rt, { title: 'Steps' });
  const book = await createChallenge(rt, { title: 'Book', timeWindow: { start: '21:00', end: '23:59' } });
  challengeIds = [steps.id, book.id];
  const m = await joinedMember(rt, steps.id, MEMBER);
  const b = await joinedMember(rt, steps.id, BANNED);
  const other = await joinedMember(rt, steps.id);
  submissionIds = [(await submit(rt, other.tg, steps.id, 5)).body.submission.id];
  await rt.request('POST', `/api/admin/users/${b.id}/ban`, { as: ADMIN_USER, body: { reason: 'fuzz' } });
  userIds = [m.id, b.id, other.id];
});
afterAll(() => rt.close());

/** `plausible` builds a nearly valid body, so refusals that come after a partial success show. */
const ROUTES: { method: string; path: () => string; plausible?: () => unknown }[] = [
  { method: 'POST', path: () => '/api/auth/register', plausible: () => ({ displayName: pick(['Aziza', 'Name 2', '', 'x'.repeat(65), 5]) }) },
  { method: 'GET', path: () => '/api/me' },
  { method: 'PATCH', path: () => '/api/me', plausible: () => ({ language: pick(['ru', 'en', 'uz', 'fr']), remindersEnabled: pick([true, false, 'no']) }) },
  { method: 'GET', path: () => '/api/challenges' },
  { method: 'POST', path: () => `/api/challenges/${hostileId(challengeIds)}/join` },
  { method: 'POST', path: () => `/api/challenges/${hostileId(challengeIds)}/leave` },
  { method: 'POST', path: () => `/api/challenges/${hostileId(challengeIds)}/submit`, plausible: () => ({ value: pick(['12,5', 7, 0, '1e3', -1]) }) },
  { method: 'GET', path: () => `/api/leaderboard?challengeId=${hostileId(challengeIds)}&type=${pick(['today', 'weekly', 'monthly', 'all', 'yearly', '', "'"])}&limit=${pick(['1', '100', '0', '101', '-5', 'x', '1e2'])}` },
  { method: 'GET', path: () => '/api/admin/challenges' },
  { method: 'POST', path: () => '/api/admin/challenges', plausible: () => ({ title: pick(['Run', '']), timeWindow: pick([null, { start: '21:00', end: '23:59' }, { start: '23:00', end: '21:00' }]), minValue: pick([0, 10]), maxValue: pick([5, 100]) }) },
  { method: 'PATCH', path: () => `/api/admin/challenges/${hostileId(challengeIds)}`, plausible: () => ({ isActive: pick([true, false]), minValue: pick([0, 1e6]), target: pick([null, 5, 1e12]) }) },
  { method: 'GET', path: () => `/api/admin/users?q=${encodeURIComponent(pick(HOSTILE_STRINGS).slice(0, 200))}&page=${pick(['1', '0', '-1', 'x', '99999999'])}` },
  { method: 'GET', path: () => `/api/admin/users/${hostileId(userIds)}` },
  { method: 'POST', path: () => `/api/admin/users/${hostileId(userIds)}/ban`, plausible: () => ({ reason: pick(['spam', 'x'.repeat(501)]) }) },
  { method: 'POST', path: () => `/api/admin/users/${hostileId(userIds)}/unban` },
  { method: 'DELETE', path: () => `/api/admin/submissions/${hostileId(submissionIds)}` },
  { method: 'PUT', path: () => `/api/admin/users/${hostileId(userIds)}/challenges/${hostileId(challengeIds)}/streak`, plausible: () => ({ current: pick([0, 5, -1, 1.5]) }) },
  { method: 'DELETE', path: () => `/api/admin/users/${hostileId(userIds)}/challenges/${hostileId(challengeIds)}` },
  { method: 'GET', path: () => `/api/admin/analytics?days=${pick(['30', '0', '366', 'x', '-1', '1e9'])}` },
  { method: 'GET', path: () => `/api/admin/results?period=${pick(['weekly', 'monthly', 'daily', '', "' or 1=1"])}` },
  { method: 'GET', path: () => `/api/demo/init-data?user=${pick(['1', '0', 'x'])}` },
  { method: 'POST', path: () => '/api/admin/auth/login', plausible: () => ({ token: pick(['f'.repeat(43), 'x']) }) },
  { method: 'GET', path: () => '/api/admin/auth/session' },
  { method: 'POST', path: () => '/api/admin/auth/logout' },
  { method: 'GET', path: () => '/api/admin/export/members.csv' },
  { method: 'GET', path: () => `/api/admin/export/submissions.csv?challengeId=${hostileId(challengeIds)}` },
  { method: 'GET', path: () => `/api/admin/export/leaderboard.csv?challengeId=${hostileId(challengeIds)}&type=${pick(['today', 'all', 'x'])}` },
  { method: 'GET', path: () => `/api/admin/audit?action=${encodeURIComponent(pick(['user.ban', ...HOSTILE_STRINGS]).slice(0, 60))}&userId=${hostileId(userIds)}&from=${pick(['2026-11-01', '2026-13-45', 'x', ''])}&to=${pick(['2026-11-30', '2026-01-01'])}` },
  { method: 'GET', path: () => `/api/admin/export/audit.csv?actor=${pick(['1000', '-1', 'x'])}&from=${pick(['2026-11-01', "' or 1=1"])}` },
  { method: 'POST', path: () => '/api/admin/announcements', plausible: () => ({ challengeId: pick([null, ...challengeIds, 0, -1]), text: pick([{ uz: 'Salom' }, { uz: '' }, { ru: 'x' }, { uz: 'x'.repeat(5000) }]) }) },
  { method: 'GET', path: () => `/api/admin/announcements/${pick(['1', '0', 'x', '-1', '99999999999999999999'])}` },
  { method: 'GET', path: () => pick(['/api/nope', '/api/', '/api/challenges/1', '/trpc', '/api/me/../admin/challenges']) },
];

const TRPC_PROCEDURES = ['auth.register', 'me.get', 'me.setLanguage', 'challenges.join', 'challenges.submit', 'leaderboard.get', 'admin.users.ban', 'admin.challenges.create', 'admin.submissions.delete', 'admin.users.setStreak', 'nope.nothing'];

test(`${REQUESTS} hostile requests (seed ${SEED}): no 500, API.md error shape, refused requests change nothing`, async () => {
  let before = fingerprint();
  const seen = new Map<number, number>();
  for (let i = 0; i < REQUESTS; i++) {
    const who = pick<Who>(['none', 'garbage', 'cookie', 'expired', 'otherBot', 'stranger', 'member', 'member', 'banned', 'admin', 'admin']);
    const useTrpc = rand() < 0.2;
    let res: Response;
    let label: string;
    if (useTrpc) {
      const proc = pick(TRPC_PROCEDURES);
      const input = hostileBody();
      const isQuery = ['me.get', 'leaderboard.get'].includes(proc);
      label = `trpc ${proc} ${input?.slice(0, 80)}`;
      res = isQuery
        ? await rt.app.handle(new Request(`http://localhost/trpc/${proc}?input=${encodeURIComponent(input ?? '')}`, { headers: authHeader(who) }))
        : await rt.app.handle(new Request(`http://localhost/trpc/${proc}`, { method: 'POST', headers: { ...authHeader(who), 'content-type': 'application/json' }, body: input }));
    } else {
      const route = pick(ROUTES);
      const path = route.path();
      const body =
        route.plausible && rand() < 0.5
          ? JSON.stringify(route.plausible())
          : ['GET', 'DELETE'].includes(route.method) && rand() < 0.8
            ? undefined
            : hostileBody();
      label = `${route.method} ${path} as ${who} ${body?.slice(0, 80)}`;
      res = await rt.app.handle(new Request(`http://localhost${path}`, { method: route.method, headers: { ...authHeader(who), 'content-type': 'application/json' }, body }));
    }
    seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
    const text = await res.text();
    if (res.status >= 500) throw new Error(`${res.status} for ${label}: ${text.slice(0, 300)}`);
    const after = fingerprint();
    if (res.status >= 400) {
      const json = JSON.parse(text);
      if (useTrpc) {
        const err = Array.isArray(json) ? json[0].error : json.error;
        expect(CODES.has(err.data?.appCode) ? err.data.appCode : `${label} → ${text.slice(0, 200)}`).toBe(err.data.appCode);
      } else {
        expect(Object.keys(json)).toEqual(['error']);
        expect(CODES.has(json.error.code) ? 'ok' : `${label} → ${text.slice(0, 200)}`).toBe('ok');
        expect(typeof json.error.message).toBe('string');
      }
      if (after !== before) throw new Error(`refused request changed the database: ${label} → ${res.status} ${text.slice(0, 200)}`);
    }
    before = after;
  }
  if (process.env.FUZZ_VERBOSE) console.log(Object.fromEntries(seen));
  // The run exercised both refusals and successes.
  expect([...seen.keys()].some((s) => s < 300)).toBe(true);
  for (const s of [400, 401, 403, 404]) expect(seen.get(s) ?? 0).toBeGreaterThan(0);
}, 120_000);
