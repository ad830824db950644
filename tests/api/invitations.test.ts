/**
 * Invitations and sharing through REST and tRPC: the invite link, the invitation recorded once
 * at registration (never overwritten, never to oneself, bad codes ignored), concurrency, the
 * admin's view, share cards and prepared messages against a local stand-in for the Bot API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test';
import { createCallerFactory } from '../../server/trpc/init';
import { appRouter } from '../../server/trpc/router';
import { recordInvitation } from '../../server/services/invitations';
import { createChallenge, joinedMember, registeredMember, submit } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, telegramUser, type TestRuntime } from '../helpers/runtime';
import { signInitData, type TestTelegramUser } from '../helpers/initData';

const PUBLIC_URL = 'https://club.example';

/**
 * A club without a bot (demo mode): links point to the Mini App's own address. Its initData is
 * signed with the demo secret, as /api/demo/init-data would.
 */
let rt: TestRuntime;
beforeAll(() => {
  const demo = createTestRuntime({ env: { BOT_TOKEN: '', PUBLIC_URL } });
  const signed = (user: TestTelegramUser) => signInitData(user, { authDate: demo.clock.now(), botToken: demo.signingToken });
  rt = {
    ...demo,
    initDataFor: signed,
    request: (method, path, opts = {}) => {
      const { as, ...rest } = opts;
      return demo.request(method, path, { ...rest, headers: { ...rest.headers, ...(as ? { authorization: `tma ${signed(as)}` } : {}) } });
    },
  };
});
afterAll(() => rt.close());

async function inviteOf(user: TestTelegramUser) {
  const res = await rt.request('GET', '/api/me/invite', { as: user });
  expect(res.status).toBe(200);
  return res.body as { code: string; startParam: string; link: string; botLink: string | null; shareUrl: string; joined: number };
}

async function invitationRows(inviteeId: number) {
  return rt.sql<{ inviter_id: number; via: string }>('select inviter_id, via from invitations where invitee_id = ?', inviteeId);
}

describe('the invite link', () => {
  test('is made once per member, carries inv_<code>, and counts who joined through it', async () => {
    const a = await registeredMember(rt);
    const first = await inviteOf(a.tg);
    expect(first.code).toMatch(/^[a-z0-9]{10}$/);
    expect(first.startParam).toBe(`inv_${first.code}`);
    expect(first.link).toBe(`${PUBLIC_URL}/app/?tgWebAppStartParam=inv_${first.code}`);
    expect(first.botLink).toBeNull(); // no bot, no bot username
    expect(first.shareUrl.startsWith(`https://t.me/share/url?url=${encodeURIComponent(first.link)}&text=`)).toBe(true);
    expect(first.joined).toBe(0);
    expect((await inviteOf(a.tg)).code).toBe(first.code);

    // Only registered members have one.
    const stranger = await rt.request('GET', '/api/me/invite', { as: telegramUser() });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('NOT_REGISTERED');
    expect((await rt.request('GET', '/api/me/invite')).status).toBe(401);
  });
});

describe('recording an invitation at registration', () => {
  test('the first registration records the inviter once; nothing later changes it', async () => {
    const a = await registeredMember(rt);
    const c = await registeredMember(rt);
    const codeA = (await inviteOf(a.tg)).code;
    const codeC = (await inviteOf(c.tg)).code;

    const b = telegramUser();
    const reg = await rt.request('POST', '/api/auth/register', { as: b, body: { displayName: 'Bek', invite: `inv_${codeA}` } });
    expect(reg.status).toBe(201);
    expect(await invitationRows(reg.body.user.id)).toEqual([{ inviter_id: a.id, via: 'app' }]);
    expect((await inviteOf(a.tg)).joined).toBe(1);

    // Registering again (a rename) with another code changes nothing.
    const again = await rt.request('POST', '/api/auth/register', { as: b, body: { displayName: 'Bek B.', invite: `inv_${codeC}` } });
    expect(again.status).toBe(200);
    expect(await invitationRows(reg.body.user.id)).toEqual([{ inviter_id: a.id, via: 'app' }]);
    expect((await inviteOf(c.tg)).joined).toBe(0);

    // A member registered without an invitation cannot get one afterwards.
    const d = await registeredMember(rt);
    expect((await rt.request('POST', '/api/auth/register', { as: d.tg, body: { invite: `inv_${codeA}` } })).status).toBe(200);
    expect(await invitationRows(d.id)).toEqual([]);
    expect((await inviteOf(a.tg)).joined).toBe(1);
  });

  test('a shared card’s start parameter (ch_<id>-inv_<code>) and the bare code count too', async () => {
    const a = await registeredMember(rt);
    const code = (await inviteOf(a.tg)).code;
    const viaCard = await rt.request('POST', '/api/auth/register', { as: telegramUser(), body: { invite: `ch_7-inv_${code}` } });
    const bare = await rt.request('POST', '/api/auth/register', { as: telegramUser(), body: { invite: code } });
    expect([viaCard.status, bare.status]).toEqual([201, 201]);
    expect(await invitationRows(viaCard.body.user.id)).toEqual([{ inviter_id: a.id, via: 'app' }]);
    expect(await invitationRows(bare.body.user.id)).toEqual([{ inviter_id: a.id, via: 'app' }]);
    expect((await inviteOf(a.tg)).joined).toBe(2);
  });

  test('unknown, malformed and hostile codes register the member without an invitation', async () => {
    const a = await registeredMember(rt);
    const code = (await inviteOf(a.tg)).code;
    const before = await rt.sql<{ n: number }>('select count(*) as n from invitations');
    for (const invite of [
      'inv_zzzzzzzzzz', // nobody's
      `inv_${code.toUpperCase()}`,
      `inv_${code}x`,
      `inv_${code.slice(0, 9)}`,
      'inv_',
      '',
      "inv_' or 1=1 --",
      `inv_${code}<script>`,
      `${'x'.repeat(60)}-inv_${code}`, // over Telegram's 64 characters
      'ch_1',
      '🙂',
    ]) {
      const res = await rt.request('POST', '/api/auth/register', { as: telegramUser(), body: { invite } });
      expect({ invite, status: res.status }).toEqual({ invite, status: 201 });
      expect(await invitationRows(res.body.user.id)).toEqual([]);
    }
    expect(await rt.sql<{ n: number }>('select count(*) as n from invitations')).toEqual(before);
    expect((await inviteOf(a.tg)).joined).toBe(0);

    // Wrong types and absurd lengths are a 400 and register nobody.
    for (const invite of [42, null, { code }, 'x'.repeat(513)]) {
      const tg = telegramUser();
      const res = await rt.request('POST', '/api/auth/register', { as: tg, body: { invite } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect(await rt.sql('select id from users where telegram_id = ?', tg.id)).toEqual([]);
    }
  });

  test('never to oneself; a banned member’s registration records nothing', async () => {
    const a = await registeredMember(rt);
    const code = (await inviteOf(a.tg)).code;
    // The rule itself, inside a registering transaction: the code's owner is the invitee.
    expect(await rt.store.transaction((tx) => recordInvitation(tx, a.id, `inv_${code}`, 'app', 1))).toBeNull();
    expect(await invitationRows(a.id)).toEqual([]);

    const banned = telegramUser();
    await rt.services.members.seeMember({ telegramId: banned.id, firstName: 'B', lastName: null, username: null, languageCode: 'uz' });
    const row = (await rt.services.members.findMember(banned.id))!;
    await rt.services.admin.members.banMember({ telegramId: ADMIN_USER.id, role: 'owner' }, row.id, 'spam');
    const res = await rt.request('POST', '/api/auth/register', { as: banned, body: { invite: `inv_${code}` } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('BANNED');
    expect(await invitationRows(row.id)).toEqual([]);
  });

  test('concurrent registrations of one member with different codes: one registration, one invitation', async () => {
    const inviters = await Promise.all([registeredMember(rt), registeredMember(rt), registeredMember(rt)]);
    const codes = await Promise.all(inviters.map((m) => inviteOf(m.tg).then((i) => i.code)));
    const b = telegramUser();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => rt.request('POST', '/api/auth/register', { as: b, body: { invite: `inv_${codes[i % 3]}` } })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const id = responses[0]!.body.user.id as number;
    const rows = await invitationRows(id);
    expect(rows).toHaveLength(1);
    expect(inviters.map((m) => m.id)).toContain(rows[0]!.inviter_id);
    const joined = await Promise.all(inviters.map((m) => inviteOf(m.tg).then((i) => i.joined)));
    expect(joined.reduce((s, n) => s + n, 0)).toBe(1);
  });

  test('concurrent first requests for an invite link make one code', async () => {
    const a = await registeredMember(rt);
    const links = await Promise.all(Array.from({ length: 10 }, () => inviteOf(a.tg)));
    expect(new Set(links.map((l) => l.code)).size).toBe(1);
    expect(await rt.sql('select code from invite_codes where user_id = ?', a.id)).toEqual([{ code: links[0]!.code }]);
  });
});

describe('the admin’s view', () => {
  test('a member page shows who invited them and whom they invited; others may not look', async () => {
    const a = await registeredMember(rt, { first_name: 'Anvar' });
    const code = (await inviteOf(a.tg)).code;
    const b = await rt.request('POST', '/api/auth/register', { as: telegramUser(), body: { displayName: 'Bobur', invite: `inv_${code}` } });
    const c = await rt.request('POST', '/api/auth/register', { as: telegramUser(), body: { displayName: 'Charos', invite: `inv_${code}` } });

    const ofA = await rt.request('GET', `/api/admin/users/${a.id}/invitations`, { as: ADMIN_USER });
    expect(ofA.status).toBe(200);
    expect(ofA.body.invitedBy).toBeNull();
    expect(ofA.body.total).toBe(2);
    expect(ofA.body.invited.map((p: { name: string }) => p.name).sort()).toEqual(['Bobur', 'Charos']);
    expect(ofA.body.invited[0]).toMatchObject({ via: 'app', at: rt.clock.now().toISOString() });

    const ofB = await rt.request('GET', `/api/admin/users/${b.body.user.id}/invitations`, { as: ADMIN_USER });
    expect(ofB.body).toEqual({
      invitedBy: { userId: a.id, telegramId: a.tg.id, name: 'Anvar', via: 'app', at: rt.clock.now().toISOString() },
      invited: [],
      total: 0,
    });
    expect(c.status).toBe(201);

    const caller = createCallerFactory(appRouter)({
      services: rt.services,
      auth: { services: rt.services, clock: rt.clock, signingToken: rt.signingToken, initDataMaxAge: rt.config.INIT_DATA_MAX_AGE },
      request: new Request('http://localhost/trpc', { headers: { authorization: `tma ${rt.initDataFor(ADMIN_USER)}` } }),
    });
    expect(await caller.admin.users.invitations({ userId: a.id })).toEqual(ofA.body);

    // The members list counts them too.
    const listed = await rt.request('GET', `/api/admin/users?q=${a.tg.id}`, { as: ADMIN_USER });
    expect(listed.body.items.map((u: { id: number; invited: number }) => [u.id, u.invited])).toEqual([[a.id, 2]]);

    expect((await rt.request('GET', `/api/admin/users/${a.id}/invitations`, { as: a.tg })).status).toBe(403);
    expect((await rt.request('GET', '/api/admin/users/999999/invitations', { as: ADMIN_USER })).status).toBe(404);
    expect((await rt.request('GET', '/api/admin/users/abc/invitations', { as: ADMIN_USER })).status).toBe(400);
  });
});

describe('share cards', () => {
  test('a streak card always, today’s once sent, in the member’s language, opening the challenge', async () => {
    const c = await createChallenge(rt, { title: 'Qadamlar', unit: 'qadam', target: 10000, translations: { ru: { title: 'Шаги', unit: 'шагов' } } });
    const m = await joinedMember(rt, c.id, { language_code: 'ru' });
    const code = (await inviteOf(m.tg)).code;
    const before = await rt.request('GET', `/api/share/cards?challengeId=${c.id}`, { as: m.tg });
    expect(before.status).toBe(200);
    expect(before.body.map((card: { kind: string }) => card.kind)).toEqual(['streak']);

    expect((await submit(rt, m.tg, c.id, 12000)).status).toBe(201);
    const cards = (await rt.request('GET', '/api/share/cards', { as: m.tg })).body;
    expect(cards.map((card: { id: string }) => card.id)).toEqual([`streak-${c.id}`, `today-${c.id}`]);
    const [streak, today] = cards;
    expect(streak.title).toBe('🔥 Серия: 1 день подряд');
    expect(streak.text).toContain('Шаги — 1 день подряд!');
    expect(today.title).toBe('✅ Сегодня: 12\u00a0000 шагов');
    expect(today.text).toContain('Цель в день выполнена!');
    expect(today.button).toEqual({ text: '👣 Открыть челлендж', url: `${PUBLIC_URL}/app/?tgWebAppStartParam=ch_${c.id}-inv_${code}` });

    // Without a bot there is nothing to prepare: the answer says so and carries the fallbacks.
    const prepared = await rt.request('POST', '/api/share/prepare', { as: m.tg, body: { challengeId: c.id, kind: 'today' } });
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({ preparedMessageId: null, expiresAt: null, fallback: 'unavailable', inlineQuery: `ch_${c.id}` });
    expect(prepared.body.card).toEqual(today);
    expect(prepared.body.shareUrl).toBe(
      `https://t.me/share/url?url=${encodeURIComponent(today.button.url)}&text=${encodeURIComponent(today.text)}`,
    );
  });

  test('nothing to share is a 404; bad input a 400', async () => {
    const c = await createChallenge(rt);
    const other = await createChallenge(rt, { title: 'Other' });
    const m = await joinedMember(rt, c.id);
    const prepare = (body: unknown) => rt.request('POST', '/api/share/prepare', { as: m.tg, body });
    expect((await prepare({ challengeId: c.id, kind: 'today' })).body.error.code).toBe('NOT_FOUND'); // nothing sent today
    expect((await prepare({ challengeId: other.id, kind: 'streak' })).body.error.code).toBe('NOT_FOUND'); // not joined
    expect((await prepare({ challengeId: 999999, kind: 'streak' })).status).toBe(404);
    for (const body of [{ challengeId: c.id }, { challengeId: c.id, kind: 'best' }, { challengeId: 'x', kind: 'streak' }, { challengeId: c.id, kind: 'streak', extra: 1 }]) {
      expect((await prepare(body)).status).toBe(400);
    }
    expect((await rt.request('POST', '/api/share/prepare', { as: telegramUser(), body: { challengeId: c.id, kind: 'streak' } })).status).toBe(403);
  });
});

describe('prepared messages through the Bot API', () => {
  /** A stand-in for api.telegram.org that records what it is asked and answers as told. */
  const received: { method: string; body: any }[] = [];
  let answerPrepared: 'ok' | 'refuse' = 'ok';
  const fake = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(request) {
      const method = new URL(request.url).pathname.split('/').pop()!;
      const body = await request.json().catch(() => ({}));
      received.push({ method, body });
      if (method === 'getMe') return Response.json({ ok: true, result: { id: 1, is_bot: true, first_name: 'Qadam', username: 'QadamTestBot' } });
      if (method === 'savePreparedInlineMessage' && answerPrepared === 'ok') {
        return Response.json({ ok: true, result: { id: 'prepared-1', expiration_date: 1_795_000_000 } });
      }
      return Response.json({ ok: false, error_code: 404, description: 'Not Found: method not found' }, { status: 404 });
    },
  });
  let club: TestRuntime;
  beforeAll(() => {
    club = createTestRuntime({ env: { TELEGRAM_API_URL: `http://127.0.0.1:${fake.port}`, PUBLIC_URL, MINIAPP_SHORT_NAME: 'club' } });
  });
  afterEach(() => {
    received.length = 0;
  });
  afterAll(async () => {
    await club.close();
    fake.stop(true);
  });

  test('the card is saved for the member and its id handed to the Mini App; links name the bot and the app', async () => {
    const c = await createChallenge(club, { title: 'Kitob', emoji: '📚', unit: 'bet' });
    const m = await joinedMember(club, c.id, { language_code: 'uz' });
    const invite = (await club.request('GET', '/api/me/invite', { as: m.tg })).body;
    expect(invite.link).toBe(`https://t.me/QadamTestBot/club?startapp=inv_${invite.code}`);
    expect(invite.botLink).toBe(`https://t.me/QadamTestBot?start=inv_${invite.code}`);

    const res = await club.request('POST', '/api/share/prepare', { as: m.tg, body: { challengeId: c.id, kind: 'streak' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ preparedMessageId: 'prepared-1', expiresAt: new Date(1_795_000_000_000).toISOString(), fallback: null });
    const sent = received.filter((r) => r.method === 'savePreparedInlineMessage');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({
      user_id: m.tg.id,
      result: {
        type: 'article',
        id: `streak-${c.id}`,
        title: '🔥 0 kunlik seriya',
        description: '📚 Kitob · Eng uzun seriya: 0',
        input_message_content: { message_text: res.body.card.text, link_preview_options: { is_disabled: true } },
        reply_markup: {
          inline_keyboard: [[{ text: '👣 Challengeni ochish', url: `https://t.me/QadamTestBot/club?startapp=ch_${c.id}-inv_${invite.code}` }]],
        },
      },
      allow_user_chats: true,
      allow_bot_chats: true,
      allow_group_chats: true,
      allow_channel_chats: true,
    });
    expect(res.body.card.text).toContain('📚 Kitob — 0 kun ketma-ket!');
  });

  test('a Bot API that refuses or lacks the method: the member still gets the fallbacks', async () => {
    answerPrepared = 'refuse';
    const c = await createChallenge(club);
    const m = await joinedMember(club, c.id, { language_code: 'en' });
    const res = await club.request('POST', '/api/share/prepare', { as: m.tg, body: { challengeId: c.id, kind: 'streak' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ preparedMessageId: null, fallback: 'refused', inlineQuery: `ch_${c.id}` });
    expect(res.body.card.text).toContain('Join me in Qadam Club');
    expect(received.map((r) => r.method)).toEqual(['savePreparedInlineMessage']);
  });
});
