/**
 * A member's day on a phone, at 390×844 and 360×640, light and dark: a value below the target
 * says what was missing and leaves the streak alone; a correction within CORRECTION_MINUTES
 * moves the board and the streak and is refused after; a closed window says when it opens;
 * today's action comes first. The server's clock stands at Wednesday 2026-11-25 12:00 in
 * Tashkent. Screenshots go to $MINIAPP_SHOTS or /tmp.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { createChallenge, EVENING_BOOK, joinedMember, submit } from '../helpers/factories';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { DEFAULT_NOW } from '../helpers/runtime';
import { startTestServer, type TestServer } from '../helpers/server';
import {
  attr,
  card,
  closeSuite,
  count,
  DARK,
  disabled,
  gone,
  hasText,
  lacksText,
  poll,
  inViewport,
  LIGHT,
  pageKit,
  profileCard,
  seen,
  SHOTS,
  value,
} from '../helpers/page';


let server: TestServer;
let browser: Browser;
let kit: ReturnType<typeof pageKit>;
let steps: { id: number };
let book: { id: number };
let soon: { id: number };

beforeAll(async () => {
  ensureBuilt('miniapp');
  server = await startTestServer({ env: { RATE_LIMIT_READS: '100000', RATE_LIMIT_WRITES: '100000' } });
  steps = await createChallenge(server, { title: 'Kunlik qadamlar', emoji: '👟', unit: 'qadam', target: 10000, maxValue: 100000 });
  book = await createChallenge(server, EVENING_BOOK);
  soon = await createChallenge(server, {
    title: 'Tushlik sayri',
    emoji: '🚶',
    unit: 'daqiqa',
    maxValue: 300,
    timeWindow: { start: '12:30', end: '13:30' },
  });
  for (const [i, name] of ['Aziza', 'Bekzod'].entries()) {
    const m = await joinedMember(server, steps.id, { first_name: name });
    expect((await submit(server, m.tg, steps.id, 9000 + i * 500)).status).toBe(201);
  }
  browser = await launchChromium();
  kit = pageKit(server, () => browser);
}, 120_000);

afterAll(() => closeSuite(browser, server));

async function tabBarTop(page: Page): Promise<number> {
  const box = await page.getByTestId('nav-profile').boundingBox();
  return box!.y;
}

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];
const THEMES = { light: LIGHT, dark: DARK };

describe('a member\'s day', () => {
  for (const viewport of VIEWPORTS) {
    for (const [themeName, theme] of Object.entries(THEMES)) {
      const size = `${viewport.width}x${viewport.height}`;
      test(`${size} ${themeName}: below target → missed amount; correction moves board and streak; refused later; closed windows`, async () => {
        // A board of its own: 9 500 and 9 000 already on it.
        const steps = await createChallenge(server, { title: `Qadamlar ${size} ${themeName}`, emoji: '👟', unit: 'qadam', target: 10000, maxValue: 100000 });
        for (const [i, name] of ['Aziza', 'Bekzod'].entries()) {
          const other = await joinedMember(server, steps.id, { first_name: name });
          expect((await submit(server, other.tg, steps.id, 9000 + i * 500)).status).toBe(201);
        }
        const m = await joinedMember(server, steps.id, { first_name: `Nodira ${themeName} ${viewport.width}`, language_code: 'uz' });
        await server.request('POST', `/api/challenges/${book.id}/join`, { as: m.tg });
        await server.request('POST', `/api/challenges/${soon.id}/join`, { as: m.tg });
        const { context, page, errors } = await kit.open(m.tg, { viewport, theme });
        try {
          // Today first: the submit action of the open challenge is on screen without scrolling.
          const action = profileCard(page, steps.id).getByTestId('profile-submit-button');
          await seen(action);
          const box = await action.boundingBox();
          expect(box!.y + box!.height).toBeLessThanOrEqual(await tabBarTop(page));
          expect(await inViewport(page, action)).toBe(true);
          // Closed windows say when they open; within the hour, how soon.
          await hasText(profileCard(page, book.id).getByTestId('today-status'), '21:00 da ochiladi');
          await hasText(profileCard(page, soon.id).getByTestId('today-status'), '30 daqiqadan keyin ochiladi');
          await page.screenshot({ path: `${SHOTS}/day-profile-${size}-${themeName}.png` });

          // Below the target: stored, the missing amount said, the streak unchanged.
          await action.click();
          await page.getByTestId('value-input').fill('8500');
          await page.getByTestId('confirm-submit').click();
          await gone(page.getByTestId('submit-modal'));
          await hasText(page.getByTestId('toast').first(), 'Maqsadga 1 500 qadam yetmadi');
          const mine = profileCard(page, steps.id);
          await attr(mine.getByTestId('today-status'), 'data-status', 'below');
          await hasText(mine.getByTestId('today-status'), 'maqsadga 1 500 qadam yetmadi');
          await hasText(mine.getByTestId('streak-current'), '0');
          // The heatmap's count names what it counts: days at target, not days sent.
          await hasText(mine.getByTestId('heatmap-counted'), 'maqsadga yetgan 0 kun');
          await hasText(mine.getByTestId('challenge-days'), '1');

          await page.getByTestId('nav-challenges').click();
          const stepsCard = card(page, steps.id);
          await attr(stepsCard.getByTestId('challenge-today'), 'data-met', 'false');
          await hasText(stepsCard.getByTestId('challenge-today'), '1 500 qadam yetmadi');
          await attr(stepsCard.getByTestId('submit-button'), 'data-state', 'correct');
          // The closed window's action looks closed and says when it opens.
          await attr(card(page, book.id).getByTestId('submit-button'), 'data-state', 'closed');
          await hasText(card(page, book.id).getByTestId('submit-button'), '21:00 da ochiladi');
          await page.screenshot({ path: `${SHOTS}/day-challenges-${size}-${themeName}.png` });

          // The board before: 9 500, 9 000, then me with 8 500.
          await page.getByTestId('nav-leaderboard').click();
          await page.locator(`[data-testid="leaderboard-challenge"][data-challenge-id="${steps.id}"]`).click();
          const myRow = page.locator(`[data-testid="leaderboard-row"][data-user-id="${m.id}"]`);
          await attr(myRow, 'data-rank', '3');

          // Correction within the window: 10 000 → first place, streak 1.
          await page.getByTestId('nav-challenges').click();
          await stepsCard.getByTestId('submit-button').click();
          await seen(page.getByTestId('correction-notice'));
          await hasText(page.getByTestId('correction-notice'), '15 daqiqa');
          await value(page.getByTestId('value-input'), '8500');
          await page.screenshot({ path: `${SHOTS}/day-correct-${size}-${themeName}.png` });
          await page.getByTestId('value-input').fill('10000');
          await page.getByTestId('confirm-submit').click();
          await gone(page.getByTestId('submit-modal'));
          await hasText(page.getByTestId('toast').first(), 'Tuzatildi: 10 000 qadam');
          await attr(stepsCard.getByTestId('challenge-today'), 'data-met', 'true');
          await page.getByTestId('nav-leaderboard').click();
          await attr(myRow, 'data-rank', '1');
          await hasText(myRow, '10 000');
          await page.screenshot({ path: `${SHOTS}/day-leaderboard-${size}-${themeName}.png` });
          await page.getByTestId('nav-profile').click();
          await hasText(profileCard(page, steps.id).getByTestId('streak-current'), '1');
          await hasText(profileCard(page, steps.id).getByTestId('heatmap-counted'), 'maqsadga yetgan 1 kun');
          await attr(profileCard(page, steps.id).getByTestId('today-status'), 'data-status', 'done');

          // After CORRECTION_MINUTES: the action no longer offers it, and the modal says the result is in.
          server.clock.advance(16 * 60_000);
          await page.reload();
          await page.getByTestId('nav-challenges').click();
          await attr(stepsCard.getByTestId('submit-button'), 'data-state', 'done');
          await stepsCard.getByTestId('submit-button').click();
          await hasText(page.getByTestId('submit-error'), 'Bugungi natija qabul qilingan: 10 000 qadam');
          await disabled(page.getByTestId('value-input'), true);
          await page.getByTestId('submit-close').click();
          await gone(page.getByTestId('submit-modal'));
          expect(errors).toEqual([]);
        } finally {
          server.clock.set(DEFAULT_NOW);
          await context.close();
        }
      }, 60_000);
    }
  }

  test('a correction sent after the window closed is refused by the server, in the member\'s language', async () => {
    const m = await joinedMember(server, steps.id, { first_name: 'Late', language_code: 'ru' });
    expect((await submit(server, m.tg, steps.id, 1000)).status).toBe(201);
    const { context, page } = await kit.open(m.tg);
    try {
      await page.getByTestId('nav-challenges').click();
      await card(page, steps.id).getByTestId('submit-button').click();
      await seen(page.getByTestId('correction-notice'));
      server.clock.advance(16 * 60_000); // the window closes while the modal is open
      await page.getByTestId('value-input').fill('10000');
      await page.getByTestId('confirm-submit').click();
      await hasText(page.getByTestId('submit-error'), 'Исправить результат можно в течение 15 мин');
      const me = await server.request('GET', '/api/me', { as: m.tg });
      expect(me.body.challenges[0].today.value).toBe(1000);
    } finally {
      server.clock.set(DEFAULT_NOW);
      await context.close();
    }
  }, 30_000);

  test('the empty board of a closed challenge says when results open', async () => {
    const m = await joinedMember(server, book.id, { first_name: 'Empty', language_code: 'en' });
    const { context, page } = await kit.open(m.tg);
    try {
      await page.getByTestId('nav-leaderboard').click();
      await page.locator(`[data-testid="leaderboard-challenge"][data-challenge-id="${book.id}"]`).click();
      await hasText(page.getByTestId('leaderboard-empty'), 'Results open at 21:00.');
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('me on the board', () => {
  for (const viewport of VIEWPORTS) {
    test(`${viewport.width}x${viewport.height}: rank 20 of 30 sees their place and the gap without scrolling; a tap scrolls to the row`, async () => {
      const push = await createChallenge(server, { title: `Push ${viewport.width}`, emoji: '💪', unit: 'marta', maxValue: 1000 });
      // 30 members: totals 300, 290, …; the viewer is 20th with 110, the 19th has 120.
      let me: { tg: Parameters<typeof submit>[1]; id: number } | null = null;
      for (let i = 0; i < 30; i++) {
        const m = await joinedMember(server, push.id, { first_name: i === 19 ? 'Nodira 🌸' : `Member ${i}`, language_code: 'en' });
        expect((await submit(server, m.tg, push.id, 300 - i * 10)).status).toBe(201);
        if (i === 19) me = m;
      }
      const { context, page, errors } = await kit.open(me!.tg, { viewport, theme: LIGHT });
      try {
        await page.getByTestId('nav-leaderboard').click();
        await page.locator(`[data-testid="leaderboard-challenge"][data-challenge-id="${push.id}"]`).click();
        const place = page.getByTestId('leaderboard-my-rank');
        await hasText(place, 'Place 20 of 30');
        await hasText(place, '10 marta to place 19');
        expect(await inViewport(page, place)).toBe(true);
        // The pinned copy of my row is on screen without scrolling, above the tab bar.
        const pinned = page.getByTestId('leaderboard-me');
        await seen(pinned);
        await attr(pinned, 'data-rank', '20');
        const box = await pinned.boundingBox();
        expect(box!.y + box!.height).toBeLessThanOrEqual(await tabBarTop(page));
        await page.screenshot({ path: `${SHOTS}/board-me-${viewport.width}x${viewport.height}-light.png` });
        // A tap brings my row into view; the pinned copy then steps aside.
        await pinned.click();
        const myRow = page.locator(`[data-testid="leaderboard-row"][data-user-id="${me!.id}"]`);
        await poll(() => inViewport(page, myRow), true, 'my row in view');
        await gone(pinned);
        // Grapheme-safe initials: "Nodira 🌸" → "N", never half an emoji.
        expect(await myRow.locator('.lb-avatar').innerText()).toBe('N');
        // My rank on every tab; no "1 day" noise on Today.
        for (const type of ['weekly', 'monthly', 'all', 'today'] as const) {
          await page.getByTestId(`leaderboard-tab-${type}`).click();
          await attr(page.locator('[data-testid="leaderboard-list"]'), 'data-type', type);
          await hasText(page.getByTestId('leaderboard-my-rank'), 'Place 20 of 30');
        }
        await lacksText(page.locator('[data-testid="leaderboard-row"]').first(), '1 day');
        await page.getByTestId('leaderboard-tab-weekly').click();
        await hasText(page.locator('[data-testid="leaderboard-row"]').first(), '1 day');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  test('Telegram profile photos (photo_url) are the avatars where present, initials elsewhere', async () => {
    const pics = await createChallenge(server, { title: 'Photos', emoji: '📷', unit: 'x', maxValue: 100 });
    const other = await joinedMember(server, pics.id, { first_name: 'Other', photo_url: 'https://t.me/i/userpic/320/other.svg' });
    const plain = await joinedMember(server, pics.id, { first_name: 'Plain' });
    const m = await joinedMember(server, pics.id, { first_name: 'Photo', language_code: 'en', photo_url: 'https://t.me/i/userpic/320/photo.svg' });
    for (const [who, v] of [[other, 30], [plain, 20], [m, 10]] as const) await submit(server, who.tg, pics.id, v);
    const { context, page } = await kit.open(m.tg);
    try {
      await attr(page.getByTestId('profile-photo'), 'src', 'https://t.me/i/userpic/320/photo.svg');
      await page.getByTestId('nav-leaderboard').click();
      await page.locator(`[data-testid="leaderboard-challenge"][data-challenge-id="${pics.id}"]`).click();
      const row = (id: number) => page.locator(`[data-testid="leaderboard-row"][data-user-id="${id}"]`);
      await attr(row(other.id).getByTestId('leaderboard-photo'), 'src', 'https://t.me/i/userpic/320/other.svg');
      await attr(row(m.id).getByTestId('leaderboard-photo'), 'src', 'https://t.me/i/userpic/320/photo.svg');
      await count(row(plain.id).getByTestId('leaderboard-photo'), 0);
      await hasText(row(plain.id).locator('.lb-avatar'), 'P');
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('challenge texts in the member\'s language', () => {
  test('a Russian member reads Russian titles, descriptions and units on every screen', async () => {
    const water = await createChallenge(server, {
      title: 'Suv ichish',
      description: 'Har kuni kamida 2 litr.',
      emoji: '💧',
      unit: 'litr',
      target: 2,
      maxValue: 10,
      translations: { ru: { title: 'Пить воду', description: 'Каждый день не меньше 2 литров.', unit: 'л' } },
    });
    const m = await joinedMember(server, water.id, { first_name: 'Борис', language_code: 'ru' });
    const { context, page, errors } = await kit.open(m.tg, { theme: DARK });
    try {
      const mine = profileCard(page, water.id);
      await hasText(mine, 'Пить воду');
      await page.getByTestId('nav-challenges').click();
      const c = card(page, water.id);
      await hasText(c, 'Пить воду');
      await hasText(c, 'Каждый день не меньше 2 литров.');
      await hasText(c.getByTestId('challenge-target'), 'Цель в день: 2 л');
      await c.getByTestId('submit-button').click();
      await hasText(page.getByTestId('submit-modal'), 'Пить воду');
      await page.getByTestId('value-input').fill('1,5');
      await page.getByTestId('confirm-submit').click();
      await hasText(page.getByTestId('toast').first(), 'До цели не хватило 0,5 л');
      await page.getByTestId('nav-leaderboard').click();
      await page.locator(`[data-testid="leaderboard-challenge"][data-challenge-id="${water.id}"]`).click();
      await hasText(page.locator(`[data-testid="leaderboard-row"][data-user-id="${m.id}"]`), 'л');
      await page.screenshot({ path: `${SHOTS}/texts-ru-leaderboard-dark.png` });
      expect(await page.content()).not.toContain('Suv ichish');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('my history', () => {
  for (const viewport of VIEWPORTS) {
    for (const [themeName, theme] of Object.entries(THEMES)) {
      test(`${viewport.width}x${viewport.height} ${themeName}: 30/90/all with trend and personal best; heatmap cells tell their value on tap`, async () => {
        const runs = await createChallenge(server, { title: `Yugurish ${viewport.width} ${themeName}`, emoji: '🏃', unit: 'km', target: 5, maxValue: 100 });
        const m = await joinedMember(server, runs.id, { first_name: 'Tarix', language_code: 'en' });
        try {
          for (const [day, v] of [['2026-07-01', 21], ['2026-10-05', 8], ['2026-11-20', 4], ['2026-11-24', 6.5]] as const) {
            server.clock.set(`${day}T07:00:00Z`);
            expect((await submit(server, m.tg, runs.id, v)).status).toBe(201);
          }
        } finally {
          server.clock.set(DEFAULT_NOW);
        }
        const { context, page, errors } = await kit.open(m.tg, { viewport, theme });
        try {
          const mine = profileCard(page, runs.id);
          // Heatmap: a tap on a day writes its date and value under the grid; cells carry labels.
          const cell = mine.locator('[data-testid="heatmap"] [data-day="2026-11-20"]');
          await attr(cell, 'aria-label', '20 Nov: 4 km');
          await cell.click();
          await hasText(mine.getByTestId('heatmap-detail'), '20 Nov: 4 km');
          await mine.locator('[data-testid="heatmap"] [data-day="2026-11-21"]').click();
          await hasText(mine.getByTestId('heatmap-detail'), '21 Nov: no result');

          await mine.getByTestId('profile-history-button').click();
          const sheet = page.getByTestId('history-sheet');
          await seen(sheet);
          await attr(sheet.getByTestId('history-stats'), 'data-range', '30');
          await count(sheet.getByTestId('history-day'), 2);
          await hasText(sheet.getByTestId('history-best'), '6.5 km');
          await seen(sheet.getByTestId('history-trend'));
          await attr(sheet.locator('[data-testid="history-day"]').first(), 'data-met', 'true');
          await page.screenshot({ path: `${SHOTS}/history-${viewport.width}x${viewport.height}-${themeName}.png` });
          await sheet.getByTestId('history-range-90').click();
          await count(sheet.getByTestId('history-day'), 3);
          await hasText(sheet.getByTestId('history-best'), '8 km');
          await sheet.getByTestId('history-range-all').click();
          await count(sheet.getByTestId('history-day'), 4);
          await hasText(sheet.getByTestId('history-best'), '21 km');
          expect(await sheet.locator('[data-testid="history-trend"] circle').count()).toBe(4);
          await page.getByTestId('history-close').click();
          await gone(sheet);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }, 60_000);
    }
  }
});
