/**
 * Telegram Mini App initData validation (core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app):
 * secret = HMAC_SHA256(key "WebAppData", BOT_TOKEN); hash = hex HMAC_SHA256(secret, check string),
 * where the check string is every field except `hash` (including `signature`) as key=value,
 * sorted by key, joined by "\n".
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ServiceError } from '../domain/errors';
import type { TelegramIdentity } from '../services/context';

const telegramUserSchema = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  first_name: z.string().max(256).default(''),
  last_name: z.string().max(256).optional(),
  username: z.string().max(64).optional(),
  language_code: z.string().max(35).optional(),
});

export function secretKey(botToken: string): Buffer {
  return createHmac('sha256', 'WebAppData').update(botToken).digest();
}

function checkString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([k]) => k !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

const unauthorized = (why: string) => new ServiceError('UNAUTHORIZED', why);

export function validateInitData(raw: string, botToken: string, maxAgeSeconds: number, now: Date): TelegramIdentity {
  if (!raw || raw.length > 8192) throw unauthorized('initData is missing or too long');
  const params = new URLSearchParams(raw);
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/.test(hash) || params.getAll('hash').length !== 1) throw unauthorized('initData has no valid hash');
  const expected = createHmac('sha256', secretKey(botToken)).update(checkString(params)).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) throw unauthorized('initData signature does not match');
  const authDate = Number(params.get('auth_date'));
  if (!Number.isInteger(authDate) || authDate <= 0) throw unauthorized('initData has no auth_date');
  const age = now.getTime() / 1000 - authDate;
  if (age > maxAgeSeconds) throw unauthorized('initData has expired; reopen the app');
  if (age < -300) throw unauthorized('initData is dated in the future');
  let user: z.infer<typeof telegramUserSchema>;
  try {
    user = telegramUserSchema.parse(JSON.parse(params.get('user') ?? 'null'));
  } catch {
    throw unauthorized('initData has no valid user');
  }
  return {
    telegramId: user.id,
    firstName: user.first_name,
    lastName: user.last_name ?? null,
    username: user.username ?? null,
    languageCode: user.language_code ?? null,
  };
}

/** Signs initData the way Telegram does; used by demo mode and tests. */
export function signInitData(
  botToken: string,
  user: { id: number; first_name: string; last_name?: string; username?: string; language_code?: string },
  opts: { authDate: Date; extra?: Record<string, string> },
): string {
  const params = new URLSearchParams({
    auth_date: String(Math.floor(opts.authDate.getTime() / 1000)),
    query_id: `AAH${user.id}`,
    user: JSON.stringify(user),
    ...opts.extra,
  });
  params.set('hash', createHmac('sha256', secretKey(botToken)).update(checkString(params)).digest('hex'));
  return params.toString();
}
