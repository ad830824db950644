/** /me, /top, /help, /language, /reminders in uz, ru and en; banned members; stray input. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Language } from '../../shared/schemas';
import { BotHarness, buttons, type Member } from './harness';

let h: BotHarness;
let steps: { id: number };
beforeAll(async () => {
  h = await new BotHarness().start();
  steps = await h.challenge({ title: 'Qadamlar', emoji: '👟', unit: 'qadam', maxValue: 100000 });
});
afterAll(async () => {
  await h.stop();
});

const expected: Record<Language, { me: string[]; top: string[]; help: string; reminders: [string, string, string] }> = {
  uz: {
    me: ['Bugun: ✅ 9\u00a0500 qadam', '🔥 Seriya: 1 kun · eng uzun seriya: 1', '🔔 Eslatmalar: yoqilgan'],
    top: ['🏆 👟 Qadamlar — bugungi TOP-5', "Sizning oʻrningiz:"],
    help: 'Qadam Club buyruqlari',
    reminders: ['🔔 Eslatmalar yoqilgan', "🔕 Eslatmalar oʻchirildi", '🔔 Eslatmalar yoqildi.'],
  },
  ru: {
    me: ['Сегодня: ✅ 9\u00a0500 qadam', '🔥 Серия: 1 дн. · лучшая серия: 1', '🔔 Напоминания: включены'],
    top: ['🏆 👟 Qadamlar — ТОП-5 за сегодня', 'Ваше место:'],
    help: 'Команды Qadam Club',
    reminders: ['🔔 Напоминания включены', '🔕 Напоминания выключены.', '🔔 Напоминания включены.'],
  },
  en: {
    me: ['Today: ✅ 9,500 qadam', '🔥 Streak: 1 day(s) · best streak: 1', '🔔 Reminders: on'],
    top: ["🏆 👟 Qadamlar — today's top 5", 'Your place:'],
    help: 'Qadam Club commands',
    reminders: ['🔔 Reminders are on', '🔕 Reminders are off.', '🔔 Reminders are on.'],
  },
};

for (const language of ['uz', 'ru', 'en'] as const) {
  describe(`in ${language}`, () => {
    let m: Member;
    beforeAll(async () => {
      m = await h.registered({ language_code: language, displayName: `Walker ${language}` });
      await h.join(m, steps.id);
      await h.services.submissions.submit(m.id, steps.id, 9500);
      expect((await m.next()).text).toContain('🏅'); // the first-result badge, told by the bot
    });

    test('/me lists challenges, streaks and today', async () => {
      const me = await m.ask('/me');
      expect(me.text).toContain(`👤 Walker ${language}`);
      expect(me.text).toContain('👟 Qadamlar');
      for (const line of expected[language].me) expect(me.text).toContain(line);
      expect(buttons(me)[0]!.web_app?.url).toBe('https://qadam.example/app/');
    });

    test("/top shows today's top 5 and the member's place", async () => {
      const top = await m.ask('/top');
      for (const line of expected[language].top) expect(top.text).toContain(line);
      expect(top.text).toMatch(new RegExp(`\\d\\. Walker ${language} — ${language === 'en' ? '9,500' : '9\u00a0500'} qadam`));
    });

    test('/help lists the commands', async () => {
      const help = await m.ask('/help');
      expect(help.text).toContain(expected[language].help);
      for (const cmd of ['/start', '/submit', '/me', '/top', '/language', '/reminders', '/help']) expect(help.text).toContain(cmd);
    });

    test('/reminders shows the state, toggles off and on, and it is remembered', async () => {
      const [status, off, on] = expected[language].reminders;
      const shown = await m.ask('/reminders');
      expect(shown.text).toContain(status);
      expect(buttons(shown)[0]!.callback_data).toBe('rem:off');
      const turnedOff = await m.press('rem:off');
      expect(turnedOff.text).toContain(off);
      expect((await h.services.members.findMember(m.id))?.remindersEnabled).toBe(false);
      const shownOff = await m.ask('/reminders');
      expect(buttons(shownOff)[0]!.callback_data).toBe('rem:on');
      const turnedOn = await m.ask('/reminders on');
      expect(turnedOn.text).toContain(on);
      expect((await h.services.members.findMember(m.id))?.remindersEnabled).toBe(true);
    });

    test('/language offers the three languages and remembers the choice', async () => {
      const offer = await m.ask('/language');
      expect(buttons(offer).map((b) => b.callback_data)).toEqual(['lang:uz', 'lang:ru', 'lang:en']);
      expect(buttons(offer).map((b) => b.text)).toEqual(["Oʻzbekcha", 'Русский', 'English']);
      const other: Language = language === 'en' ? 'ru' : 'en';
      const changed = await m.press(`lang:${other}`);
      expect(changed.text).toBe(other === 'ru' ? 'Язык изменён: Русский ✅' : 'Language changed: English ✅');
      expect((await h.services.members.findMember(m.id))?.language).toBe(other);
      // The next answers come in the chosen language, whatever Telegram's language_code says.
      const help = await m.ask('/help');
      expect(help.text).toContain(expected[other].help);
      const back = await m.ask(`/language ${language}`);
      expect(back.text).toContain(language === 'uz' ? "Til oʻzgartirildi" : language === 'ru' ? 'Язык изменён' : 'Language changed');
      expect((await h.services.members.findMember(m.id))?.language).toBe(language);
    });
  });
}

describe('edge cases', () => {
  test('/top with nobody on the board yet, and /me without challenges', async () => {
    const lonely = await h.challenge({ title: 'Lonely', emoji: '🌙', unit: 'x' });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, lonely.id);
    const top = await m.ask('/top');
    expect(top.text).toContain('Nobody has submitted a result today yet.');
    expect(top.text).toContain("You're not on today's board yet");
    const n = await h.registered({ language_code: 'en' });
    const me = await n.ask('/me');
    expect(me.text).toContain("You haven't joined any challenge yet");
  });

  test('/me, /top and /reminders before registration offer it', async () => {
    const m = h.member({ language_code: 'ru' });
    for (const cmd of ['/me', '/top', '/reminders']) {
      const answer = await m.ask(cmd);
      expect(answer.text).toContain('сначала зарегистрируйтесь');
      expect(buttons(answer)[0]!.callback_data).toBe('reg:start');
    }
  });

  test('/language works before registration', async () => {
    const m = h.member({ language_code: 'en' });
    const changed = await m.ask('/language uz');
    expect(changed.text).toBe("Til oʻzgartirildi: Oʻzbekcha ✅");
    const greeting = await m.ask('/start');
    expect(greeting.text).toContain('Assalomu alaykum');
  });

  test('unknown commands and stray texts get a helpful answer', async () => {
    const m = await h.registered({ language_code: 'en' });
    expect((await m.ask('/dance')).text).toContain("I don't know that command");
    expect((await m.reply('hello?')).text).toContain('To submit a result send /submit');
    const stranger = h.member({ language_code: 'en' });
    const offer = await stranger.reply('hi');
    expect(offer.text).toContain('Please register first');
  });

  test('a banned member gets one clear message for anything they send', async () => {
    const m = await h.registered({ language_code: 'uz' });
    await h.join(m, steps.id);
    await h.ban(m);
    const banned = "Hisobingiz bloklangan. Klub administratoriga murojaat qiling.";
    for (const cmd of ['/start', '/me', '/top', '/help', '/language', '/reminders', '/submit 5']) {
      const answer = await m.ask(cmd);
      expect(answer.text).toBe(banned);
      expect(answer.reply_markup).toBeUndefined();
    }
    expect((await m.reply('salom')).text).toBe(banned);
    expect((await m.press('rem:off')).text).toBe(banned);
    expect(await m.silent()).toBe(true); // exactly one message each time
    expect((await h.services.members.findMember(m.id))?.remindersEnabled).toBe(true);
  });

  test('the bot stays out of group chats', async () => {
    const m = (await h.registered({ language_code: 'en' })).inGroup(-100_555);
    await m.command('/help');
    await m.text('5');
    expect(await m.silent()).toBe(true);
  });

  test('registered elsewhere while the bot waited for a name: a later text does not rename', async () => {
    const m = h.member({ first_name: 'Elsewhere', language_code: 'en' });
    await m.ask('/start');
    await h.services.members.register(
      { telegramId: m.id, firstName: 'Elsewhere', lastName: null, username: null, languageCode: 'en' },
      { displayName: 'From the Mini App' },
    );
    const answer = await m.reply('just chatting');
    expect(answer.text).toContain('To submit a result send /submit');
    expect((await h.services.members.findMember(m.id))?.displayName).toBe('From the Mini App');
  });

  test('no handler error was logged', () => {
    expect(h.errors()).toEqual([]);
  });
});
