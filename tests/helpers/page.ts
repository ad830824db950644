/**
 * Waiting assertions and launch helpers for Mini App page tests (bun:test's expect does not
 * wait; the page updates asynchronously). Bounded polls, no sleeps standing in for events.
 */
import { expect } from 'bun:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { signInitData, type TestTelegramUser } from './initData';
import type { TestServer } from './server';

export const WAIT_MS = 8000;

export const LIGHT = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#707579',
  link_color: '#3390ec',
  button_color: '#3390ec',
  button_text_color: '#ffffff',
  secondary_bg_color: '#f4f4f5',
  section_bg_color: '#ffffff',
  section_header_text_color: '#3390ec',
  subtitle_text_color: '#707579',
  destructive_text_color: '#df3f40',
  accent_text_color: '#3390ec',
  section_separator_color: '#e7e7e7',
  header_bg_color: '#ffffff',
  bottom_bar_bg_color: '#ffffff',
};
export const DARK = {
  bg_color: '#212121',
  text_color: '#ffffff',
  hint_color: '#aaaaaa',
  link_color: '#8774e1',
  button_color: '#8774e1',
  button_text_color: '#ffffff',
  secondary_bg_color: '#0f0f0f',
  section_bg_color: '#212121',
  section_header_text_color: '#8774e1',
  subtitle_text_color: '#aaaaaa',
  destructive_text_color: '#ff595a',
  accent_text_color: '#8774e1',
  section_separator_color: '#3d3d3d',
  header_bg_color: '#212121',
  bottom_bar_bg_color: '#212121',
};

export async function poll<T>(read: () => Promise<T>, expected: T, what = 'value'): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (Object.is(last, expected)) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) break;
    await Bun.sleep(50);
  }
  expect(last, what).toBe(expected);
}

async function pollText(loc: Locator, check: (text: string) => boolean, describe: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let last = '<absent>';
  for (;;) {
    try {
      last = (await loc.first().innerText({ timeout: 500 })).replace(/\s+/g, ' ').trim();
      if (check(last)) return;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) break;
    await Bun.sleep(50);
  }
  throw new Error(`${loc}: expected ${describe}, got "${last}"`);
}

const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ');
export const seen = (loc: Locator) => loc.first().waitFor({ state: 'visible', timeout: WAIT_MS });
export const gone = (loc: Locator) => loc.first().waitFor({ state: 'hidden', timeout: WAIT_MS });
export const hasText = (loc: Locator, text: string) => pollText(loc, (t) => norm(t).includes(norm(text)), `text containing "${text}"`);
export const lacksText = (loc: Locator, text: string) => pollText(loc, (t) => !norm(t).includes(norm(text)), `text without "${text}"`);
export const attr = (loc: Locator, name: string, value: string) =>
  poll(() => loc.first().getAttribute(name, { timeout: 500 }), value, `${loc} [${name}]`);
export const value = (loc: Locator, v: string) => poll(() => loc.first().inputValue({ timeout: 500 }), v, `${loc} value`);
export const disabled = (loc: Locator, is: boolean) => poll(() => loc.first().isDisabled({ timeout: 500 }), is, `${loc} disabled`);
export const count = (loc: Locator, n: number) => poll(() => loc.count(), n, `${loc} count`);

export function pageKit(server: TestServer, browser: () => Browser) {
  const initDataFor = (user: TestTelegramUser, extra?: Record<string, string>) =>
    signInitData(user, { authDate: server.clock.now(), extra: { signature: 'c2lnbmF0dXJlLWZyb20tdGVsZWdyYW0', ...extra } });
  const appUrl = (initData: string, theme?: Record<string, string>) => {
    let hash = `#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop`;
    if (theme) hash += `&tgWebAppThemeParams=${encodeURIComponent(JSON.stringify(theme))}`;
    return `${server.url}/app/${hash}`;
  };
  async function open(
    user: TestTelegramUser,
    opts: { viewport?: { width: number; height: number }; theme?: Record<string, string>; extra?: Record<string, string> } = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser().newContext({ viewport: opts.viewport ?? { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl(initDataFor(user, opts.extra), opts.theme));
    await seen(page.getByTestId('profile-name'));
    return { context, page, errors };
  }
  return { initDataFor, appUrl, open };
}

export const card = (page: Page, id: number) => page.locator(`[data-testid="challenge-card"][data-challenge-id="${id}"]`);
export const profileCard = (page: Page, id: number) => page.locator(`[data-testid="profile-challenge"][data-challenge-id="${id}"]`);

/** True when the element's box lies wholly inside the viewport (no scrolling needed). */
export async function inViewport(page: Page, loc: Locator): Promise<boolean> {
  const box = await loc.first().boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
}
