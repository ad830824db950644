/**
 * Badges and streak freezes on the Mini App at 390×844: a member who counted seven days in a
 * row, missed the eighth and had it covered by the freeze the seventh earned sees her badges,
 * the freezes she holds, the covered day marked frozen on the heatmap, and the mark of her
 * streak badge beside her name on the board. An admin grants a freeze from the member's page on
 * a phone. The server's clock stands still and moves by hand.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../server/domain/clubTime';
import { createChallenge, joinedMember, submit } from '../helpers/factories';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { attr, closeSuite, count, hasText, pageKit, profileCard, seen, SHOTS } from '../helpers/page';
import { ADMIN_USER } from '../helpers/runtime';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: Browser;
let kit: ReturnType<typeof pageKit>;

/** 09:00 in Tashkent on `day`. */
const nine = (day: string) => `${day}T04:00:00Z`;

beforeAll(async () => {
  ensureBuilt('miniapp');
  ensureBuilt('admin');
  server = await startTestServer({ now: nine('2026-11-01'), env: { RATE_LIMIT_READS: '100000', RATE_LIMIT_WRITES: '100000' } });
  browser = await launchChromium();
  kit = pageKit(server, () => browser);
}, 120_000);

afterAll(() => closeSuite(browser, server));

describe('badges and streak freezes on the profile', () => {
  test('390×844: badges listed, a freeze held and one used, the frozen day on the heatmap, the mark on the board', async () => {
    const steps = await createChallenge(server, { title: 'Kunlik qadamlar', emoji: '👟', unit: 'qadam', target: 5000, maxValue: 100000 });
    const book = await createChallenge(server, { title: 'Kitob', emoji: '📚', unit: 'bet', maxValue: 1000 });
    const m = await joinedMember(server, steps.id, { first_name: 'Nodira', language_code: 'uz' });
    await server.request('POST', `/api/challenges/${book.id}/join`, { as: m.tg });
    // Seven counted days (1st–7th), each above the one before from the 3rd on.
    for (let i = 0; i < 7; i++) {
      const day = addDays('2026-11-01', i);
      server.clock.set(nine(day));
      await server.services.rollover.rolloverStreaks(new Date(`${day}T00:01:00+05:00`));
      expect((await submit(server, m.tg, steps.id, 6000 + Math.max(0, i - 1) * 100)).status).toBe(201);
    }
    // Nothing on the 8th; the rollover of the 9th covers it with the freeze earned on the 7th.
    const rolled = await server.services.rollover.rolloverStreaks(new Date('2026-11-09T00:01:00+05:00'));
    expect(rolled.frozen).toBe(1);
    // An admin grants one in the other challenge.
    expect((await server.request('POST', `/api/admin/users/${m.id}/challenges/${book.id}/freezes`, { as: ADMIN_USER })).status).toBe(200);
    server.clock.set(nine('2026-11-09'));

    const { context, page, errors } = await kit.open(m.tg, { viewport: { width: 390, height: 844 } });
    try {
      const badges = page.getByTestId('badges');
      await seen(badges);
      await count(badges.getByTestId('badge'), 3);
      // Newest first.
      await attr(badges.getByTestId('badge').first(), 'data-code', 'streak-7');
      await hasText(badges, '7 kunlik seriya');
      await hasText(badges, 'Shaxsiy rekord');
      await hasText(badges, 'Birinchi qadam');
      // Every badge fits the phone's width.
      for (const box of await badges.getByTestId('badge').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) {
        expect(box).toBeLessThanOrEqual(390);
      }

      const mine = profileCard(page, steps.id);
      await attr(mine.getByTestId('freezes'), 'data-freezes', '0');
      await hasText(mine.getByTestId('streak-current'), '7');
      const frozen = mine.locator('[data-testid="heatmap"] [data-day="2026-11-08"]');
      await attr(frozen, 'data-frozen', 'true');
      await frozen.click();
      await hasText(mine.getByTestId('heatmap-detail'), 'muzlatish bilan saqlangan');
      // A counted day is not frozen.
      expect(await mine.locator('[data-testid="heatmap"] [data-day="2026-11-07"]').getAttribute('data-frozen')).toBeNull();
      await attr(profileCard(page, book.id).getByTestId('freezes'), 'data-freezes', '1');
      await hasText(profileCard(page, book.id).getByTestId('freezes'), '1 / 2');
      await mine.getByTestId('freezes').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/milestones-profile-390x844.png` });

      // The board: her streak badge beside her name.
      await page.getByTestId('nav-leaderboard').click();
      await page.locator(`[data-testid="leaderboard-challenge"][data-challenge-id="${steps.id}"]`).click();
      await page.getByTestId('leaderboard-tab-all').click();
      const row = page.locator(`[data-testid="leaderboard-row"][data-user-id="${m.id}"]`);
      await attr(row.getByTestId('streak-mark'), 'data-streak-badge', '7');
      await page.screenshot({ path: `${SHOTS}/milestones-board-390x844.png` });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  test('390×844 in Russian: a newcomer sees no badges yet and no freezes', async () => {
    const walk = await createChallenge(server, { title: 'Sayr', emoji: '🚶', unit: 'daqiqa', maxValue: 300 });
    const m = await joinedMember(server, walk.id, { first_name: 'Ivan', language_code: 'ru' });
    await server.request('PATCH', '/api/me', { as: m.tg, body: { language: 'ru' } });
    const { context, page, errors } = await kit.open(m.tg, { viewport: { width: 390, height: 844 } });
    try {
      await hasText(page.getByTestId('badges-empty'), 'Пока нет значков');
      await attr(profileCard(page, walk.id).getByTestId('freezes'), 'data-freezes', '0');
      await hasText(profileCard(page, walk.id).getByTestId('freezes'), 'Заморозки серии');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('an admin grants a streak freeze', () => {
  async function confirmDialog(page: Page) {
    const dialog = page.locator('[data-testid="confirm-dialog"]');
    await seen(dialog);
    await dialog.locator('[data-testid="confirm-ok"]').click();
  }

  test('390×844: from the member’s page, audited, disabled at 2; the member’s badges listed', async () => {
    const run = await createChallenge(server, { title: 'Yugurish', emoji: '🏃', unit: 'km', maxValue: 100 });
    const m = await joinedMember(server, run.id, { first_name: 'Sardor' });
    expect((await submit(server, m.tg, run.id, 5)).status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', deviceScaleFactor: 1, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const { token } = await server.services.admin.login.createLoginLink(ADMIN_USER.id);
      await page.goto(`${server.url}/admin/?login=${token}`);
      await page.goto(`${server.url}/admin/members/${m.id}`);
      const card = page.getByTestId('milestones-card');
      await seen(card);
      await attr(card.getByTestId('member-badge').first(), 'data-code', 'first-result');
      const row = card.locator(`[data-testid="freeze-row"][data-challenge-id="${run.id}"]`);
      await hasText(row.getByTestId('freeze-count'), '0 / 2');
      for (const n of [1, 2]) {
        await row.getByTestId('freeze-grant-button').click();
        await confirmDialog(page);
        await hasText(row.getByTestId('freeze-count'), `${n} / 2`);
      }
      expect(await row.getByTestId('freeze-grant-button').isDisabled()).toBe(true);
      const box = await row.getByTestId('freeze-grant-button').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${SHOTS}/milestones-admin-390x844.png` });
      const audit = await server.request('GET', `/api/admin/audit?action=freeze.grant&userId=${m.id}`, { as: ADMIN_USER });
      expect(audit.body.items.map((e: { after: unknown }) => e.after)).toEqual([{ freezes: 2 }, { freezes: 1 }]);
      const me = await server.request('GET', '/api/me', { as: m.tg });
      expect(me.body.challenges[0].freezes).toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
