/** A member's own reminder time per challenge, over REST and tRPC; the admins' club chat settings. */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createCallerFactory } from '../../server/trpc/init';
import { appRouter } from '../../server/trpc/router';
import { createChallenge, joinedMember, registeredMember } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, telegramUser, type TestRuntime } from '../helpers/runtime';

let rt: TestRuntime;
beforeEach(() => {
  rt = createTestRuntime({ now: '2026-11-25T07:00:00Z' });
});
afterEach(() => rt.close());

const stored = (userId: number) => rt.sql('select challenge_id, reminder_time, enabled from reminder_preferences where user_id = ?', userId);

describe('my reminder time', () => {
  test('read, set inside the window, back to the default, off and on again', async () => {
    const reading = await createChallenge(rt, { title: 'Reading', emoji: '📚', timeWindow: { start: '21:00', end: '23:59' }, reminderTime: '21:30' });
    const steps = await createChallenge(rt, { title: 'Steps', reminderTime: '20:00' });
    const m = await joinedMember(rt, reading.id);
    await rt.request('POST', `/api/challenges/${steps.id}/join`, { as: m.tg });

    const mine = await rt.request('GET', '/api/me/reminders', { as: m.tg });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      remindersEnabled: true,
      challenges: [
        { challengeId: reading.id, emoji: '📚', title: 'Reading', timeWindow: { start: '21:00', end: '23:59' }, defaultTime: '21:30', time: null, enabled: true, effectiveTime: '21:30' },
        { challengeId: steps.id, emoji: '👟', title: 'Steps', timeWindow: null, defaultTime: '20:00', time: null, enabled: true, effectiveTime: '20:00' },
      ],
    });

    const put = (id: number, body: unknown) => rt.request('PUT', `/api/challenges/${id}/reminder`, { as: m.tg, body });
    const set = await put(reading.id, { time: '22:15' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ challengeId: reading.id, defaultTime: '21:30', time: '22:15', enabled: true, effectiveTime: '22:15' });
    // The window's ends are inside it.
    expect((await put(reading.id, { time: '23:59' })).body.effectiveTime).toBe('23:59');
    expect((await put(reading.id, { time: '21:00' })).body.effectiveTime).toBe('21:00');

    const off = await put(steps.id, { enabled: false });
    expect(off.body).toMatchObject({ time: null, enabled: false, effectiveTime: null });
    const back = await put(reading.id, { time: null });
    expect(back.body).toMatchObject({ time: null, enabled: true, effectiveTime: '21:30' });
    const on = await put(steps.id, { enabled: true, time: '06:45' });
    expect(on.body).toMatchObject({ time: '06:45', enabled: true, effectiveTime: '06:45' });

    const after = (await rt.request('GET', '/api/me/reminders', { as: m.tg })).body.challenges;
    expect(after.map((c: { effectiveTime: string }) => c.effectiveTime)).toEqual(['21:30', '06:45']);
  });

  test('bad input gets a clear coded error and changes nothing', async () => {
    const reading = await createChallenge(rt, { title: 'Reading', timeWindow: { start: '21:00', end: '23:59' } });
    const other = await createChallenge(rt, { title: 'Other' });
    const m = await joinedMember(rt, reading.id);
    const put = (id: number | string, body: unknown, as = m.tg) => rt.request('PUT', `/api/challenges/${id}/reminder`, { as, body });
    expect((await put(reading.id, { time: '21:30' })).status).toBe(200);
    const before = await stored(m.id);

    for (const time of ['25:00', '7:5', '21:60', 'soon', '', 2130]) {
      const res = await put(reading.id, { time });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect(res.body.error.message).toMatch(/^time: /);
    }
    const outside = await put(reading.id, { time: '20:59' });
    expect(outside.status).toBe(422);
    expect(outside.body.error).toMatchObject({ code: 'OUTSIDE_TIME_WINDOW', details: { window: '21:00–23:59', time: '20:59' } });
    expect(outside.body.error.message).toContain('21:00–23:59');
    expect((await put(reading.id, {})).status).toBe(400);
    expect((await put(reading.id, { time: '22:00', extra: 1 })).status).toBe(400);
    expect((await put(reading.id, { enabled: 'no' })).status).toBe(400);
    expect((await put(other.id, { time: '22:00' })).body.error.code).toBe('NOT_JOINED');
    expect((await put(9999, { time: '22:00' })).body.error.code).toBe('NOT_FOUND');
    expect((await put('x', { time: '22:00' })).status).toBe(400);
    const stranger = telegramUser();
    expect((await put(reading.id, { time: '22:00' }, stranger)).body.error.code).toBe('NOT_REGISTERED');
    expect((await rt.request('PUT', `/api/challenges/${reading.id}/reminder`, { body: { time: '22:00' } })).status).toBe(401);

    expect(await stored(m.id)).toEqual(before);
  });

  test('tRPC: the same service, the same codes', async () => {
    const reading = await createChallenge(rt, { title: 'Reading', timeWindow: { start: '21:00', end: '23:59' } });
    const m = await joinedMember(rt, reading.id);
    const request = new Request('http://localhost/trpc', { headers: { authorization: `tma ${rt.initDataFor(m.tg)}` } });
    const auth = { services: rt.services, clock: rt.clock, signingToken: rt.signingToken, initDataMaxAge: rt.config.INIT_DATA_MAX_AGE };
    const caller = createCallerFactory(appRouter)({ services: rt.services, auth, request });
    expect(await caller.reminders.set({ challengeId: reading.id, setting: { time: '23:00' } })).toMatchObject({ time: '23:00', effectiveTime: '23:00' });
    expect((await caller.reminders.mine()).challenges[0]!.time).toBe('23:00');
    const refused = await caller.reminders.set({ challengeId: reading.id, setting: { time: '08:00' } }).catch((e) => e);
    expect(refused.cause.code).toBe('OUTSIDE_TIME_WINDOW');
    const malformed = await caller.reminders.set({ challengeId: reading.id, setting: { time: '8 pm' } }).catch((e) => e);
    expect(malformed.code).toBe('BAD_REQUEST');
    expect((await caller.reminders.mine()).challenges[0]!.time).toBe('23:00');
  });
});

describe('the club chat settings (admins)', () => {
  test('read and change, audited; members are refused', async () => {
    const empty = await rt.request('GET', '/api/admin/club-chat', { as: ADMIN_USER });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ chatId: null, source: null, language: 'uz', summaryEnabled: false, summaryTime: '21:00' });

    const changed = await rt.request('PATCH', '/api/admin/club-chat', {
      as: ADMIN_USER,
      body: { chatId: -100123, chatTitle: 'Qadam Club', summaryEnabled: true, summaryTime: '22:30', language: 'ru' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ chatId: -100123, source: 'admin', chatTitle: 'Qadam Club', language: 'ru', summaryEnabled: true, summaryTime: '22:30' });
    const audit = await rt.request('GET', '/api/admin/audit?action=clubchat.update', { as: ADMIN_USER });
    expect(audit.body.total).toBe(1);

    expect((await rt.request('PATCH', '/api/admin/club-chat', { as: ADMIN_USER, body: { summaryTime: '9pm' } })).status).toBe(400);
    expect((await rt.request('PATCH', '/api/admin/club-chat', { as: ADMIN_USER, body: { chatId: 'x' } })).status).toBe(400);
    expect((await rt.request('GET', '/api/admin/club-chat', { as: ADMIN_USER })).body.summaryTime).toBe('22:30');
    const member = await registeredMember(rt);
    expect((await rt.request('GET', '/api/admin/club-chat', { as: member.tg })).status).toBe(403);
  });

  test('CLUB_CHAT_ID wins over the admins’ choice', async () => {
    await rt.close();
    rt = createTestRuntime({ env: { CLUB_CHAT_ID: '-100777' } });
    await rt.request('PATCH', '/api/admin/club-chat', { as: ADMIN_USER, body: { chatId: -100123 } });
    const s = (await rt.request('GET', '/api/admin/club-chat', { as: ADMIN_USER })).body;
    expect(s).toMatchObject({ chatId: -100777, source: 'env', adminChatId: -100123 });
  });
});
