/**
 * The API reference page (/api/docs) in headless Chromium at phone and laptop size: it loads
 * nothing from elsewhere, nothing runs off the side, and every route reads as a card.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer({ demo: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await server.stop();
});

for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['laptop', { width: 1280, height: 900 }]] as const) {
  test(`readable at ${viewport.width}×${viewport.height} (${name})`, async () => {
    const page = await browser.newPage({ viewport });
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) foreign.push(r.url());
    });
    await page.goto(`${server.url}/api/docs`);
    expect(await page.title()).toContain('Qadam Club API');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const documented = (await (await page.request.get(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, object> };
    const operations = Object.values(documented.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(await page.locator('article').count()).toBe(operations);
    const submit = page.locator('#postApiChallengesByIdSubmit');
    await submit.scrollIntoViewIfNeeded();
    expect(await submit.innerText()).toContain('OUTSIDE_TIME_WINDOW');
    await page.screenshot({ path: `/tmp/api-docs-${name}.png` });
    expect(foreign).toEqual([]);
    await page.close();
  }, 30_000);
}
