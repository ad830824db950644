/**
 * The tests' factories, in one place: challenges and members made through the real doors —
 * REST as admin or member (API tests), or the services the adapters call (bot and job tests).
 */
import { expect } from 'bun:test';
import type { Services, TelegramIdentity } from '../../server/services';
import type { AdminActor } from '../../server/services/admin/access';
import { challengeCreateSchema, type ChallengeCreateInput } from '../../shared/schemas';
import type { ChallengeDto, UserDto } from '../../shared/types';
import type { TestTelegramUser } from './initData';
import { ADMIN_USER, telegramUser, type TestRuntime } from './runtime';

/** The owner every test runtime seeds (ADMIN_TELEGRAM_IDS=1000), as the services see an admin. */
export const OWNER: AdminActor = { telegramId: ADMIN_USER.id, role: 'owner' };

// ---- through the services ----

/** The challenge most tests need. */
export const STEPS = { title: 'Steps', emoji: '👟', unit: 'steps' } as const;

/** A challenge with a target and an evening window, closed at the tests' noon in Tashkent. */
export const EVENING_BOOK = {
  title: 'Kitob oʻqish',
  emoji: '📚',
  unit: 'bet',
  target: 20,
  maxValue: 1000,
  timeWindow: { start: '21:00', end: '23:59' },
} as const;

/** A challenge created by the owner (the schema's defaults fill what `input` leaves out). */
export function challengeVia(services: Services, input: ChallengeCreateInput): Promise<ChallengeDto> {
  return services.admin.challenges.createChallenge(OWNER, challengeCreateSchema.parse(input));
}

/** A registered member (optionally under a chosen name) who joined the given challenges. */
export async function memberVia(
  services: Services,
  identity: TelegramIdentity,
  options: { displayName?: string; join?: number[] } = {},
): Promise<UserDto> {
  const { user } = await services.members.register(identity, options.displayName ? { displayName: options.displayName } : {});
  for (const id of options.join ?? []) await services.challenges.join(identity.telegramId, id);
  return user;
}

// ---- through REST ----

export async function createChallenge(rt: TestRuntime, input: Partial<ChallengeCreateInput> = {}) {
  const res = await rt.request('POST', '/api/admin/challenges', {
    as: ADMIN_USER,
    body: { ...STEPS, minValue: 0, maxValue: 100000, ...input },
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
