/**
 * The admin panel's layouts, measured in headless Chromium against the real server:
 * - on a 390×844 phone every page is reachable from the drawer, nothing sticks out sideways,
 *   the header's parts never overlap, and the desktop's actions work from the cards' menus
 *   (create a challenge with a window, ban, set a streak, delete a result);
 * - at 1440×900 and 1280×800 every column of every table is on screen, none pinned over others.
 *
 * The server's clock stands at Wednesday 2026-11-25 12:00 in Tashkent. Screenshots go to
 * $ADMIN_SHOTS or /tmp.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createChallenge, joinedMember, submit } from '../helpers/factories';
import { ADMIN_USER } from '../helpers/runtime';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { count, gone, hasText, overflowing, overlaps, seen, setTime, tableColumns, until } from '../helpers/pageWait';

const SHOTS = process.env.ADMIN_SHOTS ?? '/tmp';
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
let steps: { id: number };
let alice: Awaited<ReturnType<typeof joinedMember>>;
let bekzod: Awaited<ReturnType<typeof joinedMember>>;
let dilnoza: Awaited<ReturnType<typeof joinedMember>>;

async function newPage(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

/** Waits until no CSS transition or animation runs (drawers and menus have slid in or out). */
const settled = (page: Page) =>
  until(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), (n) => n === 0, 'animations to end');

async function shot(page: Page, name: string) {
  await settled(page);
  await page.screenshot({ path: `${SHOTS}/qadam-admin-${name}.png` });
}

/** The page fits the phone: nothing sideways, and the header's parts side by side. */
async function fits(page: Page, what: string) {
  await settled(page);
  expect({ what, out: await overflowing(page) }).toEqual({ what, out: [] });
  expect({ what, header: await overlaps(page, '.phone-header') }).toEqual({ what, header: [] });
}

const loginUrl = async () => `${server.url}/admin/?login=${(await server.services.admin.login.createLoginLink(ADMIN_USER.id)).token}`;

async function go(page: Page, section: string) {
  await page.locator('[data-testid="nav-toggle"]').click();
  await page.locator(`[data-testid="nav-${section}"]`).click();
  await gone(page.locator('.n-drawer'));
}

/** Opens a card's "⋯" menu and picks the action with the desktop's test id. */
async function menuAction(page: Page, card: Locator, testid: string) {
  await card.locator('[data-testid="row-menu"]').click();
  const item = page.locator(`.n-dropdown-option-body[data-testid="${testid}"]`);
  await seen(item);
  await item.click();
}

async function confirmDialog(page: Page, input?: string) {
  const dialog = page.locator('[data-testid="confirm-dialog"]');
  await seen(dialog);
  await fits(page, 'confirm dialog');
  if (input !== undefined) await dialog.locator('textarea, input').first().fill(input);
  await dialog.locator('[data-testid="confirm-ok"]').click();
  await gone(dialog);
}

beforeAll(async () => {
  ensureBuilt('admin');
  server = await startTestServer();
  steps = await createChallenge(server, { title: 'Daily steps with a rather long title', emoji: '👟', unit: 'steps', target: 5000, description: 'Walk every day; the longer the better, whatever the weather outside.' });
  alice = await joinedMember(server, steps.id, { first_name: 'Alice', last_name: 'Karimova-Longname', username: 'alice_with_a_long_username' });
  bekzod = await joinedMember(server, steps.id, { first_name: 'Bekzod' });
  for (let i = 0; i < 6; i++) await joinedMember(server, steps.id, { first_name: `Member ${i}` });
  const today = server.clock.now();
  for (const [daysAgo, value] of [[2, 6000], [1, 7000]] as const) {
    server.clock.set(new Date(today.getTime() - daysAgo * 86400_000));
    expect((await submit(server, alice.tg, steps.id, value)).status).toBe(201);
  }
  server.clock.set(today);
  expect((await submit(server, alice.tg, steps.id, 8000)).status).toBe(201);
  // Dilnoza: 1 179,2 on Monday and 176,8 today, 1 356 in all (the formats' test).
  dilnoza = await joinedMember(server, steps.id, { first_name: 'Dilnoza' });
  server.clock.set(new Date(today.getTime() - 2 * 86400_000));
  expect((await submit(server, dilnoza.tg, steps.id, '1179,2')).status).toBe(201);
  server.clock.set(today);
  expect((await submit(server, dilnoza.tg, steps.id, '176,8')).status).toBe(201);
  expect((await submit(server, bekzod.tg, steps.id, 12345)).status).toBe(201);
  // A Telegram user who wrote to the bot but never registered (the longest status label).
  server.services.members.seeMember({ telegramId: 77_001, firstName: 'Guest', lastName: null, username: null, languageCode: 'ru' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('admin panel on a 390×844 phone', () => {
  test('every page reachable, nothing sideways; create with a window, ban, set a streak, delete and add a result', async () => {
    const { context, page, errors } = await newPage(PHONE);
    await page.goto(await loginUrl());
    await seen(page.locator('[data-testid="whoami"]'));
    await seen(page.locator('[data-testid="analytics-dau"] canvas'));
    await fits(page, 'dashboard');
    await shot(page, 'phone-dashboard');

    // ---- the drawer holds the navigation, the language and the account ----
    await page.locator('[data-testid="nav-toggle"]').click();
    await seen(page.locator('[data-testid="nav-members"]'));
    await seen(page.locator('[data-testid="lang-select"]'));
    await seen(page.locator('[data-testid="logout-button"]'));
    await fits(page, 'navigation drawer');
    await shot(page, 'phone-nav');
    await page.keyboard.press('Escape');
    await gone(page.locator('.n-drawer'));

    // ---- challenges as cards; a new one with a 21:00–23:59 window from a one-column form ----
    await go(page, 'challenges');
    const stepsCard = page.locator(`[data-testid="challenge-row"][data-challenge-id="${steps.id}"]`);
    await seen(stepsCard);
    await hasText(stepsCard, 'PARTICIPANTS');
    await fits(page, 'challenges');
    await shot(page, 'phone-challenges');
    await page.locator('[data-testid="challenge-new"]').click();
    await seen(page.locator('[data-testid="challenge-form"]'));
    await fits(page, 'challenge form');
    // One column: the emoji and title fields sit one above the other, both the form's width.
    const emojiBox = (await page.locator('[data-testid="challenge-emoji-input"]').boundingBox())!;
    const titleBox = (await page.locator('[data-testid="challenge-title-input"]').boundingBox())!;
    expect(titleBox.y).toBeGreaterThan(emojiBox.y + emojiBox.height);
    expect(emojiBox.x).toBeGreaterThanOrEqual(0);
    await page.locator('[data-testid="challenge-title-input"]').fill('Evening reading');
    await page.locator('[data-testid="challenge-emoji-input"]').fill('📚');
    await page.locator('[data-testid="challenge-description-input"]').fill('Read at least 10 pages every evening.');
    await page.locator('[data-testid="challenge-unit-input"]').fill('pages');
    await page.locator('[data-testid="challenge-target-input"]').fill('10');
    await page.locator('[data-testid="challenge-max-input"]').fill('500');
    await page.locator('[data-testid="challenge-window-toggle"]').click();
    await setTime(page, 'challenge-window-start', '21:00');
    await setTime(page, 'challenge-window-end', '23:59');
    await fits(page, 'challenge form with a window');
    await shot(page, 'phone-challenge-form');
    await page.locator('[data-testid="challenge-save"]').click();
    const bookCard = page.locator('[data-testid="challenge-row"]', { hasText: 'Evening reading' });
    await seen(bookCard);
    await hasText(bookCard, '21:00–23:59');
    const bookId = Number(await bookCard.getAttribute('data-challenge-id'));
    const forMembers = await server.request('GET', '/api/challenges', { as: alice.tg });
    expect(forMembers.body.find((c: { id: number }) => c.id === bookId)).toMatchObject({ title: 'Evening reading', target: 10, timeWindow: { start: '21:00', end: '23:59' } });

    // ---- the leaderboard drawer from a card's menu ----
    await menuAction(page, stepsCard, 'challenge-leaderboard');
    await count(page.locator('[data-testid="admin-leaderboard-row"]'), 3);
    await fits(page, 'leaderboard drawer');
    await shot(page, 'phone-leaderboard');
    await page.keyboard.press('Escape');
    await gone(page.locator('[data-testid="leaderboard-drawer"]'));

    // ---- members as cards; ban from the menu ----
    await go(page, 'members');
    const bekzodCard = page.locator(`[data-testid="user-row"][data-user-id="${bekzod.id}"]`);
    await seen(bekzodCard);
    await fits(page, 'members');
    await shot(page, 'phone-members');
    await menuAction(page, bekzodCard, 'ban-button');
    await confirmDialog(page, 'Fake step counts');
    await hasText(bekzodCard, 'Banned');
    const board = await server.request('GET', `/api/leaderboard?challengeId=${steps.id}&type=today`, { as: alice.tg });
    expect(board.body.entries.map((e: { userId: number }) => e.userId)).not.toContain(bekzod.id);

    // ---- a member's page: set a streak, delete a result, add one ----
    await menuAction(page, page.locator(`[data-testid="user-row"][data-user-id="${alice.id}"]`), 'member-open');
    await seen(page.locator('[data-testid="member-detail"]'));
    const membership = page.locator(`[data-testid="membership-row"][data-challenge-id="${steps.id}"]`);
    await hasText(membership.locator('[data-testid="membership-current"]'), '3');
    await count(page.locator('[data-testid="submission-row"]'), 3);
    await fits(page, 'member detail');
    await shot(page, 'phone-member');
    await menuAction(page, membership, 'streak-set-button');
    await seen(page.locator('[data-testid="streak-input"]'));
    await page.locator('[data-testid="streak-input"]').fill('9');
    await page.locator('[data-testid="confirm-ok"]').click();
    await hasText(membership.locator('[data-testid="membership-current"]'), '9');
    const todays = (await server.request('GET', '/api/me', { as: alice.tg })).body.challenges[0].today;
    await menuAction(page, page.locator(`[data-testid="submission-row"][data-submission-id="${todays.id}"]`), 'submission-delete-button');
    await confirmDialog(page);
    await count(page.locator('[data-testid="submission-row"]'), 2);
    await hasText(membership.locator('[data-testid="membership-total"]'), '13,000');
    expect((await server.request('GET', '/api/me', { as: alice.tg })).body.challenges[0].today).toBeNull();
    // ... and add it back on her behalf, with a reason, from the same phone page
    const resultForm = page.locator('[data-testid="result-form"]');
    await resultForm.scrollIntoViewIfNeeded();
    await resultForm.locator('[data-testid="result-challenge"]').click();
    await page.locator('.n-base-select-option', { hasText: 'Daily steps with a rather long title' }).click();
    await resultForm.locator('[data-testid="result-day"]').fill((await server.request('GET', '/api/me', { as: alice.tg })).body.today);
    await resultForm.locator('[data-testid="result-value"]').fill('8000');
    await resultForm.locator('[data-testid="result-reason"]').fill('Her phone died');
    await fits(page, 'member detail, result form filled');
    await resultForm.locator('[data-testid="result-save"]').click();
    await count(page.locator('[data-testid="submission-row"]'), 3);
    await hasText(membership.locator('[data-testid="membership-total"]'), '21,000');
    expect((await server.request('GET', '/api/me', { as: alice.tg })).body.challenges[0].today).toMatchObject({ value: 8000 });

    // ---- audit log and admins ----
    await go(page, 'audit');
    await seen(page.locator('[data-testid="audit-row"][data-action="user.ban"]'));
    await seen(page.locator('[data-testid="audit-row"][data-action="streak.set"]'));
    await seen(page.locator('[data-testid="audit-row"][data-action="result.set"]'));
    await fits(page, 'audit');
    await shot(page, 'phone-audit');
    await go(page, 'admins');
    await seen(page.locator(`[data-testid="admin-row"][data-telegram-id="${ADMIN_USER.id}"]`));
    await fits(page, 'admins');
    await shot(page, 'phone-admins');
    // ---- an announcement to the steps challenge, previewed per language ----
    await go(page, 'announcements');
    await seen(page.locator('[data-testid="ann-form"]'));
    await fits(page, 'announcements');
    await page.locator('[data-testid="ann-audience"]').click();
    await page.locator('.n-base-select-option', { hasText: 'Daily steps with a rather long title' }).click();
    await page.locator('[data-testid="ann-text-uz"]').fill('Ertaga 10 000 qadam!');
    await page.locator('[data-testid="ann-text-en"]').fill('10,000 steps tomorrow!');
    await page.locator('[data-testid="ann-preview-ru"]').click();
    await hasText(page.locator('[data-testid="ann-preview"]'), 'Ertaga 10 000 qadam!');
    await seen(page.locator('[data-testid="ann-fallback"]'));
    await page.locator('[data-testid="ann-preview-en"]').click();
    await hasText(page.locator('[data-testid="ann-preview"]'), '10,000 steps tomorrow!');
    await fits(page, 'announcement preview');
    await shot(page, 'phone-announcements');
    await page.locator('[data-testid="ann-send"]').click();
    await confirmDialog(page);
    const annRow = page.locator('[data-testid="ann-row"]').first();
    await seen(annRow);
    const annId = Number(await annRow.getAttribute('data-announcement-id'));
    const annStatus = await server.request('GET', `/api/admin/announcements/${annId}`, { as: ADMIN_USER });
    // Alice, the six others and Dilnoza: Bekzod is banned.
    expect(annStatus.body).toMatchObject({ status: 'sending', total: 8, delivered: 0 });
    await hasText(annRow, '8 recipients');
    await fits(page, 'announcement sent');

    await go(page, 'dashboard');
    await seen(page.locator('[data-testid="analytics-dau"] canvas'));

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  for (const width of [360, 430]) {
    test(`at ${width} px wide every page still fits`, async () => {
      const { context, page, errors } = await newPage({ width, height: 800 });
      await page.goto(await loginUrl());
      await seen(page.locator('[data-testid="analytics-dau"] canvas'));
      await fits(page, `dashboard at ${width}`);
      for (const [section, testid] of [['challenges', 'challenge-row'], ['members', 'user-row'], ['announcements', 'ann-form'], ['audit', 'audit-row'], ['admins', 'admin-row']] as const) {
        await go(page, section);
        await seen(page.locator(`[data-testid="${testid}"]`));
        await fits(page, `${section} at ${width}`);
      }
      await page.goto(`${server.url}/admin/members/${alice.id}`);
      await seen(page.locator('[data-testid="membership-row"]'));
      await fits(page, `member at ${width}`);
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }
});

describe('numbers and dates in the admin language', () => {
  const cases = [
    { lang: 'uz', total: '1 356', value: '176,8', day: '25-noyabr 2026', nav: "A'zolar" },
    { lang: 'ru', total: '1 356', value: '176,8', day: '25 нояб. 2026', nav: 'Участники' },
    { lang: 'en', total: '1,356', value: '176.8', day: '25 Nov 2026', nav: 'Members' },
  ] as const;
  for (const c of cases) {
    test(`${c.lang}: "${c.total}", "${c.value}", "${c.day}"`, async () => {
      const { context, page, errors } = await newPage({ width: 1440, height: 900 });
      await context.addInitScript((lang) => localStorage.setItem('qadam-admin-lang', lang), c.lang);
      await page.goto(await loginUrl());
      await seen(page.locator('[data-testid="whoami"]'));
      await hasText(page.locator('[data-testid="nav-members"]'), c.nav);
      await page.goto(`${server.url}/admin/members/${dilnoza.id}`);
      await hasText(page.locator('[data-testid="membership-total"]'), c.total);
      const today = page.locator('[data-testid="submission-row"]').first();
      await hasText(today, c.value);
      await hasText(today, c.day);
      expect(errors).toEqual([]);
      await context.close();
    }, 30_000);
  }
});

describe('admin panel on a laptop', () => {
  for (const { lang, ...viewport } of [{ width: 1440, height: 900, lang: 'en' }, { width: 1280, height: 800, lang: 'en' }, { width: 1280, height: 800, lang: 'ru' }, { width: 1280, height: 800, lang: 'uz' }]) {
    test(`${viewport.width}×${viewport.height} (${lang}): every column of every table visible, none pinned`, async () => {
      const { context, page, errors } = await newPage(viewport);
      await context.addInitScript((l) => localStorage.setItem('qadam-admin-lang', l), lang);
      await page.goto(await loginUrl());
      await seen(page.locator('[data-testid="analytics-dau"] canvas'));
      const pages: [string, string, string[]][] = [
        ['challenges', '[data-testid="challenge-row"]', lang === 'en' ? ['Participants', 'Status', 'Actions'] : []],
        ['members', '[data-testid="user-row"]', lang === 'en' ? ['Telegram ID', 'Last active', 'Actions'] : []],
        ['audit', '[data-testid="audit-row"]', lang === 'en' ? ['Before → after', 'Target'] : []],
        ['admins', '[data-testid="admin-row"]', lang === 'en' ? ['Role'] : []],
      ];
      for (const [section, row, expected] of pages) {
        await page.goto(`${server.url}/admin/${section}`);
        await seen(page.locator(row));
        await settled(page);
        const { problems, headers } = await tableColumns(page);
        expect({ section, problems, headers }).toEqual({ section, problems: [], headers });
        for (const name of expected) expect({ name, found: headers.flat().some((h) => h.includes(name)), headers }).toMatchObject({ name, found: true });
        expect(await overflowing(page)).toEqual([]);
        expect(await overlaps(page, '.app-header')).toEqual([]);
        if (viewport.width === 1440) await shot(page, `desktop-${section}`);
        if (lang === 'ru') await shot(page, `desktop-ru-${section}`);
      }
      await page.goto(`${server.url}/admin/announcements`);
      await seen(page.locator('[data-testid="ann-form"]'));
      await settled(page);
      expect(await overflowing(page)).toEqual([]);
      if (viewport.width === 1440) await shot(page, 'desktop-announcements');
      await page.goto(`${server.url}/admin/members/${alice.id}`);
      await seen(page.locator('[data-testid="membership-row"]'));
      await settled(page);
      const detail = await tableColumns(page);
      expect(detail.problems).toEqual([]);
      expect(detail.headers.length).toBe(2);
      if (viewport.width === 1440) await shot(page, 'desktop-member');
      await page.goto(`${server.url}/admin/`);
      await seen(page.locator('[data-testid="analytics-dau"] canvas'));
      await settled(page);
      expect((await tableColumns(page)).problems).toEqual([]);
      expect(await overflowing(page)).toEqual([]);
      if (viewport.width === 1440) await shot(page, 'desktop-dashboard');
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
