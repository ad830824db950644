/** Small factories that go through the real doors (REST as admin / member). */
import { expect } from 'bun:test';
import type { ChallengeCreateInput } from '../../shared/schemas';
import type { TestTelegramUser } from './initData';
import { ADMIN_USER, telegramUser, type TestRuntime } from './runtime';

export async function createChallenge(rt: TestRuntime, input: Partial<ChallengeCreateInput> = {}) {
  const res = await rt.request('POST', '/api/admin/challenges', {
    as: ADMIN_USER,
    body: { title: 'Steps', emoji: '👟', unit: 'steps', minValue: 0, maxValue: 100000, ...input },
  });
  expect(res.status).toBe(201);
  return res.body as { id: number; title: string };
}

export async function registeredMember(rt: TestRuntime, overrides: Partial<TestTelegramUser> = {}) {
  const user = telegramUser(overrides);
  const res = await rt.request('POST', '/api/auth/register', { as: user, body: {} });
  expect(res.status).toBe(201);
  return { tg: user, id: res.body.user.id as number };
}

export async function joinedMember(rt: TestRuntime, challengeId: number, overrides: Partial<TestTelegramUser> = {}) {
  const m = await registeredMember(rt, overrides);
  const res = await rt.request('POST', `/api/challenges/${challengeId}/join`, { as: m.tg });
  expect(res.status).toBe(200);
  return m;
}

export async function submit(rt: TestRuntime, user: TestTelegramUser, challengeId: number, value: number | string) {
  return rt.request('POST', `/api/challenges/${challengeId}/submit`, { as: user, body: { value } });
}
