/**
 * Every /submit path against telegram-test-api. The clock stands at Wednesday 2026-11-25
 * 12:00 in Tashkent.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { BotHarness, buttons } from './harness';

let h: BotHarness;
beforeAll(async () => {
  h = await new BotHarness().start();
});
afterAll(async () => {
  await h.stop();
});

describe('/submit', () => {
  test('one joined challenge: /submit 5,5 submits at once (decimal comma) and shows the streak', async () => {
    const c = await h.challenge({ title: 'Run', emoji: '🏃', unit: 'km', maxValue: 100 });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    const answer = await m.ask('/submit 5,5');
    expect(answer.text).toContain('✅ Saved: 🏃 Run — 5.5 km.');
    expect(answer.text).toContain('Streak: 1 day(s) (best streak: 1)');
    expect(await h.todaysValue(m.id, c.id)).toBe(5.5);
  });

  test('a decimal point works too, and Uzbek shows the value with a comma', async () => {
    const c = await h.challenge({ title: 'Yugurish', emoji: '🏃', unit: 'km', maxValue: 100 });
    const m = await h.registered({ language_code: 'uz' });
    await h.join(m, c.id);
    const answer = await m.ask('/submit 7.25');
    expect(answer.text).toContain('Qabul qilindi: 🏃 Yugurish — 7,25 km.');
    expect(answer.text).toContain('Seriya: 1 kun');
    expect(await h.todaysValue(m.id, c.id)).toBe(7.25);
  });

  test('one joined challenge, no value: the bot asks for it, then takes the typed value', async () => {
    const c = await h.challenge({ title: 'Pages', emoji: '📚', unit: 'pages', minValue: 1, maxValue: 500 });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    const ask = await m.ask('/submit');
    expect(ask.text).toContain('📚 Pages: type today\'s result as a number (pages)');
    expect(ask.text).toContain('from 1 to 500');
    const done = await m.reply('12,5');
    expect(done.text).toContain('Saved: 📚 Pages — 12.5 pages');
    expect(await h.todaysValue(m.id, c.id)).toBe(12.5);
  });

  test('several challenges: an inline keyboard asks which one, then the value', async () => {
    const a = await h.challenge({ title: 'Push-ups', emoji: '💪', unit: 'reps', maxValue: 1000 });
    const b = await h.challenge({ title: 'Water', emoji: '💧', unit: 'l', maxValue: 10 });
    const m = await h.registered({ language_code: 'ru' });
    await h.join(m, a.id);
    await h.join(m, b.id);
    const choose = await m.ask('/submit');
    expect(choose.text).toBe('Для какого челленджа отправить результат?');
    expect(buttons(choose)).toEqual([
      { text: '💪 Push-ups', callback_data: `sub:${a.id}` },
      { text: '💧 Water', callback_data: `sub:${b.id}` },
    ]);
    const ask = await m.press(`sub:${b.id}`);
    expect(ask.text).toContain('💧 Water: напишите результат за сегодня числом (l)');
    const done = await m.reply('1.5');
    expect(done.text).toContain('Принято: 💧 Water — 1,5 l.');
    expect(await h.todaysValue(m.id, b.id)).toBe(1.5);
    expect(await h.todaysValue(m.id, a.id)).toBeNull();
  });

  test('several challenges with a value given: the choice submits it directly', async () => {
    const a = await h.challenge({ title: 'Squats', emoji: '🦵', unit: 'reps', maxValue: 1000 });
    const b = await h.challenge({ title: 'Plank', emoji: '🧘', unit: 'min', maxValue: 60 });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, a.id);
    await h.join(m, b.id);
    const choose = await m.ask('/submit 3,5');
    expect(buttons(choose).map((x) => x.callback_data)).toEqual([`sub:${a.id}`, `sub:${b.id}`]);
    const done = await m.press(`sub:${b.id}`);
    expect(done.text).toContain('Saved: 🧘 Plank — 3.5 min.');
    expect(await h.todaysValue(m.id, b.id)).toBe(3.5);
  });

  test('not registered: a clear refusal that offers registration', async () => {
    const m = h.member({ language_code: 'uz' });
    const answer = await m.ask('/submit 5');
    expect(answer.text).toContain("roʻyxatdan oʻting");
    expect(buttons(answer)).toEqual([{ text: "📝 Roʻyxatdan oʻtish", callback_data: 'reg:start' }]);
  });

  test('no joined challenge: the refusal offers the Mini App', async () => {
    const m = await h.registered({ language_code: 'en' });
    const answer = await m.ask('/submit 5');
    expect(answer.text).toContain("You haven't joined any challenge yet");
    expect(buttons(answer)[0]!.web_app?.url).toBe('https://qadam.example/app/');
  });

  test("already submitted today: the refusal shows today's value", async () => {
    const c = await h.challenge({ title: 'Steps', emoji: '👟', unit: 'steps' });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    await h.services.submissions.submit(m.id, c.id, '8000,5');
    expect((await m.next()).text).toContain('🏅 New badge'); // sent from the Mini App: the first-result badge comes as a message
    const direct = await m.ask('/submit 9000');
    expect(direct.text).toContain("Today's result is already submitted: 8,000.5 steps.");
    const asked = await m.ask('/submit');
    expect(asked.text).toContain("Today's result is already submitted: 8,000.5 steps.");
    expect(await h.todaysValue(m.id, c.id)).toBe(8000.5);
  });

  test('window closed: the refusal shows the window (Russian)', async () => {
    const c = await h.challenge({ title: 'Book', emoji: '📖', unit: 'pages', timeWindow: { start: '21:00', end: '23:59' } });
    const m = await h.registered({ language_code: 'ru' });
    await h.join(m, c.id);
    const direct = await m.ask('/submit 20');
    expect(direct.text).toContain('Результаты принимаются только в 21:00–23:59.');
    const asked = await m.ask('/submit');
    expect(asked.text).toContain('21:00–23:59');
    expect(await h.todaysValue(m.id, c.id)).toBeNull();
  });

  test('invalid values show the accepted range, and the bot waits for a good one', async () => {
    const c = await h.challenge({ title: 'Sleep', emoji: '😴', unit: 'h', minValue: 0, maxValue: 24 });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    const tooBig = await m.ask('/submit 25');
    expect(tooBig.text).toContain('Invalid value. Enter a number from 0 to 24.');
    const notANumber = await m.reply('seven');
    expect(notANumber.text).toContain('from 0 to 24');
    const infinite = await m.reply('Infinity');
    expect(infinite.text).toContain('from 0 to 24');
    const nan = await m.reply('NaN');
    expect(nan.text).toContain('from 0 to 24');
    const ok = await m.reply('7,5');
    expect(ok.text).toContain('Saved: 😴 Sleep — 7.5 h.');
    expect(await h.todaysValue(m.id, c.id)).toBe(7.5);
  });

  test('Uzbek range refusal', async () => {
    const c = await h.challenge({ title: 'Suv', emoji: '💧', unit: 'l', minValue: 0.5, maxValue: 5 });
    const m = await h.registered({ language_code: 'uz' });
    await h.join(m, c.id);
    const answer = await m.ask('/submit 0,1');
    expect(answer.text).toContain("Qiymat notoʻgʻri. 0,5 dan 5 gacha son kiriting.");
  });

  test('banned: one clear message, nothing stored', async () => {
    const c = await h.challenge({ title: 'Banned run', emoji: '🏃', unit: 'km' });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    await h.ban(m);
    const answer = await m.ask('/submit 5');
    expect(answer.text).toBe('Your account is banned. Contact the club admin.');
    expect(await m.silent()).toBe(true);
  });

  test('a command ends the wait for a value', async () => {
    const c = await h.challenge({ title: 'Cancel', emoji: '🛑', unit: 'x' });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    await m.ask('/submit');
    const help = await m.ask('/help');
    expect(help.text).toContain('Qadam Club commands');
    const stray = await m.reply('5');
    expect(stray.text).toContain('To submit a result send /submit');
    expect(await h.todaysValue(m.id, c.id)).toBeNull();
  });
});
