/** /start, the registration flow and the Mini App button, against telegram-test-api. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createBot } from '../../server/bot';
import { BotHarness, buttons, captureLogger, type LogLine } from './harness';

let h: BotHarness;
beforeAll(async () => {
  h = await new BotHarness().start();
});
afterAll(async () => {
  await h.stop();
});

describe('/start and registration', () => {
  test('a newcomer is greeted in Uzbek, confirms the Telegram name with one tap, and gets the Mini App button', async () => {
    const m = h.member({ first_name: 'Aziz', last_name: 'Karimov', username: 'aziz', language_code: 'uz' });
    const greeting = await m.ask('/start');
    expect(greeting.text).toContain('Assalomu alaykum, Aziz!');
    expect(greeting.text).toContain('Qadam Club');
    const [accept] = buttons(greeting);
    expect(accept!.text).toContain('Aziz Karimov');
    expect(accept!.callback_data).toBe('reg:accept');
    // Seen, not yet registered: joining is impossible until registration completes.
    expect((await h.services.members.findMember(m.id))?.registeredAt).toBeNull();

    const done = await m.press('reg:accept');
    expect(done.text).toContain('Tayyor, Aziz Karimov!');
    expect(buttons(done)).toEqual([{ text: '📱 Qadam Club ilovasini ochish', web_app: { url: 'https://qadam.example/app/' } }]);

    const row = (await h.services.members.findMember(m.id))!;
    expect(row.displayName).toBe('Aziz Karimov');
    expect(row.registeredAt).not.toBeNull();
    expect(row.username).toBe('aziz');
    expect(row.firstName).toBe('Aziz');
    expect(row.lastName).toBe('Karimov');
    expect(row.language).toBe('uz');
  });

  test('typing another name registers it; an invalid name is refused and the bot keeps waiting', async () => {
    const m = h.member({ first_name: 'Ivan', language_code: 'ru' });
    const greeting = await m.ask('/start');
    expect(greeting.text).toContain('Здравствуйте, Ivan!');

    const tooLong = await m.reply('x'.repeat(65));
    expect(tooLong.text).toContain('Такое имя не подойдёт');
    const control = await m.reply('Ivan\u200bPetrov'); // a zero-width (format) character
    expect(control.text).toContain('Такое имя не подойдёт');
    expect((await h.services.members.findMember(m.id))?.registeredAt).toBeNull();

    const done = await m.reply('  Иван Петров  ');
    expect(done.text).toContain('Готово, Иван Петров!');
    expect(buttons(done)[0]!.web_app?.url).toBe('https://qadam.example/app/');
    expect((await h.services.members.findMember(m.id))?.displayName).toBe('Иван Петров');
    expect((await h.services.members.findMember(m.id))?.language).toBe('ru');
  });

  test('a registered member sending /start again gets the welcome back, not a second registration', async () => {
    const m = await h.registered({ first_name: 'Lola', language_code: 'en', displayName: 'Lola R.' });
    const before = (await h.services.members.findMember(m.id))!;
    const again = await m.ask('/start');
    expect(again.text).toContain('Welcome back, Lola R.!');
    expect(buttons(again)[0]!.web_app?.url).toBe('https://qadam.example/app/');
    const after = (await h.services.members.findMember(m.id))!;
    expect(after.registeredAt).toBe(before.registeredAt);
    expect(after.displayName).toBe('Lola R.');
  });

  test('deep links (/start <payload>) take the same path', async () => {
    const m = h.member({ first_name: 'Deep', language_code: 'en' });
    const greeting = await m.ask('/start ref_campaign-42');
    expect(greeting.text).toContain('Hello, Deep!');
    const done = await m.press('reg:accept');
    expect(done.text).toContain('All set, Deep!');
    const back = await m.ask('/start ref_campaign-42');
    expect(back.text).toContain('Welcome back, Deep!');
  });

  test('language from Telegram: ru → Russian, other → English, unknown → Uzbek', async () => {
    expect((await h.member({ first_name: 'A', language_code: 'ru-RU' }).ask('/start')).text).toContain('Здравствуйте');
    expect((await h.member({ first_name: 'B', language_code: 'de' }).ask('/start')).text).toContain('Hello');
    expect((await h.member({ first_name: 'C' }).ask('/start')).text).toContain('Assalomu alaykum');
  });

  test('the "register" offer of a refusal starts the same flow', async () => {
    const m = h.member({ first_name: 'Offer', language_code: 'en' });
    const refusal = await m.ask('/submit');
    expect(refusal.text).toContain('Please register first');
    expect(buttons(refusal)[0]!.callback_data).toBe('reg:start');
    const greeting = await m.press('reg:start');
    expect(greeting.text).toContain('Hello, Offer!');
  });

  test('start-up went on although the fake lacks setMyCommands and setChatMenuButton', () => {
    const warnings = h.logs.filter((l) => l.level === 'warn').map((l) => l.msg);
    expect(warnings.some((w) => w.includes('setMyCommands'))).toBe(true);
    expect(warnings.some((w) => w.includes('setChatMenuButton'))).toBe(true);
    expect(h.errors()).toEqual([]);
  });
});

describe('with an http PUBLIC_URL', () => {
  test('the Mini App button falls back to a plain link (web_app needs https)', async () => {
    const other = await new BotHarness().start({ env: { PUBLIC_URL: 'http://localhost:3000' } });
    try {
      const m = await other.registered({ first_name: 'Plain', language_code: 'en' });
      const back = await m.ask('/start');
      expect(buttons(back)).toEqual([{ text: '📱 Open Qadam Club', url: 'http://localhost:3000/app/' }]);
    } finally {
      await other.stop();
    }
  });
});

describe('createBot', () => {
  test('never starts by itself and needs a token', () => {
    const logs: LogLine[] = [];
    const deps = { services: h.services, log: captureLogger(logs), clock: h.runtime.clock };
    expect(() => createBot({ ...deps, config: { ...h.runtime.config, BOT_TOKEN: undefined } })).toThrow('BOT_TOKEN');
    const idle = createBot({ ...deps, config: h.runtime.config });
    expect(logs).toEqual([]); // no call was made: nothing connected, nothing logged
    void idle;
  });
});
