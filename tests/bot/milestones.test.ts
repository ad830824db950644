/**
 * Badges and streak freezes reach the member through the bot, in their language: a first
 * result earns a badge, an admin's grant and the rollover's use of a freeze are told.
 * Against telegram-test-api; the clock stands at Wednesday 2026-11-25 12:00 in Tashkent.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { OWNER } from '../helpers/factories';
import { BotHarness } from './harness';

let h: BotHarness;
beforeAll(async () => {
  h = await new BotHarness().start();
});
afterAll(async () => {
  await h.stop();
});

describe('milestones told by the bot', () => {
  test('a first result: the reply, and the badge announced once', async () => {
    const c = await h.challenge({ title: 'Qadamlar', emoji: '👟', unit: 'qadam' });
    const m = await h.registered({ language_code: 'uz' });
    await h.join(m, c.id);
    await m.command('/submit 5000');
    const texts = [(await m.next()).text, (await m.next()).text];
    expect(texts.some((t) => t?.includes('Saqlandi') || t?.includes('5\u00a0000'))).toBe(true);
    expect(texts).toContain('🏅 Yangi nishon: 👣 Birinchi qadam!\nBarcha nishonlaringiz ilovadagi profilingizda.');
    expect(await m.silent()).toBe(true);
  });

  test('an admin grants a freeze; the rollover uses it on a missed day (in Russian)', async () => {
    const c = await h.challenge({ title: 'Steps', emoji: '👟', unit: 'steps', translations: { ru: { title: 'Шаги' } } });
    const m = await h.registered({ language_code: 'ru' });
    await h.join(m, c.id);
    const userId = (await h.services.members.findMember(m.id))!.id;
    await m.command('/submit 100');
    await m.next();
    await m.next(); // the first-result badge
    await h.services.admin.members.grantFreeze(OWNER, userId, c.id);
    expect((await m.next()).text).toBe('❄️ Администратор выдал вам заморозку серии: 👟 Шаги. У вас: 1 (не больше 2).');
    // Nothing on Thursday the 26th; Friday's rollover covers it.
    const run = await h.services.rollover.rolloverStreaks(new Date('2026-11-27T00:01:00+05:00'));
    expect(run.frozen).toBe(1);
    const used = (await m.next()).text;
    expect(used).toContain('❄️ 👟 Шаги: за 26');
    expect(used).toContain('заморозка сохранила вашу серию. Осталось заморозок: 0.');
  });
});
