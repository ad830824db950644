/**
 * Two real server processes on one PostgreSQL database (PostgreSQL suite only).
 *
 * Random steps (register, join, submit, leave) go to either instance; after each acknowledged
 * step both instances' boards equal the ranking computed in SQL, within a bounded wait (the
 * cross-instance visibility lag is measured on the way). Each instance reaches the fake
 * Telegram through a counting proxy of its own, which shows who polls and who sends. An
 * announcement written on the follower goes out once, through the leader. Then the leader is
 * SIGKILLed: the other must take over polling and scheduling within 2× the check interval,
 * and at no time do both poll.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import pg from 'pg';
import type TelegramServer from 'telegram-test-api';
import { localDateTime } from '../../server/domain/clubTime';
import { freePort, startFakeTelegram } from '../bot/harness';
import { dropSchema, freshSchemaUrl, TEST_ENGINE } from '../helpers/engine';
import { signInitData, TEST_BOT_TOKEN, type TestTelegramUser } from '../helpers/initData';
import { spawnServer, type ServerProcess } from '../helpers/process';
import { seededRandom } from '../helpers/random';
import { ADMIN_USER } from '../helpers/runtime';

const CHECK_MS = 500;
const STEPS = 40;
const TZ = 'Asia/Tashkent';

/** Polls `check` until it answers true, at most `ms`; answers the time it took. */
async function within(ms: number, check: () => Promise<boolean> | boolean, what: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await check()) return performance.now() - started;
    await Bun.sleep(5); // the pace of the polling, not a wait for an outcome
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

interface Proxy {
  url: string;
  polls: number[];
  /** The bodies of the sendMessage calls that went through. */
  sent: string[];
  stop(): void;
}

/** Forwards Bot API calls to the fake Telegram and notes when getUpdates was called. */
function countingProxy(target: string): Proxy {
  const polls: number[] = [];
  const sent: string[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(req) {
      const url = new URL(req.url);
      if (url.pathname.endsWith('/getUpdates')) polls.push(performance.now());
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await req.arrayBuffer();
      if (url.pathname.endsWith('/sendMessage') && body) sent.push(new TextDecoder().decode(body));
      const res = await fetch(`${target}${url.pathname}${url.search}`, { method: req.method, headers: req.headers, body });
      return new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
    },
  });
  return { url: `http://127.0.0.1:${server.port}`, polls, sent, stop: () => server.stop(true) };
}

describe.skipIf(TEST_ENGINE !== 'postgres')('two server processes on one PostgreSQL database', () => {
  const { url: databaseUrl, schema } = TEST_ENGINE === 'postgres' ? freshSchemaUrl() : { url: '', schema: '' };
  let telegram: TelegramServer;
  const proxies: Proxy[] = [];
  const servers: ServerProcess[] = [];
  let sql: pg.Client;

  const spawn = (proxy: Proxy) =>
    spawnServer('/nonexistent/unused.sqlite', {
      DATABASE_URL: databaseUrl,
      BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_URL: proxy.url,
      ADMIN_TELEGRAM_IDS: String(ADMIN_USER.id),
      LEADER_CHECK_MS: String(CHECK_MS),
    });
  const logged = (s: ServerProcess, msg: string) => s.logs.some((l) => l.includes(`"msg":"${msg}"`));

  beforeAll(async () => {
    const port = await freePort();
    telegram = await startFakeTelegram(port);
    proxies.push(countingProxy(`http://127.0.0.1:${port}`), countingProxy(`http://127.0.0.1:${port}`));
    servers.push(await spawn(proxies[0]!));
    await within(10_000, () => logged(servers[0]!, 'leader duties started'), 'the first instance leads');
    servers.push(await spawn(proxies[1]!));
    sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
  });

  afterAll(async () => {
    for (const s of servers) s.proc.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    for (const p of proxies) p.stop();
    await telegram?.stop();
    await sql?.end();
    if (schema) await dropSchema(schema);
  });

  async function call(s: ServerProcess, as: TestTelegramUser, method: string, path: string, body?: unknown) {
    const res = await fetch(`${s.url}${path}`, {
      method,
      headers: {
        authorization: `tma ${signInitData(as, { authDate: new Date() })}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  /** Today's board of the challenge as the SQL of the ranking rules computes it. */
  async function sqlBoard(challengeId: number): Promise<[number, number, number][]> {
    const day = localDateTime(new Date(), TZ).day;
    const rows = await sql.query<{ user_id: number; total: number; days: number }>(
      `select s.user_id, round(sum(s.value)::numeric, 6)::float8 as total, count(*)::int as days
       from submissions s join users u on u.id = s.user_id
       join user_challenges uc on uc.user_id = s.user_id and uc.challenge_id = s.challenge_id
       where s.challenge_id = $1 and s.day = $2 and uc.is_member and not u.is_banned
       group by s.user_id
       order by sum(s.value) desc, count(*) desc, max(s.created_at) asc, s.user_id asc`,
      [challengeId, day],
    );
    return rows.rows.map((r) => [r.user_id, r.total, r.days]);
  }

  async function board(s: ServerProcess, viewer: TestTelegramUser, challengeId: number): Promise<[number, number, number][]> {
    const res = await call(s, viewer, 'GET', `/api/leaderboard?challengeId=${challengeId}&type=today&limit=100`);
    expect(res.status).toBe(200);
    return res.body.entries.map((e: any) => [e.userId, e.total, e.days]);
  }

  test('random steps over both instances: both boards equal the SQL ranking after each step', async () => {
    const random = seededRandom(15);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const created = await call(servers[0]!, ADMIN_USER, 'POST', '/api/admin/challenges', {
      title: 'Steps',
      emoji: '👟',
      unit: 'steps',
      minValue: 0,
      maxValue: 100000,
    });
    expect(created.status).toBe(201);
    const challengeId = created.body.id as number;
    const members: TestTelegramUser[] = Array.from({ length: 12 }, (_, i) => ({ id: 7_700_000 + i, first_name: `Runner${i}`, language_code: 'en' }));
    for (const m of members) expect((await call(pick(servers), m, 'POST', '/api/auth/register', {})).status).toBe(201);
    const lags: number[] = [];
    for (let step = 0; step < STEPS; step++) {
      const m = pick(members);
      const on = pick([0, 1]);
      const roll = random();
      const path = roll < 0.6 ? 'submit' : roll < 0.85 ? 'join' : 'leave';
      const res = await call(servers[on]!, m, 'POST', `/api/challenges/${challengeId}/${path}`, path === 'submit' ? { value: 1 + Math.floor(random() * 500) } : undefined);
      expect([200, 201, 403, 409]).toContain(res.status);
      const want = await sqlBoard(challengeId);
      for (const i of [0, 1]) {
        const took = await within(5000, async () => JSON.stringify(await board(servers[i]!, members[0]!, challengeId)) === JSON.stringify(want), `step ${step} (${path}) on instance ${on}, board of instance ${i}`);
        if (i !== on) lags.push(took);
      }
    }
    lags.sort((a, b) => a - b);
    console.log(`cross-instance board visibility after an acknowledged write: p50 ${lags[Math.floor(lags.length / 2)]!.toFixed(1)} ms, max ${lags.at(-1)!.toFixed(1)} ms (${lags.length} steps)`);
  });

  test('announcements written on the follower are sent once to each member, by the leader alone', async () => {
    const [leader, follower] = servers as [ServerProcess, ServerProcess];
    // Several, one after another: a sender on each instance would take some of them (each pass
    // claims whatever waits), so the follower's proxy would see messages.
    for (let n = 1; n <= 4; n++) {
      const text = `Ertaga yugurish 07:00 da (${n})`;
      const created = await call(follower, ADMIN_USER, 'POST', '/api/admin/announcements', { challengeId: null, text: { uz: text } });
      expect(created.status).toBe(202);
      const id = created.body.id as number;
      let status: any = null;
      await within(10_000, async () => {
        status = (await call(follower, ADMIN_USER, 'GET', `/api/admin/announcements/${id}`)).body;
        return status.status === 'done';
      }, `announcement ${n} is delivered`);
      expect(status).toMatchObject({ total: 12, delivered: 12, pending: 0 });
      const ofText = (p: Proxy) => p.sent.filter((body) => body.includes(text));
      expect(ofText(proxies[1]!)).toEqual([]); // the follower sent nothing
      expect(ofText(proxies[0]!)).toHaveLength(12);
    }
    expect(logged(leader, 'announcements sent')).toBe(true);
  }, 30_000); // up to a 2 s sender pass per announcement

  test('SIGKILL the leader: the other takes over polling and scheduling within 2× the check interval; never both poll', async () => {
    const [leader, follower] = servers as [ServerProcess, ServerProcess];
    expect(logged(follower, 'leader duties started')).toBe(false);
    await within(5000, () => proxies[0]!.polls.length > 0, 'the leader polls');
    expect(proxies[1]!.polls).toEqual([]); // the follower never polled
    const killedAt = performance.now();
    leader.proc.kill('SIGKILL');
    await leader.exited;
    const tookOver = await within(4 * CHECK_MS, () => logged(follower, 'leader duties started'), 'the follower takes over');
    console.log(`leader failover after SIGKILL: ${tookOver.toFixed(0)} ms (check interval ${CHECK_MS} ms)`);
    expect(tookOver).toBeLessThanOrEqual(2 * CHECK_MS);
    await within(5000, () => proxies[1]!.polls.length > 0, 'the new leader polls');
    // No overlap: the new leader's first poll came after the kill and after the old leader's
    // last one. (The proxy stamps a poll when this process handles it, so a poll the old leader
    // sent just before the kill may be stamped a few ms after `killedAt`.)
    const newFirst = Math.min(...proxies[1]!.polls);
    expect(newFirst).toBeGreaterThan(killedAt);
    expect(Math.max(...proxies[0]!.polls)).toBeLessThan(newFirst);
  });
});
