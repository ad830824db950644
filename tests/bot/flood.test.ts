/** A chat that floods the bot is told once to slow down and ignored for the rest of the minute. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { BotHarness } from './harness';

let h: BotHarness;
beforeAll(async () => {
  h = await new BotHarness().start({ env: { RATE_LIMIT_BOT: '5' } });
});
afterAll(async () => {
  await h.stop();
});

test('over RATE_LIMIT_BOT updates a minute: five answers, one polite warning, then silence', async () => {
  const flooder = await h.registered({ language_code: 'en' });
  const calm = await h.registered({ language_code: 'en' });
  for (let i = 0; i < 12; i++) await flooder.command('/help');
  const answers = [];
  for (let i = 0; i < 6; i++) answers.push(await flooder.next());
  expect(answers.slice(0, 5).every((m) => m.text.includes('Qadam Club commands'))).toBe(true);
  expect(answers[5]!.text).toBe('Too many requests. Try again in a moment.');
  expect(await flooder.silent()).toBe(true);

  // Another chat is not affected.
  expect((await calm.ask('/help')).text).toContain('Qadam Club commands');

  // The next minute the flooder is heard again.
  h.runtime.clock.advance(60_000);
  expect((await flooder.ask('/help')).text).toContain('Qadam Club commands');
  expect(h.errors()).toEqual([]);
});
