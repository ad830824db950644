import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createCallerFactory } from '../../server/trpc/init';
import { appRouter } from '../../server/trpc/router';
import type { AppRouter } from '../../server/trpc/types';
import { createChallenge } from '../helpers/factories';
import { signInitData } from '../helpers/initData';
import { ADMIN_USER, createTestRuntime, telegramUser, type TestRuntime } from '../helpers/runtime';
import { startTestServer, type TestServer } from '../helpers/server';

describe('tRPC through createCaller', () => {
  let rt: TestRuntime;
  beforeAll(() => {
    rt = createTestRuntime();
  });
  afterAll(() => rt.close());

  const callerFor = (user: { id: number; first_name: string } | null) => {
    const headers = user ? { authorization: `tma ${rt.initDataFor(user)}` } : undefined;
    const request = new Request('http://localhost/trpc', { headers });
    const auth = { services: rt.services, clock: rt.clock, signingToken: rt.signingToken, initDataMaxAge: rt.config.INIT_DATA_MAX_AGE };
    return createCallerFactory(appRouter)({ services: rt.services, auth, request });
  };

  test('member flow: register → join → submit → leaderboard, the same services as REST', async () => {
    const c = await createChallenge(rt, { title: 'Push-ups', maxValue: 1000 });
    const tg = telegramUser();
    const caller = callerFor(tg);
    const reg = await caller.auth.register({ displayName: 'Otabek' });
    expect(reg.created).toBe(true);
    expect(await caller.challenges.join({ challengeId: c.id })).toEqual({ joined: true });
    const result = await caller.challenges.submit({ challengeId: c.id, value: '30,5' });
    expect(result).toMatchObject({ submission: { value: 30.5, day: '2026-11-25' }, streak: { current: 1, best: 1 } });
    const board = await caller.leaderboard.get({ challengeId: c.id, type: 'today', limit: 10 });
    expect(board.entries).toEqual([{ rank: 1, userId: reg.user.id, displayName: 'Otabek', total: 30.5, days: 1, photoUrl: null, streakBadge: null }]);
    const rest = await rt.request('GET', `/api/leaderboard?challengeId=${c.id}&type=today`, { as: tg });
    expect(rest.body).toEqual(board);
  });

  test('service errors keep their API.md code', async () => {
    const c = await createChallenge(rt);
    const tg = telegramUser();
    const caller = callerFor(tg);
    const failure = await caller.challenges.join({ challengeId: c.id }).catch((e) => e);
    expect(failure.code).toBe('FORBIDDEN');
    expect(failure.cause.code).toBe('NOT_REGISTERED');
    const anon = await callerFor(null).me.get().catch((e) => e);
    expect(anon.code).toBe('UNAUTHORIZED');
    const member = await callerFor(telegramUser()).admin.challenges.list().catch((e) => e);
    expect(member.code).toBe('FORBIDDEN');
    expect((await callerFor(ADMIN_USER).admin.me()).role).toBe('owner');
  });
});

describe('tRPC over HTTP with @trpc/client', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const clientFor = (initData: string) =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/trpc`, headers: () => ({ authorization: `tma ${initData}` }) })],
    });

  test('a round trip with typed results and coded errors', async () => {
    const admin = clientFor(signInitData(ADMIN_USER, { authDate: server.clock.now() }));
    const challenge = await admin.admin.challenges.create.mutate({ title: 'Book', unit: 'pages', timeWindow: { start: '21:00', end: '23:59' } });
    expect(challenge.timeWindow).toEqual({ start: '21:00', end: '23:59' });

    const tg = telegramUser();
    const member = clientFor(signInitData(tg, { authDate: server.clock.now() }));
    await member.auth.register.mutate({});
    await member.challenges.join.mutate({ challengeId: challenge.id });
    const list = await member.challenges.list.query();
    expect(list.find((c) => c.id === challenge.id)?.joined).toBe(true);

    // 12:00 in Tashkent: the 21:00–23:59 window is closed
    const error = await member.challenges.submit.mutate({ challengeId: challenge.id, value: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data;
    expect(data?.appCode).toBe('OUTSIDE_TIME_WINDOW');
    expect(data?.httpStatus).toBe(422);
    expect(data?.details).toMatchObject({ window: '21:00–23:59' });

    const bad = await member.challenges.submit.mutate({ challengeId: -1, value: 5 }).catch((e: unknown) => e);
    expect((bad as TRPCClientError<AppRouter>).data?.appCode).toBe('BAD_REQUEST');

    const forbidden = await member.admin.analytics.query({ days: 7 }).catch((e: unknown) => e);
    expect((forbidden as TRPCClientError<AppRouter>).data?.appCode).toBe('FORBIDDEN');
  });
});
