/**
 * Contrast and tap targets, measured on the rendered Mini App (not read from CSS): every
 * screen in light and dark at 390×844 and 360×640. Text that carries information: ≥ 4.5:1;
 * controls: ≥ 44×44 px.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { createChallenge, EVENING_BOOK, joinedMember, submit } from '../helpers/factories';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { auditPage, card, closeSuite, DARK, LIGHT, pageKit, profileCard, seen, SHOTS, type ContrastFinding, type TargetFinding } from '../helpers/page';

let server: TestServer;
let browser: Browser;
let kit: ReturnType<typeof pageKit>;
let steps: { id: number };
let book: { id: number };

beforeAll(async () => {
  ensureBuilt('miniapp');
  server = await startTestServer({ env: { RATE_LIMIT_READS: '100000', RATE_LIMIT_WRITES: '100000' } });
  steps = await createChallenge(server, {
    title: 'Kunlik qadamlar',
    description: 'Har kuni kamida 10 000 qadam. Yurish — eng oddiy mashq.',
    emoji: '👟',
    unit: 'qadam',
    target: 10000,
    maxValue: 100000,
  });
  book = await createChallenge(server, { ...EVENING_BOOK, description: 'Kechqurun 20 bet.' });
  for (const [i, name] of ['Aziza Karimova', 'Bekzod', 'Dilnoza'].entries()) {
    const m = await joinedMember(server, steps.id, { first_name: name });
    await submit(server, m.tg, steps.id, 7000 + i * 2000);
  }
  browser = await launchChromium();
  kit = pageKit(server, () => browser);
}, 120_000);

afterAll(() => closeSuite(browser, server));

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];

async function screens(page: Page, name: string, visit: (screen: string) => Promise<void>) {
  const found = { contrast: [] as (ContrastFinding & { screen: string })[], targets: [] as (TargetFinding & { screen: string })[] };
  for (const screen of ['profile', 'challenges', 'submit', 'leaderboard', 'history', 'settings']) {
    await visit(screen);
    // Measure the screen at rest: its data loaded, nothing in flight.
    await page.waitForLoadState('networkidle');
    const a = await auditPage(page);
    found.contrast.push(...a.contrast.map((c) => ({ ...c, screen })));
    found.targets.push(...a.targets.map((t) => ({ ...t, screen })));
    await page.screenshot({ path: `${SHOTS}/a11y-${name}-${screen}.png` });
  }
  return found;
}

describe('contrast and tap targets, measured', () => {
  for (const viewport of VIEWPORTS) {
    for (const [themeName, theme] of Object.entries({ light: LIGHT, dark: DARK })) {
      test(`${viewport.width}x${viewport.height} ${themeName}`, async () => {
        const m = await joinedMember(server, steps.id, { first_name: 'Nodira', language_code: 'uz' });
        await server.request('POST', `/api/challenges/${book.id}/join`, { as: m.tg });
        await submit(server, m.tg, steps.id, 8500);
        const { context, page } = await kit.open(m.tg, { viewport, theme });
        try {
          const found = await screens(page, `${viewport.width}x${viewport.height}-${themeName}`, async (screen) => {
            await page.keyboard.press('Escape');
            await page.keyboard.press('Escape');
            if (screen === 'profile') await page.getByTestId('nav-profile').click();
            if (screen === 'challenges') await page.getByTestId('nav-challenges').click();
            if (screen === 'submit') {
              await page.getByTestId('nav-challenges').click();
              await card(page, steps.id).getByTestId('submit-button').click();
              await seen(page.getByTestId('value-input'));
            }
            if (screen === 'leaderboard') {
              await page.getByTestId('nav-leaderboard').click();
              await seen(page.getByTestId('leaderboard-row'));
            }
            if (screen === 'history') {
              await page.getByTestId('nav-profile').click();
              await profileCard(page, steps.id).getByTestId('profile-history-button').click();
              await seen(page.getByTestId('history-day'));
            }
            if (screen === 'settings') {
              await page.getByTestId('nav-profile').click();
              await page.getByTestId('settings-button').click();
              await seen(page.getByTestId('settings-page'));
            }
          });
          const low = found.contrast.filter((c) => c.ratio < 4.5);
          const small = found.targets.filter((t) => t.width < 44 || t.height < 44);
          const min = Math.min(...found.contrast.map((c) => c.ratio));
          console.log(`${viewport.width}x${viewport.height} ${themeName}: ${found.contrast.length} texts, lowest contrast ${min}:1; ${found.targets.length} controls`);
          expect(low.map((c) => `${c.screen}: "${c.text}" ${c.ratio}:1 (${c.color} on ${c.background})`)).toEqual([]);
          expect(small.map((t) => `${t.screen}: ${t.name} ${t.width}×${t.height}`)).toEqual([]);
        } finally {
          await context.close();
        }
      }, 90_000);
    }
  }
});
