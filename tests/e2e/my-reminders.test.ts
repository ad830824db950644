/**
 * Setting my reminder time in the Mini App (Settings) at 390×844: my own time for a challenge,
 * refused outside its window (explained, nothing stored), back to the challenge's time, off.
 * The server's clock stands at Wednesday 2026-11-25 12:00 in Tashkent. Screenshot to $MINIAPP_SHOTS or /tmp.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { createChallenge, EVENING_BOOK, joinedMember } from '../helpers/factories';
import { ensureBuilt, launchChromium } from '../helpers/browser';
import { attr, closeSuite, gone, hasText, pageKit, poll, seen, SHOTS, value } from '../helpers/page';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let browser: Browser;
let kit: ReturnType<typeof pageKit>;
let steps: { id: number };
let book: { id: number };

beforeAll(async () => {
  ensureBuilt('miniapp');
  server = await startTestServer({ env: { RATE_LIMIT_READS: '100000', RATE_LIMIT_WRITES: '100000' } });
  steps = await createChallenge(server, { title: 'Kunlik qadamlar', emoji: '👟', unit: 'qadam', maxValue: 100000, reminderTime: '20:00' });
  book = await createChallenge(server, { ...EVENING_BOOK, reminderTime: '21:30' });
  browser = await launchChromium();
  kit = pageKit(server, () => browser);
}, 120_000);

afterAll(() => closeSuite(browser, server));

describe('my reminder time in the Mini App', () => {
  test('choose my time, refused outside the window, back to the challenge’s, off (390×844)', async () => {
    const m = await joinedMember(server, steps.id, { first_name: 'Malika', language_code: 'en' });
    expect((await server.request('POST', `/api/challenges/${book.id}/join`, { as: m.tg })).status).toBe(200);
    const stored = async () => (await server.request('GET', '/api/me/reminders', { as: m.tg })).body.challenges as { challengeId: number; time: string | null; enabled: boolean }[];
    const storedOf = async (id: number) => (await stored()).find((c) => c.challengeId === id)!;

    const { context, page, errors } = await kit.open(m.tg);
    await page.getByTestId('settings-button').click();
    await seen(page.getByTestId('settings-page'));
    const row = (id: number) => page.locator(`[data-testid="reminder-row"][data-challenge-id="${id}"]`);
    const time = (id: number) => row(id).getByTestId('reminder-time-input');
    await seen(row(book.id));
    await hasText(row(book.id), "Challenge's time: 21:30 · results 21:00–23:59");
    await value(time(steps.id), '20:00');
    await value(time(book.id), '21:30');

    // My own time for the steps.
    await time(steps.id).fill('07:45');
    await time(steps.id).dispatchEvent('change');
    await poll(async () => (await storedOf(steps.id)).time, '07:45', 'stored time');
    await hasText(page.getByTestId('toast'), 'Reminder saved');
    await seen(row(steps.id).getByTestId('reminder-default'));

    // Outside the book's window: explained under the row, nothing stored, the input shows what is.
    await time(book.id).fill('19:00');
    await time(book.id).dispatchEvent('change');
    await hasText(page.getByTestId('reminder-error'), 'Choose a time within 21:00–23:59.');
    await value(time(book.id), '21:30');
    expect((await storedOf(book.id)).time).toBeNull();
    // Inside it: stored, and the message goes away.
    await time(book.id).fill('22:15');
    await time(book.id).dispatchEvent('change');
    await poll(async () => (await storedOf(book.id)).time, '22:15', 'stored time');
    await gone(page.getByTestId('reminder-error'));

    await page.screenshot({ path: `${SHOTS}/miniapp-my-reminders-390.png`, fullPage: true });

    // Back to the challenge's time; then off for the steps.
    await row(steps.id).getByTestId('reminder-default').click();
    await poll(async () => (await storedOf(steps.id)).time, null, 'back to the default');
    await value(time(steps.id), '20:00');
    await row(steps.id).getByTestId('reminder-switch').click();
    await poll(async () => (await storedOf(steps.id)).enabled, false, 'off');
    await attr(row(steps.id).getByTestId('reminder-switch'), 'aria-checked', 'false');
    expect(await time(steps.id).isDisabled()).toBe(true);

    // Nothing runs off the screen at 390 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
