/**
 * Sharing and invitations in the Mini App at 390×844: the share sheet's cards of a streak and
 * of today's result, what happens when Telegram cannot take a prepared message (the fallback
 * with Telegram's share window and a copy), the invite link and its count, a registration
 * through `startapp=inv_<code>`, and a `ch_<id>` link opening its challenge.
 *
 * The Bot API here is a local stand-in that records what the server asks: its getMe names the
 * bot (so links read t.me/QadamTestBot/club?startapp=…) and savePreparedInlineMessage answers
 * as each test tells it. A browser has no Telegram to run shareMessage, so even a prepared
 * message ends in the fallback — which says why.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { createChallenge, joinedMember, registeredMember, submit } from '../helpers/factories';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { ADMIN_USER, telegramUser } from '../helpers/runtime';
import { startTestServer, type TestServer } from '../helpers/server';
import { attr, closeSuite, count, hasText, LIGHT, pageKit, poll, profileCard, seen, SHOTS } from '../helpers/page';
import type { TestTelegramUser } from '../helpers/initData';

const received: { method: string; body: any }[] = [];
let prepared: 'ok' | 'refuse' = 'refuse';
const botApi = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  async fetch(request) {
    const method = new URL(request.url).pathname.split('/').pop()!;
    received.push({ method, body: await request.json().catch(() => ({})) });
    if (method === 'getMe') return Response.json({ ok: true, result: { id: 7, is_bot: true, first_name: 'Qadam', username: 'QadamTestBot' } });
    if (method === 'savePreparedInlineMessage' && prepared === 'ok') return Response.json({ ok: true, result: { id: 'prep-42', expiration_date: 1_800_000_000 } });
    return Response.json({ ok: false, error_code: 404, description: 'Not Found' }, { status: 404 });
  },
});

let server: TestServer;
let browser: Browser;
let kit: ReturnType<typeof pageKit>;
let steps: { id: number };
let run: { id: number };
/** Who invited whom in the invitations test, for the admin's view. */
let pair: { inviter: number; inviterName: string; friend: number } | null = null;

beforeAll(async () => {
  ensureBuilt('miniapp');
  ensureBuilt('admin');
  server = await startTestServer({
    env: { TELEGRAM_API_URL: `http://127.0.0.1:${botApi.port}`, MINIAPP_SHORT_NAME: 'club', RATE_LIMIT_READS: '100000', RATE_LIMIT_WRITES: '100000' },
  });
  steps = await createChallenge(server, { title: 'Kunlik qadamlar', emoji: '👟', unit: 'qadam', target: 10000, maxValue: 100000 });
  run = await createChallenge(server, { title: 'Yugurish', emoji: '🏃', unit: 'km', maxValue: 100 });
  browser = await launchChromium();
  kit = pageKit(server, () => browser);
}, 120_000);

afterAll(async () => {
  await closeSuite(browser, server);
  botApi.stop(true);
});

/** Opens the app as Telegram does for a `startapp=<param>` link: in the launch and in initData. */
async function openWith(user: TestTelegramUser, startParam: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const url = `${kit.appUrl(kit.initDataFor(user, { start_param: startParam }), LIGHT)}&tgWebAppStartParam=${encodeURIComponent(startParam)}`;
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

async function inviteOf(user: TestTelegramUser) {
  const res = await server.request('GET', '/api/me/invite', { as: user });
  expect(res.status).toBe(200);
  return res.body as { code: string; link: string; joined: number };
}

describe('sharing a card', () => {
  test('the sheet offers my streak and today’s result; without shareMessage it falls back to Telegram’s share window', async () => {
    const m = await joinedMember(server, steps.id, { first_name: 'Sevara', language_code: 'uz' });
    expect((await submit(server, m.tg, steps.id, 12000)).status).toBe(201);
    const { code } = await inviteOf(m.tg);
    const { page, errors, context } = await kit.open(m.tg, { theme: LIGHT });

    await profileCard(page, steps.id).getByTestId('profile-share-button').click();
    const sheet = page.getByTestId('share-sheet');
    await seen(sheet);
    await count(sheet.getByTestId('share-card'), 2);
    await attr(sheet.getByTestId('share-card').nth(0), 'data-kind', 'streak');
    await hasText(sheet.getByTestId('share-card').nth(0), '👟 Kunlik qadamlar — 1 kun ketma-ket!');
    await hasText(sheet.getByTestId('share-card').nth(1), 'Sevara bugun: 👟 Kunlik qadamlar');
    await hasText(sheet.getByTestId('share-card').nth(1), 'Kunlik maqsad bajarildi!');
    await page.screenshot({ path: `${SHOTS}/share-sheet-390.png` });

    // Telegram refuses to prepare it (as telegram-test-api does): the member is told, and offered the share window.
    received.length = 0;
    await sheet.locator('[data-testid="share-send"][data-kind="today"]').click();
    const fallback = page.getByTestId('share-fallback');
    await attr(fallback, 'data-reason', 'refused');
    await hasText(fallback, 'Telegram bu safar kartani tayyorlamadi');
    const cardUrl = `https://t.me/QadamTestBot/club?startapp=ch_${steps.id}-inv_${code}`;
    const href = (await fallback.getByTestId('share-link').getAttribute('href'))!;
    expect(href.startsWith(`https://t.me/share/url?url=${encodeURIComponent(cardUrl)}&text=`)).toBe(true);
    expect(decodeURIComponent(href.split('&text=')[1]!)).toContain('Kunlik maqsad bajarildi!');
    const asked = received.filter((r) => r.method === 'savePreparedInlineMessage');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.body).toMatchObject({ user_id: m.tg.id, result: { type: 'article', id: `today-${steps.id}` } });
    expect(asked[0]!.body.result.reply_markup.inline_keyboard[0][0].url).toBe(cardUrl);
    await page.screenshot({ path: `${SHOTS}/share-fallback-390.png` });

    // Prepared, but a browser has no shareMessage: the fallback says this client cannot share from here.
    prepared = 'ok';
    await sheet.locator('[data-testid="share-send"][data-kind="streak"]').click();
    await attr(fallback, 'data-reason', 'client');
    await hasText(fallback, 'Bu Telegram ilovasi bu yerdan ulasha olmaydi');
    prepared = 'refuse';

    // Copy puts the card's text and its link on the clipboard (or says it could not).
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await fallback.getByTestId('share-copy').click();
    await seen(page.locator('.toast', { hasText: 'Nusxa olindi' }));
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);
});

describe('invitations', () => {
  test('my invite link and its count; a friend registering through startapp=inv_<code> is counted once', async () => {
    const inviter = await registeredMember(server, { first_name: 'Umid', language_code: 'en' });
    const { page, errors, context } = await kit.open(inviter.tg, { theme: LIGHT });
    const invite = await inviteOf(inviter.tg);
    const cardEl = page.getByTestId('invite-card');
    await cardEl.scrollIntoViewIfNeeded();
    await poll(() => page.getByTestId('invite-link').inputValue(), `https://t.me/QadamTestBot/club?startapp=inv_${invite.code}`);
    await attr(page.getByTestId('invite-joined'), 'data-joined', '0');
    await hasText(page.getByTestId('invite-joined'), 'Nobody has joined through your link yet.');
    await page.screenshot({ path: `${SHOTS}/invite-card-390.png` });

    // The friend opens the link: registration carries the invitation.
    const friend = telegramUser({ first_name: 'Kamola', language_code: 'uz' });
    const opened = await openWith(friend, `inv_${invite.code}`);
    await opened.page.getByTestId('register-name-input').fill('Kamola');
    await opened.page.getByTestId('register-submit').click();
    await seen(opened.page.getByTestId('profile-name'));
    expect(opened.errors).toEqual([]);
    await opened.close();
    const friendId = (await server.request('GET', '/api/me', { as: friend })).body.user.id;
    expect(await server.sql('select inviter_id, via from invitations where invitee_id = ?', friendId)).toEqual([{ inviter_id: inviter.id, via: 'app' }]);
    pair = { inviter: inviter.id, inviterName: 'Umid', friend: friendId };

    await page.reload();
    await page.getByTestId('invite-card').scrollIntoViewIfNeeded();
    await attr(page.getByTestId('invite-joined'), 'data-joined', '1');
    await hasText(page.getByTestId('invite-joined'), 'Joined through your link: 1');
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);
});

describe('opening a shared card’s link', () => {
  test('ch_<id> shows that challenge: on the profile when joined, in the list to join otherwise', async () => {
    const m = await joinedMember(server, steps.id, { language_code: 'ru' });
    const joined = await openWith(m.tg, `ch_${steps.id}-inv_aaaaaaaaaa`);
    await attr(profileCard(joined.page, steps.id), 'data-focused', 'true');
    await joined.close();

    const other = await openWith(m.tg, `ch_${run.id}`);
    const listed = other.page.locator(`[data-testid="challenge-card"][data-challenge-id="${run.id}"]`);
    await attr(listed, 'data-focused', 'true');
    await seen(listed.getByTestId('join-button'));
    await other.page.screenshot({ path: `${SHOTS}/share-opened-challenge-390.png` });
    expect(other.errors).toEqual([]);
    await other.close();
  }, 30_000);
});

describe('the admin sees invitations', () => {
  test('on a 390×844 phone: the inviter’s page lists whom they invited, the friend’s page names the inviter', async () => {
    if (!pair) throw new Error('the invitations test did not run');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/admin/?login=${(await server.services.admin.login.createLoginLink(ADMIN_USER.id)).token}`);
    await seen(page.locator('[data-testid="whoami"]'));

    await page.goto(`${server.url}/admin/members/${pair.inviter}`);
    const box = page.getByTestId('member-invitations');
    await attr(box.getByTestId('invited-count'), 'data-count', '1');
    await hasText(box.locator(`[data-testid="invited-member"][data-user-id="${pair.friend}"]`), 'Kamola');
    await hasText(box.getByTestId('invited-by'), 'Joined without an invitation');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/admin-member-invitations-390.png`, fullPage: true });

    await box.locator(`[data-testid="invited-member"][data-user-id="${pair.friend}"] a`).click();
    await hasText(page.getByTestId('invited-by-name'), pair.inviterName);
    await attr(page.getByTestId('invited-count'), 'data-count', '0');

    await page.goto(`${server.url}/admin/members?q=${encodeURIComponent(pair.inviterName)}`);
    await attr(page.locator(`[data-testid="user-row"][data-user-id="${pair.inviter}"] [data-testid="member-invited"]`), 'data-count', '1');
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);
});
