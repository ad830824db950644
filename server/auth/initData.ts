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
  photo_url: z.string().max(2048).optional(),
});

const secretKeys = new Map<string, Buffer>();

export function secretKey(botToken: string): Buffer {
  let key = secretKeys.get(botToken);
  if (!key) {
    key = createHmac('sha256', 'WebAppData').update(botToken).digest();
    secretKeys.set(botToken, key);
  }
  return key;
}

function checkString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([k]) => k !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

const unauthorized = (why: string) => new ServiceError('UNAUTHORIZED', why);

/**
 * A Mini App sends the same initData with every request of a session, so a signature once
 * verified is remembered: later requests only check its age. An entry answers only the very
 * string and token it was verified for. It is found by the string's last 64 characters (where
 * Telegram puts the hash): hashing the whole ~350-character string for every lookup cost about
 * a microsecond a request. Bounded: cleared when full.
 */
const verified = new Map<string, { raw: string; botToken: string; identity: TelegramIdentity; authDate: number }>();
const VERIFIED_MAX = 20_000;
const lookupKeyOf = (raw: string) => raw.slice(-64);

function checkAge(authDate: number, maxAgeSeconds: number, now: Date): void {
  const age = now.getTime() / 1000 - authDate;
  if (age > maxAgeSeconds) throw unauthorized('initData has expired; reopen the app');
  if (age < -300) throw unauthorized('initData is dated in the future');
}

export function validateInitData(raw: string, botToken: string, maxAgeSeconds: number, now: Date): TelegramIdentity {
  if (!raw || raw.length > 8192) throw unauthorized('initData is missing or too long');
  const lookupKey = lookupKeyOf(raw);
  const known = verified.get(lookupKey);
  if (known && known.raw === raw && known.botToken === botToken) {
    checkAge(known.authDate, maxAgeSeconds, now);
    return known.identity;
  }
  const result = verifyInitData(raw, botToken);
  checkAge(result.authDate, maxAgeSeconds, now);
  if (verified.size >= VERIFIED_MAX) verified.clear();
  verified.set(lookupKey, { raw, botToken, ...result });
  return result.identity;
}

/** The HMAC check and parsing, without the age check. */
function verifyInitData(raw: string, botToken: string): { identity: TelegramIdentity; authDate: number } {
  const params = new URLSearchParams(raw);
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/.test(hash) || params.getAll('hash').length !== 1) throw unauthorized('initData has no valid hash');
  const expected = createHmac('sha256', secretKey(botToken)).update(checkString(params)).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) throw unauthorized('initData signature does not match');
  const authDate = Number(params.get('auth_date'));
  if (!Number.isInteger(authDate) || authDate <= 0) throw unauthorized('initData has no auth_date');
  let user: z.infer<typeof telegramUserSchema>;
  try {
    user = telegramUserSchema.parse(JSON.parse(params.get('user') ?? 'null'));
  } catch {
    throw unauthorized('initData has no valid user');
  }
  const identity = {
    telegramId: user.id,
    firstName: user.first_name,
    lastName: user.last_name ?? null,
    username: user.username ?? null,
    languageCode: user.language_code ?? null,
    // Only an https picture is kept (the pages' CSP allows https images only).
    photoUrl: user.photo_url && /^https:\/\/[^\s"'<>]+$/.test(user.photo_url) ? user.photo_url : null,
  };
  return { identity, authDate };
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
