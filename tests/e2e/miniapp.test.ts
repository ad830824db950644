/**
 * The Mini App end to end: headless Chromium (Debian's) driven by playwright-core against the
 * real server on a real SQLite file, opened the way Telegram opens it:
 * `/app/#tgWebAppData=<signed initData>&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop`.
 *
 * The server's clock stands at Wednesday 2026-11-25 12:00 in Tashkent, so a 21:00–23:59
 * window is closed. Screenshots (390×844, light and dark) go to $MINIAPP_SHOTS or /tmp.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { challengeVia, STEPS } from '../helpers/factories';
import { createChallenge, EVENING_BOOK, joinedMember, submit } from '../helpers/factories';
import { signInitData, type TestTelegramUser } from '../helpers/initData';
import { ADMIN_USER, telegramUser } from '../helpers/runtime';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { attr, count, DARK, disabled, exactText, gone, hasText, LIGHT, poll, seen, SHOTS, value } from '../helpers/page';


const valueNot = async (loc: Locator, v: string) => {
  await seen(loc);
  expect(await loc.first().inputValue()).not.toBe(v);
};

let server: TestServer;
/** Where the page is opened: `/app/`, as Telegram opens it (API.md). */
const APP_PATH = '/app/';
let browser: Browser;
let steps: { id: number };
let book: { id: number };
let run: { id: number };
let fresh: { id: number };

/** initData as Telegram signs it; `signature` is what current clients add (the SDK wants it). */
function initDataFor(user: TestTelegramUser, opts: { signature?: boolean; authDate?: Date } = {}): string {
  return signInitData(user, {
    authDate: opts.authDate ?? server.clock.now(),
    extra: opts.signature ? { signature: 'c2lnbmF0dXJlLWZyb20tdGVsZWdyYW0' } : undefined,
  });
}

function appUrl(initData: string, opts: { theme?: Record<string, string>; platform?: string } = {}): string {
  let hash = `#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=${opts.platform ?? 'tdesktop'}`;
  if (opts.theme) hash += `&tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(opts.theme))}`;
  return `${server.url}${APP_PATH}${hash}`;
}

async function newPage(viewport = { width: 390, height: 844 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function memberId(user: TestTelegramUser): Promise<number> {
  const res = await server.request('GET', '/api/me', { as: user });
  expect(res.status).toBe(200);
  return res.body.user.id as number;
}

function card(page: Page, id: number) {
  return page.locator(`[data-testid="challenge-card"][data-challenge-id="${id}"]`);
}

async function register(page: Page, name: string) {
  await page.getByTestId('register-name-input').fill(name);
  await page.getByTestId('register-submit').click();
  await exactText(page.getByTestId('profile-name'), name);
}

async function backgroundOf(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

beforeAll(async () => {
  ensureBuilt('miniapp');
  server = await startTestServer({ env: { RATE_LIMIT_IP: '100000', RATE_LIMIT_READS: '100000', RATE_LIMIT_WRITES: '100000' } });
  steps = await createChallenge(server, {
    title: 'Kunlik qadamlar',
    description: 'Har kuni kamida 10 000 qadam.',
    emoji: '👟',
    unit: 'qadam',
    target: 10000,
    maxValue: 100000,
  });
  book = await createChallenge(server, EVENING_BOOK);
  run = await createChallenge(server, { title: 'Yugurish', emoji: '🏃', unit: 'km', maxValue: 100, target: 3 });
  fresh = await createChallenge(server, { title: 'Suv ichish', emoji: '💧', unit: 'l', maxValue: 10 });
  // Other members already on the board.
  for (const [i, name] of ['Aziza', 'Bekzod', 'Dilnoza'].entries()) {
    const m = await joinedMember(server, run.id, { first_name: name, last_name: 'Test' });
    expect((await submit(server, m.tg, run.id, 20 + i * 5)).status).toBe(201);
    await server.request('POST', `/api/challenges/${steps.id}/join`, { as: m.tg });
    expect((await submit(server, m.tg, steps.id, 8000 + i * 1500)).status).toBe(201);
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Mini App in a browser opened like Telegram opens it', () => {
  test('GET /app/ serves the page (no redirect loop) with its CSP', async () => {
    const res = await fetch(`${server.url}/app/`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="app">');
  });

  test('register → join → submit "12,5" → profile and leaderboard show it → second submit refused → closed window → four tabs', async () => {
    const user = telegramUser({ first_name: 'Sardor', last_name: 'Karimov', username: 'sardor', language_code: 'uz' });
    const { context, page, errors } = await newPage();
    // The exact launch of API.md: no theme parameters, no signature.
    await page.goto(appUrl(initDataFor(user)));

    // Registration, the name prefilled from Telegram.
    await value(page.getByTestId('register-name-input'), 'Sardor Karimov');
    await register(page, 'Sardor K.');
    const myId = await memberId(user);

    // Join the running challenge.
    await page.getByTestId('nav-challenges').click();
    const runCard = card(page, run.id);
    await seen(runCard);
    await hasText(runCard.getByTestId('challenge-participants'), '3');
    await runCard.getByTestId('join-button').click();
    await seen(runCard.getByTestId('submit-button'));
    await seen(runCard.getByTestId('leave-button'));
    await hasText(runCard.getByTestId('challenge-participants'), '4');

    // Submit with a decimal comma.
    await runCard.getByTestId('submit-button').click();
    const input = page.getByTestId('value-input');
    await attr(input, 'inputmode', 'decimal');
    await hasText(page.getByTestId('submit-modal'), '100'); // bounds shown
    await hasText(page.getByTestId('submit-modal'), 'km');
    await input.fill('12,5');
    await page.getByTestId('confirm-submit').click();
    await gone(page.getByTestId('submit-modal'));
    await hasText(page.getByTestId('toast').first(), '12,5');
    await hasText(runCard.getByTestId('challenge-today'), '12,5');

    // A second open offers the correction (within CORRECTION_MINUTES) instead of a new result.
    await attr(runCard.getByTestId('submit-button'), 'data-state', 'correct');
    await runCard.getByTestId('submit-button').click();
    await seen(page.getByTestId('correction-notice'));
    await hasText(page.getByTestId('correction-notice'), 'allaqachon');
    await value(page.getByTestId('value-input'), '12,5');
    await page.getByTestId('submit-close').click();
    await gone(page.getByTestId('submit-modal'));

    // Profile: the value, the streak, the heatmap.
    await page.getByTestId('nav-profile').click();
    const mine = page.locator(`[data-testid="profile-challenge"][data-challenge-id="${run.id}"]`);
    await exactText(mine.getByTestId('streak-current'), '1');
    await exactText(mine.getByTestId('challenge-total'), '12,5');
    await attr(mine.getByTestId('today-status'), 'data-status', 'done');
    await attr(mine.locator('[data-testid="heatmap"] [data-day="2026-11-25"]'), 'data-level', '4');

    // Leaderboard: the new result at once, in its place (25, 20, 15 → 12,5 is 4th).
    await page.getByTestId('nav-leaderboard').click();
    await page.locator(`[data-testid="leaderboard-challenge"][data-challenge-id="${run.id}"]`).click();
    const myRow = page.locator(`[data-testid="leaderboard-row"][data-user-id="${myId}"]`);
    await hasText(myRow, '12,5');
    await attr(myRow, 'data-rank', '4');
    await count(page.getByTestId('leaderboard-row'), 4);

    // All four tabs render, each with this result in its period.
    for (const type of ['today', 'weekly', 'monthly', 'all'] as const) {
      await page.getByTestId(`leaderboard-tab-${type}`).click();
      await attr(page.getByTestId(`leaderboard-tab-${type}`), 'aria-selected', 'true');
      await seen(page.locator(`[data-testid="leaderboard-list"][data-type="${type}"]`));
      await hasText(myRow, '12,5');
      await hasText(page.getByTestId('leaderboard-row').first(), 'Dilnoza');
    }
    await page.screenshot({ path: `${SHOTS}/miniapp-leaderboard-light-390x844.png` });

    // A challenge whose window is closed now says so on the card and in the modal.
    await page.getByTestId('nav-challenges').click();
    const bookCard = card(page, book.id);
    await attr(bookCard.getByTestId('window-status'), 'data-open', 'false');
    await hasText(bookCard.getByTestId('window-status'), '21:00–23:59');
    await bookCard.getByTestId('join-button').click();
    await bookCard.getByTestId('submit-button').click();
    await seen(page.getByTestId('window-closed-notice'));
    await hasText(page.getByTestId('window-closed-notice'), '21:00–23:59');
    await disabled(page.getByTestId('value-input'), true);
    await page.keyboard.press('Escape');
    await gone(page.getByTestId('submit-modal'));

    await page.getByTestId('nav-profile').click();
    await page.screenshot({ path: `${SHOTS}/miniapp-profile-light-390x844.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test("the server's refusal is shown in the member's language (result sent elsewhere meanwhile)", async () => {
    const m = await joinedMember(server, steps.id, { first_name: 'Malika', language_code: 'ru' });
    const { context, page } = await newPage();
    await page.goto(appUrl(initDataFor(m.tg, { signature: true })));
    await page.getByTestId('nav-challenges').click();
    const stepsCard = card(page, steps.id);
    await seen(stepsCard.getByTestId('submit-button'));
    await stepsCard.getByTestId('submit-button').click();
    const input = page.getByTestId('value-input');
    await disabled(input, false);
    // Opening the modal refreshes the profile; let that settle, so the page still believes
    // nothing was sent today when the result arrives from elsewhere.
    await page.waitForLoadState('networkidle');
    // The bot's /submit (or another device) stores today's result while the modal is open.
    expect((await submit(server, m.tg, steps.id, 7000)).status).toBe(201);
    await input.fill('9000');
    await page.getByTestId('confirm-submit').click();
    const error = page.getByTestId('submit-error');
    await seen(error);
    await hasText(error, 'Результат за сегодня уже отправлен');
    await context.close();
  }, 30_000);

  test('invalid input is explained before sending: not a number, out of range', async () => {
    const m = await joinedMember(server, run.id, { first_name: 'Jasur', language_code: 'en' });
    const { context, page } = await newPage();
    await page.goto(appUrl(initDataFor(m.tg)));
    await page.getByTestId('nav-challenges').click();
    await card(page, run.id).getByTestId('submit-button').click();
    await page.getByTestId('value-input').fill('abc');
    await page.getByTestId('confirm-submit').click();
    await hasText(page.getByTestId('submit-error'), 'Enter a number');
    await page.getByTestId('value-input').fill('1000');
    await page.getByTestId('confirm-submit').click();
    await hasText(page.getByTestId('submit-error'), 'from 0 to 100');
    const res = await server.request('GET', '/api/me', { as: m.tg });
    expect(res.body.challenges[0].today).toBeNull();
    await context.close();
  }, 30_000);

  test('leave asks for confirmation; cancel keeps the membership, confirm leaves', async () => {
    const m = await joinedMember(server, fresh.id, { first_name: 'Otabek', language_code: 'en' });
    const { context, page } = await newPage();
    await page.goto(appUrl(initDataFor(m.tg)));
    await page.getByTestId('nav-challenges').click();
    const c = card(page, fresh.id);
    await c.getByTestId('leave-button').click();
    await seen(page.getByTestId('leave-sheet'));
    await page.getByTestId('leave-cancel').click();
    await gone(page.getByTestId('leave-sheet'));
    await attr(c, 'data-joined', 'true');
    await c.getByTestId('leave-button').click();
    await page.getByTestId('leave-confirm').click();
    await seen(c.getByTestId('join-button'));
    await attr(c, 'data-joined', 'false');
    const me = await server.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges.some((x: { challenge: { id: number } }) => x.challenge.id === fresh.id)).toBe(false);
    await context.close();
  }, 30_000);

  test('dark theme parameters change the page colours (light vs dark screenshots)', async () => {
    const user = telegramUser({ first_name: 'Zarina', language_code: 'uz' });
    const m = await joinedMember(server, run.id, user);
    await submit(server, m.tg, run.id, 30);
    await server.request('POST', `/api/challenges/${steps.id}/join`, { as: m.tg });

    const light = await newPage();
    await light.page.goto(appUrl(initDataFor(user, { signature: true }), { theme: LIGHT }));
    await seen(light.page.getByTestId('profile-name'));
    const lightBg = await backgroundOf(light.page);
    expect(lightBg).toBe('rgb(244, 244, 245)');
    await light.page.screenshot({ path: `${SHOTS}/miniapp-profile-light-theme-390x844.png` });

    const dark = await newPage();
    await dark.page.goto(appUrl(initDataFor(user, { signature: true }), { theme: DARK }));
    await seen(dark.page.getByTestId('profile-name'));
    expect(await backgroundOf(dark.page)).toBe('rgb(15, 15, 15)');
    const text = await dark.page.getByTestId('profile-name').evaluate((el) => getComputedStyle(el).color);
    expect(text).toBe('rgb(255, 255, 255)');
    expect(await dark.page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await dark.page.screenshot({ path: `${SHOTS}/miniapp-profile-dark-390x844.png` });
    await dark.page.getByTestId('nav-leaderboard').click();
    await seen(dark.page.getByTestId('leaderboard-row').first());
    await dark.page.screenshot({ path: `${SHOTS}/miniapp-leaderboard-dark-390x844.png` });
    await dark.page.getByTestId('nav-challenges').click();
    await card(dark.page, steps.id).getByTestId('submit-button').click();
    await dark.page.getByTestId('value-input').fill('12,5');
    await dark.page.screenshot({ path: `${SHOTS}/miniapp-submit-dark-390x844.png` });

    // Without theme parameters (a plain launch) the page keeps Telegram's light defaults.
    expect(lightBg).not.toBe(await backgroundOf(dark.page));
    await light.context.close();
    await dark.context.close();
  }, 30_000);

  for (const viewport of [
    { width: 360, height: 640 },
    { width: 390, height: 844 },
  ]) {
    test(`works at ${viewport.width}×${viewport.height}: no sideways overflow, tab bar and modal fit`, async () => {
      const user = telegramUser({ first_name: 'Dilshod', last_name: 'Abdurahmonov-Toshkentlik', language_code: 'ru' });
      const m = await joinedMember(server, steps.id, user);
      await server.request('POST', `/api/challenges/${book.id}/join`, { as: m.tg });
      const { context, page, errors } = await newPage(viewport);
      await page.goto(appUrl(initDataFor(user), { theme: LIGHT }));
      await seen(page.getByTestId('profile-name'));

      const fits = () =>
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      for (const tab of ['profile', 'challenges', 'leaderboard'] as const) {
        await page.getByTestId(`nav-${tab}`).click();
        await seen(page.getByTestId(`${tab}-page`));
        expect(await fits()).toBe(true);
        const bar = await page.getByTestId(`nav-${tab}`).boundingBox();
        expect(bar!.y + bar!.height).toBeLessThanOrEqual(viewport.height);
      }
      await page.getByTestId('leaderboard-tab-monthly').click();
      await seen(page.locator('[data-testid="leaderboard-list"][data-type="monthly"]'));
      expect(await fits()).toBe(true);

      await page.getByTestId('nav-challenges').click();
      await card(page, steps.id).getByTestId('submit-button').click();
      await seen(page.getByTestId('confirm-submit'));
      // The sheet slides up: wait until the button has come to rest inside the viewport.
      await poll(async () => {
        const box = await page.getByTestId('confirm-submit').boundingBox();
        return !!box && box.y + box.height <= viewport.height;
      }, true, 'confirm-submit inside the viewport');
      const confirm = await page.getByTestId('confirm-submit').boundingBox();
      expect(confirm!.y + confirm!.height).toBeLessThanOrEqual(viewport.height);
      expect(confirm!.x).toBeGreaterThanOrEqual(0);
      expect(confirm!.x + confirm!.width).toBeLessThanOrEqual(viewport.width);
      await page.getByTestId('value-input').fill('8 500,5');
      await page.getByTestId('confirm-submit').click();
      await gone(page.getByTestId('submit-modal'));
      await hasText(card(page, steps.id).getByTestId('challenge-today'), '8 500,5');
      await page.screenshot({ path: `${SHOTS}/miniapp-challenges-${viewport.width}x${viewport.height}.png` });
      expect(errors).toEqual([]);
      await context.close();
    }, 30_000);
  }

  test("the member's own rank is pinned when outside the top", async () => {
    const board = await createChallenge(server, { title: 'Push-ups', emoji: '💪', unit: 'x', maxValue: 1000 });
    for (let i = 0; i < 52; i++) {
      const m = await joinedMember(server, board.id, { first_name: `Top${i}` });
      await submit(server, m.tg, board.id, 100 + i);
    }
    const me = await joinedMember(server, board.id, { first_name: 'Last', language_code: 'en' });
    await submit(server, me.tg, board.id, 5);
    const { context, page } = await newPage();
    await page.goto(appUrl(initDataFor(me.tg)));
    await page.getByTestId('nav-leaderboard').click();
    await page.locator(`[data-testid="leaderboard-challenge"][data-challenge-id="${board.id}"]`).click();
    await hasText(page.getByTestId('leaderboard-row').first(), 'Top51');
    await count(page.locator(`[data-testid="leaderboard-row"][data-user-id="${me.id}"]`), 0);
    const pinned = page.getByTestId('leaderboard-me');
    await seen(pinned);
    await attr(pinned, 'data-rank', '53');
    await context.close();
  }, 60_000);

  test('language follows Telegram and can be switched (stored on the server)', async () => {
    const user = telegramUser({ first_name: 'Anna', language_code: 'ru' });
    const { context, page } = await newPage();
    await page.goto(appUrl(initDataFor(user)));
    await exactText(page.getByTestId('register-submit'), 'Вступить в клуб');
    await register(page, 'Anna');
    await hasText(page.getByTestId('nav-profile'), 'Профиль');
    await page.getByTestId('settings-button').click();
    await seen(page.getByTestId('settings-page'));
    await page.getByTestId('language-option-en').click();
    await hasText(page.getByTestId('nav-profile'), 'Profile');
    await poll(async () => (await server.request('GET', '/api/me', { as: user })).body.user.language, 'en');
    await page.getByTestId('reminders-toggle').click();
    await poll(async () => (await server.request('GET', '/api/me', { as: user })).body.user.remindersEnabled, false);
    await page.getByTestId('back-button').click();
    await gone(page.getByTestId('settings-page'));
    await context.close();
  }, 30_000);

  test('inside a Telegram phone client: ready(), BackButton, MainButton submits, haptics', async () => {
    const m = await joinedMember(server, fresh.id, { first_name: 'Kamola', language_code: 'en' });
    const { context, page } = await newPage();
    // What a phone client provides: a postEvent proxy (we record the calls).
    await page.addInitScript(() => {
      const w = window as unknown as { __tg: [string, unknown][]; TelegramWebviewProxy: unknown };
      w.__tg = [];
      w.TelegramWebviewProxy = {
        postEvent: (name: string, data: string) => w.__tg.push([name, data ? JSON.parse(data) : null]),
      };
    });
    const calls = () => page.evaluate(() => (window as unknown as { __tg: [string, any][] }).__tg);
    const sent = async (name: string, match: (data: any) => boolean = () => true) =>
      poll(async () => (await calls()).some(([n, d]) => n === name && match(d)), true, `posted ${name}`);
    const receive = (name: string, data: unknown = {}) =>
      page.evaluate(
        ([n, d]) => (window as any).Telegram.WebView.receiveEvent(n, d),
        [name, data] as const,
      );

    await page.goto(appUrl(initDataFor(m.tg, { signature: true }), { platform: 'android', theme: LIGHT }));
    await seen(page.getByTestId('profile-name'));
    await sent('web_app_ready');

    // Nested screen: BackButton shown, pressing it closes the screen and hides the button.
    await page.getByTestId('settings-button').click();
    await seen(page.getByTestId('settings-page'));
    await sent('web_app_setup_back_button', (d) => d?.is_visible === true);
    await receive('back_button_pressed');
    await gone(page.getByTestId('settings-page'));
    await poll(
      async () => (await calls()).filter(([n]) => n === 'web_app_setup_back_button').at(-1)?.[1]?.is_visible,
      false,
      'back button hidden',
    );

    // The modal: Telegram's MainButton is the submit button on phones.
    await page.getByTestId('nav-challenges').click();
    await card(page, fresh.id).getByTestId('submit-button').click();
    await sent('web_app_setup_main_button', (d) => d?.is_visible === true);
    expect(await page.getByTestId('confirm-submit').isVisible()).toBe(false);
    await page.getByTestId('value-input').fill('1,5');
    await sent('web_app_setup_main_button', (d) => d?.is_visible === true && d?.is_active === true);
    await receive('main_button_pressed');
    await gone(page.getByTestId('submit-modal'));
    await sent('web_app_trigger_haptic_feedback', (d) => d?.type === 'notification' && d?.notification_type === 'success');
    await poll(
      async () => (await calls()).filter(([n]) => n === 'web_app_setup_main_button').at(-1)?.[1]?.is_visible,
      false,
      'main button hidden after submit',
    );
    const me = await server.request('GET', '/api/me', { as: m.tg });
    expect(me.body.challenges.find((c: any) => c.challenge.id === fresh.id).today.value).toBe(1.5);
    await context.close();
  }, 30_000);

  test('expired initData says to reopen the app', async () => {
    const user = telegramUser({ first_name: 'Old', language_code: 'en' });
    const old = new Date(server.clock.now().getTime() - 3 * 86_400_000);
    const { context, page } = await newPage();
    await page.goto(appUrl(initDataFor(user, { authDate: old })));
    const fatal = page.getByTestId('fatal-state');
    await attr(fatal, 'data-code', 'UNAUTHORIZED');
    await hasText(fatal, 'Session expired');
    await hasText(fatal, 'open it again from the bot');
    // The title is said once, not repeated by the text under it.
    expect(((await fatal.innerText()).match(/expired/gi) ?? []).length).toBe(1);
    await context.close();
  }, 30_000);

  test('a banned member is told so, in their language', async () => {
    const m = await joinedMember(server, run.id, { first_name: 'Banned', language_code: 'ru' });
    const ban = await server.request('POST', `/api/admin/users/${m.id}/ban`, { as: ADMIN_USER, body: { reason: 'spam' } });
    expect(ban.status).toBe(200);
    const { context, page } = await newPage();
    await page.goto(appUrl(initDataFor(m.tg)));
    const fatal = page.getByTestId('fatal-state');
    await attr(fatal, 'data-code', 'BANNED');
    await hasText(fatal, 'заблокирован');
    await context.close();
  }, 30_000);

  test('a normal browser without launch parameters is told to open Telegram (bot mode)', async () => {
    const { context, page } = await newPage();
    await page.goto(`${server.url}${APP_PATH}`);
    await seen(page.getByTestId('open-in-telegram'));
    await context.close();
  }, 30_000);
});

describe('demo mode (server without BOT_TOKEN)', () => {
  let demo: TestServer;
  beforeAll(async () => {
    demo = await startTestServer({ demo: true });
    // Demo signs with its own random key, so go to the service directly as the seeded owner.
    await challengeVia(demo.services, { ...STEPS, maxValue: 100000 });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  test('a plain browser (no launch parameters) runs as a demo member with a Demo badge', async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${demo.url}${APP_PATH}?user=7`);
    await seen(page.getByTestId('demo-badge'));
    await valueNot(page.getByTestId('register-name-input'), '');
    await page.getByTestId('register-submit').click();
    await seen(page.getByTestId('profile-name'));
    await page.getByTestId('nav-challenges').click();
    await page.getByTestId('join-button').first().click();
    await seen(page.getByTestId('submit-button').first());
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  test("the demo member speaks the browser's language", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${demo.url}${APP_PATH}?user=8`);
    await exactText(page.getByTestId('register-submit'), 'Вступить в клуб');
    await page.getByTestId('register-submit').click();
    await hasText(page.getByTestId('nav-profile'), 'Профиль');
    await context.close();
  }, 30_000);
});
