/**
 * The club's Telegram group in the admin panel (announcements page), at 390×844 and 1440×900:
 * the chat chosen in the group shows, the evening summary is switched on at a time, the posts'
 * language chosen — stored and audited. Screenshots go to $ADMIN_SHOTS or /tmp.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { overflowing, seen, hasText, setTime, until } from '../helpers/pageWait';
import { ADMIN_USER } from '../helpers/runtime';
import { startTestServer, type TestServer } from '../helpers/server';

const SHOTS = process.env.ADMIN_SHOTS ?? '/tmp';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt('admin');
  server = await startTestServer();
  await server.services.clubChat.chooseGroup(ADMIN_USER.id, { id: -1001234567890, title: 'Qadam Club chat' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the club group card', () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
    test(`evening summary on at 21:45 in Russian (${viewport.width}×${viewport.height})`, async () => {
      await server.services.clubChat.update({ telegramId: ADMIN_USER.id, role: 'owner' }, { summaryEnabled: false, language: 'uz' });
      const context = await browser.newContext({ viewport, locale: 'en-US', deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const { token } = await server.services.admin.login.createLoginLink(ADMIN_USER.id);
      await page.goto(`${server.url}/admin/?login=${token}`);
      await seen(page.locator('[data-testid="nav-announcements"], [data-testid="nav-toggle"]'));
      await page.goto(`${server.url}/admin/announcements`);
      const card = page.locator('[data-testid="club-chat"]');
      await seen(card);
      await hasText(card.locator('[data-testid="club-chat-id"]'), 'Qadam Club chat (-1001234567890)');
      await hasText(card, 'send /clubchat there');

      await card.locator('[data-testid="club-chat-summary"]').click();
      await setTime(page, 'club-chat-summary-time', '21:45');
      await card.locator('[data-testid="club-chat-language"]').click();
      await page.locator('.n-base-select-option', { hasText: 'Русский' }).click();
      await card.locator('[data-testid="club-chat-save"]').click();
      await until(
        async () => (await server.request('GET', '/api/admin/club-chat', { as: ADMIN_USER })).body,
        (s) => s.summaryEnabled === true && s.summaryTime === '21:45' && s.language === 'ru',
        'stored settings',
      );
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/qadam-admin-club-chat-${viewport.width}.png` });
      expect(await overflowing(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
