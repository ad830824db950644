import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { validateInitData } from '../../server/auth/initData';
import { createChallenge, registeredMember } from '../helpers/factories';
import { OTHER_BOT_TOKEN, signInitData, TEST_BOT_TOKEN } from '../helpers/initData';
import { ADMIN_USER, createTestRuntime, telegramUser, type TestRuntime } from '../helpers/runtime';

let rt: TestRuntime;
beforeEach(() => {
  rt = createTestRuntime();
});
afterEach(() => rt.close());

const me = (authorization?: string) =>
  rt.request('GET', '/api/me', { headers: authorization ? { authorization } : {} });

describe('Mini App initData', () => {
  test('a correctly signed initData is accepted', async () => {
    const m = await registeredMember(rt);
    const res = await me(`tma ${signInitData(m.tg, { authDate: rt.clock.now() })}`);
    expect(res.status).toBe(200);
    expect(res.body.user.telegramId).toBe(m.tg.id);
  });

  test('missing, malformed, tampered, other-bot and expired initData are 401', async () => {
    const m = await registeredMember(rt);
    const good = signInitData(m.tg, { authDate: rt.clock.now() });
    const tampered = good.replace(encodeURIComponent(`"id":${m.tg.id}`), encodeURIComponent(`"id":${m.tg.id + 1}`));
    expect(tampered).not.toBe(good);
    const cases = [
      undefined,
      'tma',
      'Bearer abc',
      `tma ${good.replace(/hash=[0-9a-f]+/, 'hash=')}`,
      `tma ${good.replace(/hash=([0-9a-f])/, (_, c) => `hash=${c === 'a' ? 'b' : 'a'}`)}`,
      `tma ${tampered}`,
      `tma ${signInitData(m.tg, { authDate: rt.clock.now(), botToken: OTHER_BOT_TOKEN })}`,
      `tma ${signInitData(m.tg, { authDate: new Date(rt.clock.now().getTime() - 86_401_000) })}`,
      `tma ${good}&hash=${'0'.repeat(64)}`,
      `tma ${'x'.repeat(10_000)}`,
    ];
    for (const header of cases) {
      const res = await me(header);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  test('initData just inside INIT_DATA_MAX_AGE is valid, one second past is not', async () => {
    const m = await registeredMember(rt);
    const now = rt.clock.now().getTime();
    expect((await me(`tma ${signInitData(m.tg, { authDate: new Date(now - 86_400_000) })}`)).status).toBe(200);
    expect((await me(`tma ${signInitData(m.tg, { authDate: new Date(now - 86_401_000) })}`)).status).toBe(401);
  });

  test('the signature field takes part in the check string', () => {
    const user = telegramUser();
    const now = new Date('2026-11-25T07:00:00Z');
    const withSignature = signInitData(user, { authDate: now, extra: { signature: 'abc123' } });
    expect(validateInitData(withSignature, TEST_BOT_TOKEN, 60, now).telegramId).toBe(user.id);
    const altered = withSignature.replace('signature=abc123', 'signature=abc124');
    expect(() => validateInitData(altered, TEST_BOT_TOKEN, 60, now)).toThrow();
    const dropped = withSignature.replace(/&?signature=abc123/, '');
    expect(() => validateInitData(dropped, TEST_BOT_TOKEN, 60, now)).toThrow();
  });
});

describe('admins', () => {
  test('a member is 403 FORBIDDEN on admin routes; no auth is 401', async () => {
    const m = await registeredMember(rt);
    const res = await rt.request('GET', '/api/admin/challenges', { as: m.tg });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const anon = await rt.request('GET', '/api/admin/challenges');
    expect(anon.status).toBe(401);
  });

  test('owners come from ADMIN_TELEGRAM_IDS', async () => {
    const res = await rt.request('GET', '/api/admin/me', { as: ADMIN_USER });
    expect(res.body).toEqual({ telegramId: ADMIN_USER.id, role: 'owner' });
  });
});

describe('demo mode', () => {
  test('without BOT_TOKEN the demo route signs initData the server accepts', async () => {
    const demo = createTestRuntime({ env: { BOT_TOKEN: '' } });
    try {
      const res = await demo.request('GET', '/api/demo/init-data?user=3');
      expect(res.status).toBe(200);
      const reg = await demo.request('POST', '/api/auth/register', { headers: { authorization: `tma ${res.body.initData}` }, body: {} });
      expect(reg.status).toBe(201);
      expect(reg.body.user.telegramId).toBe(res.body.telegramId);
      // initData signed with the test token is not accepted by the demo server
      const forged = await demo.request('GET', '/api/me', { as: telegramUser() });
      expect(forged.status).toBe(401);
      expect((await demo.request('GET', '/api/demo/init-data?user=abc')).status).toBe(400);
      // The demo member takes the browser's language; anything else is refused.
      const ru = await demo.request('GET', '/api/demo/init-data?user=4&lang=ru');
      expect(JSON.parse(new URLSearchParams(ru.body.initData).get('user')!).language_code).toBe('ru');
      expect((await demo.request('GET', '/api/demo/init-data?user=4&lang=de')).status).toBe(400);
      expect((await demo.request('GET', '/api/config')).body).toEqual({ demo: true, botUsername: null });
    } finally {
      demo.close();
    }
  });

  test('with BOT_TOKEN set the demo route does not exist', async () => {
    const res = await rt.request('GET', '/api/demo/init-data?user=1');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await rt.request('GET', '/api/config')).body.demo).toBe(false);
  });
});

test('challenge routes still need auth', async () => {
  const c = await createChallenge(rt);
  const res = await rt.request('POST', `/api/challenges/${c.id}/submit`, { body: { value: 1 } });
  expect(res.status).toBe(401);
});

test('a remembered initData still expires', async () => {
  const m = await registeredMember(rt);
  const initData = signInitData(m.tg, { authDate: rt.clock.now() });
  expect((await me(`tma ${initData}`)).status).toBe(200);
  expect((await me(`tma ${initData}`)).status).toBe(200);
  rt.clock.advance(86_401_000);
  expect((await me(`tma ${initData}`)).status).toBe(401);
});

test('a remembered initData answers only its very string and bot token', async () => {
  const m = await registeredMember(rt);
  const good = signInitData(m.tg, { authDate: rt.clock.now() });
  expect((await me(`tma ${good}`)).status).toBe(200);
  // Same hash, so the same last characters, but another member in the payload: verified afresh.
  const tampered = good.replace(encodeURIComponent(`"id":${m.tg.id}`), encodeURIComponent(`"id":${m.tg.id + 1}`));
  expect(tampered.slice(-64)).toBe(good.slice(-64));
  const res = await me(`tma ${tampered}`);
  expect(res.status).toBe(401);
  expect(res.body.error.code).toBe('UNAUTHORIZED');
  expect(() => validateInitData(good, OTHER_BOT_TOKEN, 86_400, rt.clock.now())).toThrow('signature does not match');
  expect((await me(`tma ${good}`)).status).toBe(200);
});
