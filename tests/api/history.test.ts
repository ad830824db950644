import { afterEach, beforeEach, expect, test } from 'bun:test';
import { createChallenge, joinedMember, submit } from '../helpers/factories';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime';

let rt: TestRuntime;
beforeEach(() => {
  rt = createTestRuntime({ now: '2026-11-25T07:00:00Z' });
});
afterEach(() => rt.close());

const day = (d: string) => `${d}T07:00:00Z`;

test('my history: last 30 / 90 days or all time, with progress, personal best and counts', async () => {
  const c = await createChallenge(rt, { target: 10000 });
  const m = await joinedMember(rt, c.id);
  const other = await joinedMember(rt, c.id);
  for (const [d, v] of [['2026-06-01', 15000], ['2026-09-10', 12000], ['2026-11-20', 8000], ['2026-11-24', 11000]] as const) {
    rt.clock.set(day(d));
    expect((await submit(rt, m.tg, c.id, v)).status).toBe(201);
  }
  await submit(rt, other.tg, c.id, 99999);
  rt.clock.set(day('2026-11-25'));

  const get = (range: string) => rt.request('GET', `/api/challenges/${c.id}/history?range=${range}`, { as: m.tg });
  const month = await get('30');
  expect(month.status).toBe(200);
  expect(month.body).toMatchObject({
    range: '30',
    from: '2026-10-27',
    to: '2026-11-25',
    days: [
      { day: '2026-11-20', value: 8000, met: false },
      { day: '2026-11-24', value: 11000, met: true },
    ],
    best: { day: '2026-11-24', value: 11000 },
    total: 19000,
    daysSent: 2,
    daysMet: 1,
  });
  expect((await get('90')).body.days.map((d: { day: string }) => d.day)).toEqual(['2026-09-10', '2026-11-20', '2026-11-24']);
  const all = await get('all');
  expect(all.body.best).toEqual({ day: '2026-06-01', value: 15000 });
  expect(all.body.from).toBe('2026-06-01');
  expect(all.body.daysSent).toBe(4);

  // The tRPC door gives the same.
  const trpc = await rt.request('GET', `/trpc/me.history?input=${encodeURIComponent(JSON.stringify({ challengeId: c.id, range: 'all' }))}`, { as: m.tg });
  expect(trpc.body.result.data.best).toEqual({ day: '2026-06-01', value: 15000 });

  // Bad range, unknown challenge, never joined: refused.
  expect((await get('7')).status).toBe(400);
  expect((await rt.request('GET', '/api/challenges/9999/history', { as: m.tg })).status).toBe(404);
  const stranger = await joinedMember(rt, (await createChallenge(rt, { title: 'Other' })).id);
  expect((await rt.request('GET', `/api/challenges/${c.id}/history`, { as: stranger.tg })).status).toBe(404);
});

test('Telegram photos: photo_url from initData (https only) is shown on the boards and kept current', async () => {
  const c = await createChallenge(rt);
  const m = await joinedMember(rt, c.id, { photo_url: 'https://t.me/i/userpic/320/a.jpg' });
  const plain = await joinedMember(rt, c.id, { photo_url: 'http://insecure.example/a.jpg' });
  await submit(rt, m.tg, c.id, 10);
  await submit(rt, plain.tg, c.id, 5);
  const board = async () =>
    (await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=today`, { as: m.tg })).body.entries.map(
      (e: { userId: number; photoUrl: string | null }) => [e.userId, e.photoUrl],
    );
  expect(await board()).toEqual([
    [m.id, 'https://t.me/i/userpic/320/a.jpg'],
    [plain.id, null],
  ]);
  // A new photo arrives with the member's next visit (their initData) and shows at once.
  const next = { ...m.tg, photo_url: 'https://t.me/i/userpic/320/b.jpg' };
  expect((await rt.request('GET', '/api/me', { as: next })).status).toBe(200);
  expect((await board())[0]).toEqual([m.id, 'https://t.me/i/userpic/320/b.jpg']);
});
