/**
 * The admin panel end to end: headless Chromium (Debian's) driven by playwright-core against the
 * real server on a real SQLite file. An owner signs in with the one-time link the bot would send,
 * creates a 21:00–23:59 challenge that members then see, bans a member (gone from the
 * leaderboard), deletes a submission (totals and streak change) and finds all of it in the
 * audit log; a non-admin opening the panel from Telegram gets the forbidden page.
 *
 * The server's clock stands at Wednesday 2026-11-25 12:00 in Tashkent. Screenshots of every page
 * (1440×900) go to $ADMIN_SHOTS or /tmp.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createChallenge, joinedMember, registeredMember, submit } from '../helpers/factories';
import { signInitData } from '../helpers/initData';
import { ADMIN_USER } from '../helpers/runtime';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { count, gone, hasText, seen, setTime, until } from '../helpers/pageWait';
import { startTestServer, type TestServer } from '../helpers/server';

const SHOTS = process.env.ADMIN_SHOTS ?? '/tmp';
const VIEWPORT = { width: 1440, height: 900 };
let server: TestServer;
let browser: Browser;
let steps: { id: number };
let alice: Awaited<ReturnType<typeof joinedMember>>;
let bekzod: Awaited<ReturnType<typeof joinedMember>>;
let dilnoza: Awaited<ReturnType<typeof joinedMember>>;
let stranger: Awaited<ReturnType<typeof registeredMember>>;

async function newPage(viewport = VIEWPORT): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

async function shot(page: Page, name: string) {
  await Bun.sleep(700); // let transitions and charts settle
  await page.screenshot({ path: `${SHOTS}/qadam-admin-${name}.png` });
}

const loginUrl = async (telegramId = ADMIN_USER.id) => `${server.url}/admin/?login=${(await server.services.admin.login.createLoginLink(telegramId)).token}`;

async function confirmDialog(page: Page, input?: string) {
  const dialog = page.locator('[data-testid="confirm-dialog"]');
  await seen(dialog);
  if (input !== undefined) await dialog.locator('textarea, input').first().fill(input);
  await dialog.locator('[data-testid="confirm-ok"]').click();
  await gone(dialog);
}

beforeAll(async () => {
  ensureBuilt('admin');
  server = await startTestServer();
  // Members with history: Alice submitted Monday to Wednesday (streak 3), the others today.
  steps = await createChallenge(server, { title: 'Daily steps', emoji: '👟', unit: 'steps', target: 5000 });
  alice = await joinedMember(server, steps.id, { first_name: 'Alice', username: 'alice' });
  bekzod = await joinedMember(server, steps.id, { first_name: 'Bekzod' });
  dilnoza = await joinedMember(server, steps.id, { first_name: 'Dilnoza', language_code: 'ru' });
  stranger = await registeredMember(server, { first_name: 'Stranger' });
  const today = server.clock.now();
  for (const [daysAgo, value] of [[2, 6000], [1, 7000]] as const) {
    server.clock.set(new Date(today.getTime() - daysAgo * 86400_000));
    expect((await submit(server, alice.tg, steps.id, value)).status).toBe(201);
  }
  server.clock.set(today);
  expect((await submit(server, alice.tg, steps.id, 8000)).status).toBe(201);
  expect((await submit(server, bekzod.tg, steps.id, 12000)).status).toBe(201);
  expect((await submit(server, dilnoza.tg, steps.id, 5500)).status).toBe(201);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('admin panel', () => {
  test('log in by link → create a 21:00–23:59 challenge → ban → delete a submission → audit log shows it all', async () => {
    const { context, page, errors } = await newPage();

    // ---- sign in with the one-time link; the token leaves the address bar at once ----
    await page.goto(await loginUrl());
    await seen(page.locator('[data-testid="whoami"]'));
    expect(page.url()).toBe(`${server.url}/admin/`);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'qadam_admin')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');

    // ---- dashboard ----
    await seen(page.locator('[data-testid="analytics-dau"] canvas'));
    await hasText(page.locator('[data-testid="total-submissions"]'), '5');
    await hasText(page.locator('[data-testid="total-members"]'), '4');
    await hasText(page.locator('[data-testid="winners"]'), 'Bekzod');
    await page.locator('[data-testid="analytics-days-7"]').click();
    await shot(page, 'dashboard');

    // ---- create a challenge with a 21:00–23:59 window ----
    await page.locator('[data-testid="nav-challenges"]').click();
    await seen(page.locator(`[data-testid="challenge-row"][data-challenge-id="${steps.id}"]`));
    await shot(page, 'challenges');
    await page.locator('[data-testid="challenge-new"]').click();
    await page.locator('[data-testid="challenge-title-input"]').fill('Evening reading');
    await page.locator('[data-testid="challenge-emoji-input"]').fill('📚');
    await page.locator('[data-testid="challenge-description-input"]').fill('Read at least 10 pages every evening.');
    await page.locator('[data-testid="challenge-unit-input"]').fill('pages');
    await page.locator('[data-testid="challenge-target-input"]').fill('10');
    await page.locator('[data-testid="challenge-max-input"]').fill('500');
    await page.locator('[data-testid="challenge-window-toggle"]').click();
    await setTime(page, 'challenge-window-start', '21:00');
    await setTime(page, 'challenge-window-end', '23:59');
    await setTime(page, 'challenge-reminder-input', '20:30');
    // Russian texts; English left empty (members reading English see the main texts).
    await page.locator('[data-testid="challenge-title-ru-input"]').fill('Вечернее чтение');
    await page.locator('[data-testid="challenge-unit-ru-input"]').fill('стр.');
    await page.locator('[data-testid="challenge-description-ru-input"]').fill('Каждый вечер не меньше 10 страниц.');
    await shot(page, 'challenge-form');
    await page.locator('[data-testid="challenge-save"]').click();
    const newRow = page.locator('[data-testid="challenge-row"]', { hasText: 'Evening reading' });
    await seen(newRow);
    await hasText(newRow, '21:00–23:59');
    const bookId = Number(await newRow.getAttribute('data-challenge-id'));
    const stored = (await server.request('GET', '/api/admin/challenges', { as: ADMIN_USER })).body.find((c: { id: number }) => c.id === bookId);
    expect(stored.translations.ru).toEqual({ title: 'Вечернее чтение', description: 'Каждый вечер не меньше 10 страниц.', unit: 'стр.' });
    expect(stored.translations.en).toEqual({ title: null, description: null, unit: null });

    // ---- it appears for members, with its window ----
    const forMembers = await server.request('GET', '/api/challenges', { as: alice.tg });
    expect(forMembers.status).toBe(200);
    const book = forMembers.body.find((c: { id: number }) => c.id === bookId);
    expect(book).toMatchObject({ title: 'Evening reading', unit: 'pages', target: 10, maxValue: 500, timeWindow: { start: '21:00', end: '23:59' }, reminderTime: '20:30', isActive: true });

    // ---- edit it (only the changed field is sent and audited), deactivate, reactivate ----
    await newRow.locator('[data-testid="challenge-edit"]').click();
    await until(() => page.locator('[data-testid="challenge-title-input"]').inputValue(), (v) => v === 'Evening reading', 'form prefilled');
    await page.locator('[data-testid="challenge-target-input"]').fill('15');
    await page.locator('[data-testid="challenge-save"]').click();
    await hasText(newRow, 'Daily target: 15');
    await newRow.locator('[data-testid="challenge-active-toggle"]').click();
    await confirmDialog(page);
    await hasText(newRow, 'Inactive');
    const hidden = await server.request('GET', '/api/challenges', { as: alice.tg });
    expect(hidden.body.map((c: { id: number }) => c.id)).not.toContain(bookId);
    await newRow.locator('[data-testid="challenge-active-toggle"]').click();
    await confirmDialog(page);
    await hasText(newRow, 'Active');
    const shown = await server.request('GET', '/api/challenges', { as: alice.tg });
    expect(shown.body.find((c: { id: number }) => c.id === bookId)).toMatchObject({ target: 15, isActive: true });

    // ---- live leaderboard of the steps challenge ----
    await page.locator(`[data-testid="challenge-row"][data-challenge-id="${steps.id}"] [data-testid="challenge-leaderboard"]`).click();
    await count(page.locator('[data-testid="admin-leaderboard-row"]'), 3);
    await shot(page, 'leaderboard');
    await page.keyboard.press('Escape');
    await gone(page.locator('[data-testid="leaderboard-drawer"]'));

    // ---- ban Bekzod (with a reason, behind a confirmation) → he leaves the leaderboard ----
    const before = await server.request('GET', `/api/leaderboard?challengeId=${steps.id}&type=today`, { as: alice.tg });
    expect(before.body.entries.map((e: { userId: number }) => e.userId)).toContain(bekzod.id);
    await page.locator('[data-testid="nav-members"]').click();
    const bekzodRow = page.locator(`[data-testid="user-row"][data-user-id="${bekzod.id}"]`);
    await seen(bekzodRow);
    await shot(page, 'members');
    await bekzodRow.locator('[data-testid="ban-button"]').click();
    await shot(page, 'ban-dialog');
    await confirmDialog(page, 'Fake step counts');
    await seen(bekzodRow.locator('[data-testid="unban-button"]'));
    await hasText(bekzodRow, 'Banned');
    const after = await server.request('GET', `/api/leaderboard?challengeId=${steps.id}&type=today`, { as: alice.tg });
    expect(after.body.entries.map((e: { userId: number }) => e.userId)).not.toContain(bekzod.id);
    expect(after.body.entries).toHaveLength(2);

    // ---- search ----
    await page.locator('[data-testid="member-search"]').fill('alice');
    await count(page.locator('[data-testid="user-row"]'), 1);
    await seen(page.locator(`[data-testid="user-row"][data-user-id="${alice.id}"]`));

    // ---- Alice's detail: delete today's submission → totals and streak change ----
    await page.locator(`[data-testid="user-row"][data-user-id="${alice.id}"] [data-testid="member-open"]`).click();
    await seen(page.locator('[data-testid="member-detail"]'));
    expect(page.url()).toBe(`${server.url}/admin/members/${alice.id}`);
    const membership = page.locator(`[data-testid="membership-row"][data-challenge-id="${steps.id}"]`);
    await hasText(membership.locator('[data-testid="membership-total"]'), '21,000');
    await hasText(membership.locator('[data-testid="membership-current"]'), '3');
    await count(page.locator('[data-testid="submission-row"]'), 3);
    await shot(page, 'member-detail');
    const todays = (await server.request('GET', '/api/me', { as: alice.tg })).body.challenges[0].today;
    await page.locator(`[data-testid="submission-row"][data-submission-id="${todays.id}"] [data-testid="submission-delete-button"]`).click();
    await confirmDialog(page);
    await count(page.locator('[data-testid="submission-row"]'), 2);
    await hasText(membership.locator('[data-testid="membership-total"]'), '13,000');
    // Monday and Tuesday remain: the streak is 2 and still alive today.
    await hasText(membership.locator('[data-testid="membership-current"]'), '2');
    const me = (await server.request('GET', '/api/me', { as: alice.tg })).body.challenges[0];
    expect(me.today).toBeNull();
    expect(me.streak.current).toBe(2);
    expect(me.total).toBe(13000);

    // ---- set a streak (confirmation with a number) ----
    await membership.locator('[data-testid="streak-set-button"]').click();
    await page.locator('[data-testid="streak-input"]').fill('5');
    await page.locator('[data-testid="confirm-ok"]').click();
    await hasText(membership.locator('[data-testid="membership-current"]'), '5');

    // ---- put today's result back on Alice's behalf (her phone died), with a reason ----
    const resultForm = page.locator('[data-testid="result-form"]');
    await resultForm.locator('[data-testid="result-challenge"]').click();
    await page.locator('.n-base-select-option', { hasText: 'Daily steps' }).click();
    const todayKey = (await server.request('GET', '/api/me', { as: alice.tg })).body.today as string;
    await resultForm.locator('[data-testid="result-day"]').fill(todayKey);
    await resultForm.locator('[data-testid="result-value"]').fill('8000');
    await resultForm.locator('[data-testid="result-reason"]').fill('Phone died, screenshot sent');
    await resultForm.locator('[data-testid="result-save"]').click();
    await count(page.locator('[data-testid="submission-row"]'), 3);
    await hasText(membership.locator('[data-testid="membership-total"]'), '21,000');
    // The streak is rebuilt from the results: Monday to Wednesday again.
    await hasText(membership.locator('[data-testid="membership-current"]'), '3');
    expect((await server.request('GET', '/api/me', { as: alice.tg })).body.challenges[0].today).toMatchObject({ value: 8000 });

    // ---- the audit log shows all of it: who, what, before → after ----
    await page.locator('[data-testid="nav-audit"]').click();
    const rows = page.locator('[data-testid="audit-row"]');
    await seen(rows);
    for (const action of ['challenge.create', 'challenge.update', 'challenge.deactivate', 'challenge.activate', 'user.ban', 'submission.delete', 'streak.set', 'result.set', 'admin.login']) {
      await seen(page.locator(`[data-testid="audit-row"][data-action="${action}"]`));
    }
    const banRow = page.locator('[data-testid="audit-row"][data-action="user.ban"]');
    await hasText(banRow, 'Fake step counts');
    await hasText(banRow, 'Bekzod');
    await hasText(banRow, `ID ${ADMIN_USER.id}`);
    await hasText(page.locator('[data-testid="audit-row"][data-action="submission.delete"]'), 'Value: 8,000');
    await hasText(page.locator('[data-testid="audit-row"][data-action="challenge.create"]'), '21:00–23:59');
    // Field names in the admin's language, not the code's.
    await hasText(page.locator('[data-testid="audit-row"][data-action="challenge.update"]'), 'Daily target: 10 → 15');
    await hasText(page.locator('[data-testid="audit-row"][data-action="streak.set"]'), 'Current streak: 2 → 5');
    await hasText(page.locator('[data-testid="audit-row"][data-action="result.set"]'), 'Phone died, screenshot sent');
    await shot(page, 'audit');

    // ---- filters: by action, then by member (typed), then the CSV of that view ----
    await page.locator('[data-testid="audit-filter-action"]').click();
    await page.locator('.n-base-select-option', { hasText: 'Member banned' }).click();
    await until(() => page.locator('[data-testid="audit-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))), (a) => a.length === 1 && a[0] === 'user.ban', 'only the ban');
    await page.locator('[data-testid="audit-clear"]').click();
    await page.locator('[data-testid="audit-filter-member"]').click();
    await page.locator('[data-testid="audit-filter-member"] input').fill('Alice');
    await page.locator('.n-base-select-option', { hasText: 'Alice' }).click();
    const aliceActions = await until(
      () => page.locator('[data-testid="audit-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')).sort()),
      (a) => a.join() === 'result.set,streak.set,submission.delete',
      "only Alice's entries",
    );
    expect(aliceActions).toEqual(['result.set', 'streak.set', 'submission.delete']);
    await hasText(page.locator('[data-testid="audit-row"][data-action="streak.set"] [data-testid="audit-member"]'), 'Alice');
    expect(await page.locator('[data-testid="audit-row"][data-action="streak.set"] [data-testid="audit-member"]').getAttribute('title')).toBe(`Telegram ID ${alice.tg.id}`);
    await shot(page, 'audit-filtered');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="audit-csv"]').click()]);
    expect(download.suggestedFilename()).toBe('qadam-audit-2026-11-25.csv');
    const csv = (await Bun.file((await download.path())!).text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv).toHaveLength(4); // the header and her three entries
    expect(csv.slice(1).every((line) => line.includes(`,${alice.id},Alice,`))).toBe(true);
    await page.locator('[data-testid="audit-clear"]').click();

    // ---- admins page (owner) ----
    await page.locator('[data-testid="nav-admins"]').click();
    await seen(page.locator(`[data-testid="admin-row"][data-telegram-id="${ADMIN_USER.id}"]`));
    await shot(page, 'admins');

    // ---- language switch ----
    await page.locator('[data-testid="lang-select"]').click();
    await page.locator('.n-dropdown-option', { hasText: "O'zbekcha" }).click();
    await hasText(page.locator('[data-testid="nav-members"]'), "A'zolar");
    await page.locator('[data-testid="nav-dashboard"]').click();
    await seen(page.locator('[data-testid="analytics-dau"] canvas'));
    await shot(page, 'dashboard-uz');
    await page.locator('[data-testid="lang-select"]').click();
    await page.locator('.n-dropdown-option', { hasText: 'English' }).click();

    // ---- sign out: the session dies server-side ----
    await page.locator('[data-testid="logout-button"]').click();
    await seen(page.locator('[data-testid="logged-out"]'));
    expect((await context.cookies()).find((c) => c.name === 'qadam_admin')).toBeUndefined();
    const replay = await server.request('GET', '/api/admin/challenges', { headers: { cookie: `qadam_admin=${session.value}` } });
    expect(replay.status).toBe(401);
    await shot(page, 'login');

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  test('a reused or expired link shows the sign-in page with an explanation', async () => {
    const { context, page } = await newPage();
    const url = await loginUrl();
    await page.goto(url);
    await seen(page.locator('[data-testid="whoami"]'));
    await context.clearCookies();
    await page.goto(url);
    await seen(page.locator('[data-testid="login-link-invalid"]'));
    expect(page.url()).toBe(`${server.url}/admin/`);
    await context.close();
  }, 30_000);

  test('a non-admin opening the panel from Telegram gets the forbidden page; so does one whose link was revoked', async () => {
    const { context, page, errors } = await newPage();
    const initData = signInitData({ id: stranger.tg.id, first_name: 'Stranger', language_code: 'en' }, { authDate: server.clock.now() });
    await page.goto(`${server.url}/admin/#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop`);
    await seen(page.locator('[data-testid="forbidden"]'));
    await hasText(page.locator('[data-testid="forbidden"]'), String(stranger.tg.id));
    expect(await page.locator('[data-testid="whoami"]').count()).toBe(0);
    await shot(page, 'forbidden');
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  test('inside Telegram an admin works with initData alone (no cookie)', async () => {
    const { context, page, errors } = await newPage({ width: 390, height: 844 });
    const initData = signInitData(ADMIN_USER, { authDate: server.clock.now() });
    await page.goto(`${server.url}/admin/members#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=ios`);
    const row = page.locator(`[data-testid="user-row"][data-user-id="${bekzod.id}"]`);
    await seen(row);
    await shot(page, 'telegram-members-phone');
    // On a phone the member is a card and its actions sit in the card's menu.
    await row.locator('[data-testid="row-menu"]').click();
    await page.locator('.n-dropdown-option-body[data-testid="unban-button"]').click();
    await confirmDialog(page);
    await hasText(row, 'Active');
    await row.locator('[data-testid="row-menu"]').click();
    await seen(page.locator('.n-dropdown-option-body[data-testid="ban-button"]'));
    expect(await page.locator('[data-testid="logout-button"]').count()).toBe(0);
    expect((await context.cookies()).length).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 30_000);

  test('an admin removed while signed in is shown the forbidden page on the next request', async () => {
    const owner = { telegramId: ADMIN_USER.id, role: 'owner' as const };
    await server.services.admin.access.addAdmin(owner, 4242, 'admin');
    const { context, page } = await newPage();
    await page.goto(await loginUrl(4242));
    await seen(page.locator('[data-testid="whoami"]'));
    await hasText(page.locator('[data-testid="whoami"]'), 'Admin');
    // The dashboard's own requests are answered first, so the next request is the click's.
    await page.waitForLoadState('networkidle');
    await server.services.admin.access.removeAdmin(owner, 4242);
    await page.locator('[data-testid="nav-members"]').click();
    await seen(page.locator('[data-testid="forbidden"]'));
    await context.close();
  }, 30_000);
});

describe('demo mode (no BOT_TOKEN)', () => {
  test('the sign-in page offers a clearly labelled demo owner', async () => {
    const demo = await startTestServer({ demo: true });
    try {
      const { context, page, errors } = await newPage();
      await page.goto(`${demo.url}/admin/`);
      await page.locator('[data-testid="demo-login"]').click();
      await seen(page.locator('[data-testid="whoami"]'));
      await seen(page.locator('[data-testid="demo-badge"]'));
      await seen(page.locator('[data-testid="analytics-dau"] canvas'));
      // An empty club names no period: "In progress", not "In progress ()".
      await until(() => page.locator('[data-testid="winners-current"]').textContent(), (t) => t?.trim() === 'In progress', 'the bare heading');
      await page.locator('[data-testid="nav-challenges"]').click();
      await seen(page.locator('[data-testid="state-empty"]'));
      await shot(page, 'challenges-empty-demo');
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await demo.stop();
    }
  }, 30_000);
});
