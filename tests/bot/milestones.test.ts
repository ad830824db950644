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
  test('a first result sent to the bot: the badge is in the reply, not a message of its own', async () => {
    const c = await h.challenge({ title: 'Qadamlar', emoji: '👟', unit: 'qadam' });
    const m = await h.registered({ language_code: 'uz' });
    await h.join(m, c.id);
    const reply = await m.ask('/submit 5000');
    expect(reply.text).toContain('Qadamlar — 5\u00a0000 qadam');
    expect(reply.text).toContain('\n\n🏅 Yangi nishon: 👣 Birinchi qadam!\nBarcha nishonlaringiz ilovadagi profilingizda.');
    expect(reply.text!.indexOf('🏅')).toBeGreaterThan(reply.text!.indexOf('5\u00a0000'));
    expect(await m.silent()).toBe(true);
  });

  test('a result sent from the Mini App: the bot announces the badge in a message', async () => {
    const c = await h.challenge({ title: 'Run', emoji: '🏃', unit: 'km', maxValue: 100 });
    const m = await h.registered({ language_code: 'en' });
    await h.join(m, c.id);
    await h.services.submissions.submit(m.id, c.id, 5);
    expect((await m.next()).text).toBe('🏅 New badge: 👣 First step!\nAll your badges are on your profile in the app.');
    await h.services.submissions.submit(m.id, c.id, 5).catch(() => undefined); // already sent: nothing earned
    expect(await m.silent()).toBe(true);
  });

  test('an admin grants a freeze; the rollover uses it on a missed day (in Russian)', async () => {
    const c = await h.challenge({ title: 'Steps', emoji: '👟', unit: 'steps', translations: { ru: { title: 'Шаги' } } });
    const m = await h.registered({ language_code: 'ru' });
    await h.join(m, c.id);
    const userId = (await h.services.members.findMember(m.id))!.id;
    await m.ask('/submit 100'); // the reply carries the first-result badge
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
