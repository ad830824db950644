/**
 * The admin panel's login link and cookie session, through app.handle: one-time links (10 min,
 * single use), the HttpOnly/SameSite=Strict cookie, CSRF on every cookie-authenticated write
 * (REST and tRPC), logout, expiry, and admins who are banned or removed losing access at once.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { hashToken } from '../../server/services/admin/login';
import { createChallenge, joinedMember, registeredMember, submit } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, telegramUser, type TestRuntime } from '../helpers/runtime';

let rt: TestRuntime;
beforeEach(() => {
  rt = createTestRuntime({ now: '2026-11-25T07:00:00Z' });
});
afterEach(() => rt.close());

interface Session {
  cookie: string;
  csrf: string;
  setCookie: string;
}

const link = async (telegramId = ADMIN_USER.id) => (await rt.services.admin.login.createLoginLink(telegramId)).token;

async function login(token: string) {
  return rt.request('POST', '/api/admin/auth/login', { body: { token } });
}

async function loginAs(telegramId = ADMIN_USER.id): Promise<Session> {
  const res = await login(await link(telegramId));
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  return { cookie, csrf: res.body.csrfToken, setCookie };
}

function withCookie(s: Session | string, extra: Record<string, string> = {}) {
  return { cookie: typeof s === 'string' ? s : s.cookie, ...extra };
}

/** A tRPC v11 call over HTTP (no batching), like the panel's client. */
async function trpc(kind: 'query' | 'mutation', path: string, input: unknown, headers: Record<string, string>) {
  const url =
    kind === 'query'
      ? `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? null))}`
      : `/trpc/${path}`;
  return rt.request(kind === 'query' ? 'GET' : 'POST', url, {
    headers,
    ...(kind === 'mutation' ? { body: input } : {}),
  });
}

describe('login link', () => {
  test('a fresh link opens a session: HttpOnly, SameSite=Strict, expiring cookie; the panel learns role and CSRF token', async () => {
    const res = await login(await link());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ telegramId: ADMIN_USER.id, role: 'owner', via: 'cookie', csrfToken: expect.any(String) });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^qadam_admin=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('Max-Age=43200');
    expect(setCookie).not.toContain('Secure'); // PUBLIC_URL is http here
    expect(res.headers.get('cache-control')).toBe('no-store');

    const cookie = setCookie.split(';')[0]!;
    const session = await rt.request('GET', '/api/admin/auth/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ telegramId: ADMIN_USER.id, role: 'owner', csrfToken: res.body.csrfToken, via: 'cookie' });
    expect((await rt.request('GET', '/api/admin/challenges', { headers: { cookie } })).status).toBe(200);
    const me = await trpc('query', 'admin.me', undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body.result.data).toEqual({ telegramId: ADMIN_USER.id, role: 'owner' });
  });

  test('only hashes of link and session tokens are stored', async () => {
    const token = await link();
    const res = await login(token);
    const sessionToken = res.headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
    const dump = JSON.stringify([
      await rt.sql('select * from admin_login_tokens'),
      await rt.sql('select * from admin_sessions'),
    ]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(sessionToken);
    expect(dump).not.toContain(res.body.csrfToken);
    expect(dump).toContain(hashToken(sessionToken));
  });

  test('a reused link is refused', async () => {
    const token = await link();
    expect((await login(token)).status).toBe(200);
    const again = await login(token);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('UNAUTHORIZED');
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  test('an expired link (older than 10 minutes) is refused; one just inside the window works', async () => {
    const stale = await link();
    const fresh = await link();
    rt.clock.advance(10 * 60 * 1000 - 1000);
    expect((await login(fresh)).status).toBe(200);
    rt.clock.advance(2000);
    const res = await login(stale);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  test('a sign-in posted from another site is refused and leaves the link unspent', async () => {
    const token = await link();
    const foreign = await rt.request('POST', '/api/admin/auth/login', { body: { token }, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const own = await rt.request('POST', '/api/admin/auth/login', { body: { token }, headers: { origin: 'http://localhost' } });
    expect(own.status).toBe(200);
  });

  test('made-up, malformed or missing tokens are refused', async () => {
    for (const token of ['A'.repeat(43), 'short', '../../etc', '']) {
      const res = await login(token);
      expect([400, 401]).toContain(res.status);
    }
    expect((await rt.request('POST', '/api/admin/auth/login', { body: {} })).status).toBe(400);
  });

  test('non-admins get no link; a link sent before a removal no longer opens a session', async () => {
    await expect(rt.services.admin.login.createLoginLink(424242)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await rt.services.admin.access.addAdmin({ telegramId: ADMIN_USER.id, role: 'owner' }, 2000, 'admin');
    const token = await link(2000);
    await rt.services.admin.access.removeAdmin({ telegramId: ADMIN_USER.id, role: 'owner' }, 2000);
    const res = await login(token);
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('cookie session', () => {
  test('a tampered, unknown or missing cookie is refused (401) and a bad cookie is cleared', async () => {
    const s = await loginAs();
    const value = s.cookie.split('=')[1]!;
    const flipped = value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
    for (const cookie of [`qadam_admin=${flipped}`, 'qadam_admin=garbage', `qadam_admin=${value}x`, 'other=1']) {
      const res = await rt.request('GET', '/api/admin/challenges', { headers: { cookie } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
      expect((await trpc('query', 'admin.me', undefined, { cookie })).status).toBe(401);
    }
    const session = await rt.request('GET', '/api/admin/auth/session', { headers: { cookie: `qadam_admin=${flipped}` } });
    expect(session.status).toBe(401);
    expect(session.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await rt.request('GET', '/api/admin/auth/session')).status).toBe(401);
  });

  test('a session expires after 12 hours', async () => {
    const s = await loginAs();
    rt.clock.advance(12 * 3600 * 1000 - 1000);
    expect((await rt.request('GET', '/api/admin/challenges', { headers: withCookie(s) })).status).toBe(200);
    rt.clock.advance(2000);
    expect((await rt.request('GET', '/api/admin/challenges', { headers: withCookie(s) })).status).toBe(401);
  });

  test('writes without the CSRF token are refused (REST and tRPC); with it they pass', async () => {
    const s = await loginAs();
    const body = { title: 'Reading', unit: 'pages' };
    const noToken = await rt.request('POST', '/api/admin/challenges', { headers: withCookie(s), body });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'CSRF' } });
    const wrong = await rt.request('POST', '/api/admin/challenges', { headers: withCookie(s, { 'x-csrf-token': 'x'.repeat(43) }), body });
    expect(wrong.status).toBe(403);
    // Another session's token does not fit this session.
    const other = await loginAs();
    const crossed = await rt.request('POST', '/api/admin/challenges', { headers: withCookie(s, { 'x-csrf-token': other.csrf }), body });
    expect(crossed.status).toBe(403);
    expect((await rt.request('GET', '/api/admin/challenges', { as: ADMIN_USER })).body).toHaveLength(0);

    const ok = await rt.request('POST', '/api/admin/challenges', { headers: withCookie(s, { 'x-csrf-token': s.csrf }), body });
    expect(ok.status).toBe(201);

    const m = await registeredMember(rt);
    for (const method of ['POST', 'DELETE', 'PUT', 'PATCH']) {
      const path = method === 'PATCH' ? `/api/admin/challenges/${ok.body.id}` : method === 'POST' ? `/api/admin/users/${m.id}/ban` : method === 'PUT' ? `/api/admin/users/${m.id}/challenges/${ok.body.id}/streak` : '/api/admin/submissions/1';
      const res = await rt.request(method, path, { headers: withCookie(s), body: method === 'PUT' ? { current: 1 } : {} });
      expect(res.status).toBe(403);
    }
    expect((await rt.services.members.findMember(m.tg.id))?.isBanned).toBe(false);

    const trpcNoToken = await trpc('mutation', 'admin.challenges.create', { title: 'Push-ups' }, withCookie(s));
    expect(trpcNoToken.status).toBe(403);
    expect(trpcNoToken.body.error.data).toMatchObject({ appCode: 'FORBIDDEN', details: { reason: 'CSRF' } });
    const trpcOk = await trpc('mutation', 'admin.challenges.create', { title: 'Push-ups' }, withCookie(s, { 'x-csrf-token': s.csrf }));
    expect(trpcOk.status).toBe(200);
    // Reads need no token.
    expect((await trpc('query', 'admin.challenges.list', undefined, withCookie(s))).body.result.data).toHaveLength(2);
  });

  test('logout ends the session server-side and clears the cookie; logout itself needs the CSRF token', async () => {
    const s = await loginAs();
    const refused = await rt.request('POST', '/api/admin/auth/logout', { headers: withCookie(s) });
    expect(refused.status).toBe(403);
    expect((await rt.request('GET', '/api/admin/challenges', { headers: withCookie(s) })).status).toBe(200);
    const out = await rt.request('POST', '/api/admin/auth/logout', { headers: withCookie(s, { 'x-csrf-token': s.csrf }) });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^qadam_admin=;.*Max-Age=0/);
    // The old cookie value, replayed, is dead.
    expect((await rt.request('GET', '/api/admin/challenges', { headers: withCookie(s) })).status).toBe(401);
    expect(await rt.sql('select count(*) as n from admin_sessions')).toEqual([{ n: 0 }]);
  });

  test('a banned admin loses access at once', async () => {
    const owner = { telegramId: ADMIN_USER.id, role: 'owner' as const };
    const helper = await registeredMember(rt, { id: 2000 });
    await rt.services.admin.access.addAdmin(owner, 2000, 'admin');
    const s = await loginAs(2000);
    expect((await rt.request('GET', '/api/admin/users', { headers: withCookie(s) })).status).toBe(200);
    const ban = await rt.request('POST', `/api/admin/users/${helper.id}/ban`, { as: ADMIN_USER, body: { reason: 'abuse' } });
    expect(ban.status).toBe(200);
    for (const res of [
      await rt.request('GET', '/api/admin/users', { headers: withCookie(s) }),
      await rt.request('GET', '/api/admin/auth/session', { headers: withCookie(s) }),
      await trpc('query', 'admin.me', undefined, withCookie(s)),
      await rt.request('GET', '/api/admin/export/members.csv', { headers: withCookie(s) }),
    ]) {
      expect(res.status).toBe(403);
    }
    await expect(rt.services.admin.login.createLoginLink(2000)).rejects.toThrow();
  });

  test('a removed admin loses access at once', async () => {
    const owner = { telegramId: ADMIN_USER.id, role: 'owner' as const };
    await rt.services.admin.access.addAdmin(owner, 3000, 'admin');
    const s = await loginAs(3000);
    expect((await rt.request('GET', '/api/admin/analytics', { headers: withCookie(s) })).status).toBe(200);
    const removed = await rt.request('POST', '/trpc/admin.admins.remove', { as: ADMIN_USER, body: { telegramId: 3000 } });
    expect(removed.status).toBe(200);
    expect((await rt.request('GET', '/api/admin/analytics', { headers: withCookie(s) })).status).toBe(403);
    expect((await trpc('query', 'admin.challenges.list', undefined, withCookie(s))).status).toBe(403);
  });

  test('a cookie on a non-admin route grants nothing to members', async () => {
    const s = await loginAs();
    expect((await rt.request('GET', '/api/me', { headers: withCookie(s) })).status).toBe(401);
  });

  test('the cookie is Secure when PUBLIC_URL is https', async () => {
    rt.close();
    rt = createTestRuntime({ env: { PUBLIC_URL: 'https://club.example.uz' } });
    const s = await loginAs();
    expect(s.setCookie).toContain('Secure');
    const out = await rt.request('POST', '/api/admin/auth/logout', { headers: withCookie(s, { 'x-csrf-token': s.csrf }) });
    expect(out.headers.get('set-cookie')).toContain('Secure');
  });

  test('inside Telegram the panel uses initData; the session endpoint says so and a non-admin is refused', async () => {
    const res = await rt.request('GET', '/api/admin/auth/session', { as: ADMIN_USER });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ telegramId: ADMIN_USER.id, role: 'owner', via: 'initData', csrfToken: null });
    const stranger = await rt.request('GET', '/api/admin/auth/session', { as: telegramUser() });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('FORBIDDEN');
  });
});

describe('demo mode', () => {
  test('without a bot token the panel can be tried as a demo owner; with a token the route does not exist', async () => {
    expect((await rt.request('POST', '/api/admin/auth/demo')).status).toBe(404);
    rt.close();
    rt = createTestRuntime({ env: { BOT_TOKEN: '' } });
    const res = await rt.request('POST', '/api/admin/auth/demo');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ telegramId: 9_000_000_000, role: 'owner', via: 'cookie' });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await rt.request('GET', '/api/admin/challenges', { headers: { cookie } })).status).toBe(200);
    const write = await rt.request('POST', '/api/admin/challenges', { headers: { cookie, 'x-csrf-token': res.body.csrfToken }, body: { title: 'Demo' } });
    expect(write.status).toBe(201);
  });
});

describe('CSV export', () => {
  test('members, submissions and a leaderboard as CSV; formulas neutralized; audited; admins only', async () => {
    const c = await createChallenge(rt, { title: 'Steps, daily', unit: 'steps' });
    const a = await joinedMember(rt, c.id, { first_name: '=HYPERLINK("http://evil")' });
    const b = await joinedMember(rt, c.id, { first_name: 'Зарина' });
    // a also submitted last Sunday (outside this week's board): two results, best streak 1.
    rt.clock.advance(-3 * 86_400_000);
    expect((await submit(rt, a.tg, c.id, 1000)).status).toBe(201);
    rt.clock.advance(3 * 86_400_000);
    expect((await submit(rt, a.tg, c.id, 5000)).status).toBe(201);
    expect((await submit(rt, b.tg, c.id, '7500,5')).status).toBe(201);
    const s = await loginAs();

    const members = await rt.request('GET', '/api/admin/export/members.csv', { headers: withCookie(s) });
    expect(members.status).toBe(200);
    expect(members.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(members.headers.get('content-disposition')).toMatch(/^attachment; filename="qadam-members-2026-11-25\.csv"$/);
    const lines = (members.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toStartWith('id,telegram_id,display_name');
    expect(lines).toHaveLength(3);
    // challenges, submissions, best streak per member
    expect(lines.slice(1).map((l) => l.split(',').slice(-3).join(','))).toEqual(['1,2,1', '1,1,1']);
    expect(members.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(members.body).toContain('Зарина');

    const subs = await rt.request('GET', `/api/admin/export/submissions.csv?challengeId=${c.id}`, { headers: withCookie(s) });
    expect(subs.status).toBe(200);
    expect(subs.body).toContain('"Steps, daily"');
    expect(subs.body).toContain(',7500.5\r\n');

    const board = await rt.request('GET', `/api/admin/export/leaderboard.csv?challengeId=${c.id}&type=weekly`, { as: ADMIN_USER });
    expect(board.status).toBe(200);
    const rows = (board.body as string).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('rank,user_id,display_name,total,days,period_from,period_to');
    expect(rows[1]).toStartWith(`1,${b.id},Зарина,7500.5,1,2026-11-23,2026-11-29`);
    expect(rows[2]).toStartWith(`2,${a.id},`);

    expect((await rt.request('GET', '/api/admin/export/leaderboard.csv?challengeId=999', { as: ADMIN_USER })).status).toBe(404);
    expect((await rt.request('GET', '/api/admin/export/members.csv', { as: telegramUser() })).status).toBe(403);
    expect((await rt.request('GET', '/api/admin/export/members.csv')).status).toBe(401);

    const audit = await rt.request('GET', '/api/admin/audit', { as: ADMIN_USER });
    const exports = audit.body.items.filter((e: { action: string }) => e.action === 'export.csv');
    expect(exports.map((e: { targetId: string }) => e.targetId).sort()).toEqual(['leaderboard', 'members', 'submissions']);
  });
});
