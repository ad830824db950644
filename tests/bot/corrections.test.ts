/**
 * Honest progress, correcting today's result and the deletion notice, against
 * telegram-test-api. The clock stands at Wednesday 2026-11-25 12:00 in Tashkent.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ADMIN_USER } from '../helpers/runtime';
import { BotHarness, buttons } from './harness';

let h: BotHarness;
beforeAll(async () => {
  h = await new BotHarness().start();
});
afterAll(async () => {
  await h.stop();
});

describe('below the target', () => {
  test('the reply says how much was missing and that the streak did not move; /me says it too', async () => {
    const c = await h.challenge({ title: 'Steps', emoji: '👟', unit: 'steps', target: 10000 });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    const answer = await m.ask('/submit 8500');
    expect(answer.text).toContain('☑️ Saved: 👟 Steps — 8,500 steps.');
    expect(answer.text).toContain('1,500 steps short of the daily target');
    expect(answer.text).toContain('Streak: 0 day(s)');
    expect(answer.text).not.toContain('✅');
    const me = await m.ask('/me');
    expect(me.text).toContain('Today: ☑️ 8,500 steps — 1,500 steps short of the target');
  });
});

describe('correcting today\'s result', () => {
  test('the reply offers a correction; the typed value replaces the result and the streak follows', async () => {
    const c = await h.challenge({ title: 'Qadamlar', emoji: '👟', unit: 'qadam', target: 10000 });
    const m = await h.registered({ language_code: 'uz' });
    await h.join(m, c.id);
    const sent = await m.ask('/submit 1000');
    expect(sent.text).toContain('Kunlik maqsadga 9\u00a0000 qadam yetmadi: bu kun seriyaga qoʻshilmaydi');
    expect(sent.text).toContain('15 daqiqa ichida tuzatish mumkin');
    const fix = buttons(sent).find((b) => b.callback_data === `fix:${c.id}`);
    expect(fix?.text).toBe('✏️ Tuzatish');
    const ask = await m.press(`fix:${c.id}`);
    expect(ask.text).toContain('hozirgi natija 1\u00a0000 qadam');
    const wrong = await m.reply('oʻn ming');
    expect(wrong.text).toContain('Qiymat');
    const done = await m.reply('10000');
    expect(done.text).toContain('✏️ Tuzatildi: 👟 Qadamlar — 10\u00a0000 qadam.');
    expect(done.text).toContain('Seriya: 1 kun');
    expect(await h.todaysValue(m.id, c.id)).toBe(10000);
  });

  test('a second /submit reminds of today\'s value and offers the correction while it is open', async () => {
    const c = await h.challenge({ title: 'Run', emoji: '🏃', unit: 'km', maxValue: 100 });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    await m.ask('/submit 5');
    const again = await m.ask('/submit 7');
    expect(again.text).toContain("Today's result is already submitted: 5 km.");
    expect(buttons(again).map((b) => b.callback_data)).toContain(`fix:${c.id}`);
    expect(await h.todaysValue(m.id, c.id)).toBe(5);
  });

  test('after CORRECTION_MINUTES the button answers that the time has passed; nothing changes', async () => {
    const c = await h.challenge({ title: 'Книги', emoji: '📚', unit: 'стр.', maxValue: 1000 });
    const m = await h.registered({ language_code: 'ru' });
    await h.join(m, c.id);
    const sent = await m.ask('/submit 10');
    expect(buttons(sent).map((b) => b.callback_data)).toContain(`fix:${c.id}`);
    h.runtime.clock.advance(10 * 60_000);
    try {
      const ask = await m.press(`fix:${c.id}`);
      expect(ask.text).toContain('сейчас записано 10 стр.');
      h.runtime.clock.advance(6 * 60_000);
      const late = await m.reply('100');
      expect(late.text).toContain('Исправить результат можно в течение 15 мин после отправки');
      expect(await h.todaysValue(m.id, c.id)).toBe(10);
      const again = await m.ask('/submit');
      expect(buttons(again).map((b) => b.callback_data)).not.toContain(`fix:${c.id}`);
    } finally {
      h.runtime.clock.set('2026-11-25T07:00:00Z');
    }
  });
});

describe('an admin deleting a result', () => {
  test('the member is told, in their language, which result of which day', async () => {
    const c = await h.challenge({ title: 'Push-ups', emoji: '💪', unit: 'reps', maxValue: 1000 });
    const m = await h.registered({ language_code: 'ru' });
    await h.join(m, c.id);
    await m.ask('/submit 40');
    const id = (await h.services.members.profile(m.id)).challenges[0]!.today!.id;
    const res = await h.runtime.request('DELETE', `/api/admin/submissions/${id}`, { as: ADMIN_USER });
    expect(res.status).toBe(200);
    const notice = await m.next();
    expect(notice.text).toContain('Администратор удалил ваш результат за 25.11.2026: 💪 Push-ups — 40 reps.');
    expect(await h.todaysValue(m.id, c.id)).toBeNull();
  });
});

describe('an admin setting a result on a member\'s behalf', () => {
  test('the member is told what was added or corrected, and why, in their language', async () => {
    const c = await h.challenge({ title: 'Pages', emoji: '📖', unit: 'pages', maxValue: 1000 });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    const userId = (await h.services.members.findMember(m.id))!.id;
    const put = (value: number, reason: string) =>
      h.runtime.request('PUT', `/api/admin/users/${userId}/challenges/${c.id}/results/2026-11-25`, { as: ADMIN_USER, body: { value, reason } });
    expect((await put(30, 'Phone was dead')).status).toBe(200);
    // Their first result in the club: the badge it earns is told too.
    expect((await m.next()).text).toContain('🏅 New badge: 👣 First step!');
    expect((await m.next()).text).toBe(
      '📝 An admin added your result of 25 Nov 2026: 📖 Pages — 30 pages.\nReason: Phone was dead\nYour streak and the leaderboards were recounted.',
    );
    expect((await put(35, 'Typo')).status).toBe(200);
    expect((await m.next()).text).toContain('📝 An admin corrected your result of 25 Nov 2026: 📖 Pages — 35 pages instead of 30 pages.');
    expect(await h.todaysValue(m.id, c.id)).toBe(35);
  });
});

describe('challenge texts in the member\'s language', () => {
  test('/submit, /me and /top name the challenge in Russian for a Russian member, Uzbek where none was entered', async () => {
    const c = await h.challenge({ title: 'Suv ichish', emoji: '💧', unit: 'litr', maxValue: 10, translations: { ru: { title: 'Пить воду', unit: 'л' } } });
    const m = await h.registered({ language_code: 'ru' });
    await h.join(m, c.id);
    const sent = await m.ask('/submit 2');
    expect(sent.text).toContain('Принято: 💧 Пить воду — 2 л.');
    expect((await m.ask('/me')).text).toContain('💧 Пить воду');
    expect((await m.ask('/top')).text).toContain('💧 Пить воду');
    const en = await h.registered({ language_code: 'en' });
    await h.join(en, c.id);
    expect((await en.ask('/submit 1')).text).toContain('Saved: 💧 Suv ichish — 1 litr.');
  });
});
