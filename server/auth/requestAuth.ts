/** Who is calling: a member proven by `Authorization: tma <initData>`, or an admin. */
import type { Clock } from '../clock';
import { ServiceError } from '../domain/errors';
import type { Services, TelegramIdentity } from '../services';
import type { AdminActor } from '../services/admin/access';
import { validateInitData } from './initData';

export interface AuthDeps {
  services: Services;
  clock: Clock;
  /** BOT_TOKEN, or in demo mode the process's own demo signing token. */
  signingToken: string;
  initDataMaxAge: number;
  /** Resolves an admin session cookie to a Telegram id (admin panel login); null when absent. */
  adminSession?: (request: Request) => Promise<number | null>;
  /** Counts a member's request; throws RATE_LIMITED when over the limit. */
  limitMember?: (telegramId: number, write: boolean) => void;
}

export function initDataOf(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^tma\s+(.+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}

export function authenticateMember(deps: AuthDeps, request: Request): TelegramIdentity {
  const raw = initDataOf(request);
  if (!raw) throw new ServiceError('UNAUTHORIZED', 'Send Authorization: tma <initData>');
  const identity = validateInitData(raw, deps.signingToken, deps.initDataMaxAge, deps.clock.now());
  deps.limitMember?.(identity.telegramId, request.method !== 'GET' && request.method !== 'HEAD');
  return identity;
}

/** initData of an admin's Telegram account, or a valid admin session cookie. */
export async function authenticateAdmin(deps: AuthDeps, request: Request): Promise<AdminActor> {
  const raw = initDataOf(request);
  const telegramId = raw
    ? validateInitData(raw, deps.signingToken, deps.initDataMaxAge, deps.clock.now()).telegramId
    : ((await deps.adminSession?.(request)) ?? null);
  if (telegramId === null) throw new ServiceError('UNAUTHORIZED', 'Sign in to the admin panel');
  return deps.services.admin.access.requireAdmin(telegramId);
}
