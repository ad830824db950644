/**
 * /admin in the bot (against telegram-test-api): an admin gets a one-time sign-in link and a
 * web_app button for the panel; the link opens exactly one session; anyone else is refused
 * politely in their language and no link is made.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { adminTexts } from '../../server/bot/features/admin';
import { BotHarness, buttons } from '../bot/harness';
import { OWNER } from '../helpers/factories';

let h: BotHarness;
beforeAll(async () => {
  h = await new BotHarness().start();
});
afterAll(async () => {
  await h.stop();
});

const tokenCount = async () => (await h.runtime.sql<{ n: number }>('select count(*) as n from admin_login_tokens'))[0]!.n;

test('an admin gets a one-time link that opens the panel once, and a web_app button', async () => {
  const owner = h.member({ id: 1000, first_name: 'Owner', language_code: 'en' });
  const reply = await owner.ask('/admin');
  const match = /https:\/\/qadam\.example\/admin\/\?login=([A-Za-z0-9_-]{43})/.exec(reply.text);
  expect(match).not.toBeNull();
  expect(reply.text).toContain('valid for 10 minutes');
  expect(buttons(reply)).toEqual([expect.objectContaining({ text: adminTexts.en.open, web_app: { url: 'https://qadam.example/admin/' } })]);

  const token = match![1]!;
  const login = await h.runtime.request('POST', '/api/admin/auth/login', { body: { token } });
  expect(login.status).toBe(200);
  expect(login.body).toMatchObject({ telegramId: 1000, role: 'owner' });
  expect(login.headers.get('set-cookie')).toContain('HttpOnly');
  const again = await h.runtime.request('POST', '/api/admin/auth/login', { body: { token } });
  expect(again.status).toBe(401);
});

test('each /admin makes a fresh link; an expired one no longer works', async () => {
  const owner = h.member({ id: 1000, first_name: 'Owner', language_code: 'uz' });
  const first = /login=([A-Za-z0-9_-]{43})/.exec((await owner.ask('/admin')).text)![1]!;
  const second = /login=([A-Za-z0-9_-]{43})/.exec((await owner.ask('/admin')).text)![1]!;
  expect(first).not.toBe(second);
  h.runtime.clock.advance(10 * 60 * 1000 + 1);
  expect((await h.runtime.request('POST', '/api/admin/auth/login', { body: { token: first } })).status).toBe(401);
  h.runtime.clock.advance(-(10 * 60 * 1000 + 1));
  expect((await h.runtime.request('POST', '/api/admin/auth/login', { body: { token: second } })).status).toBe(200);
});

test('a non-admin is refused politely in their language, and no link is created', async () => {
  const before = await tokenCount();
  for (const language of ['uz', 'ru', 'en'] as const) {
    const m = await h.registered({ language_code: language });
    const reply = await m.ask('/admin');
    expect(reply.text).toBe(adminTexts[language].refusal);
    expect(reply.text).not.toContain('login=');
    expect(buttons(reply)).toEqual([]);
  }
  const stranger = h.member({ language_code: 'ru' }); // never registered
  expect((await stranger.ask('/admin')).text).toBe(adminTexts.ru.refusal);
  expect(await tokenCount()).toBe(before);
});

test('a removed admin is refused at once', async () => {
  await h.services.admin.access.addAdmin(OWNER, 5555, 'admin');
  const helper = h.member({ id: 5555, language_code: 'en' });
  expect((await helper.ask('/admin')).text).toContain('login=');
  await h.services.admin.access.removeAdmin(OWNER, 5555);
  expect((await helper.ask('/admin')).text).toBe(adminTexts.en.refusal);
});
