/**
 * What a Telegram deep link carries into the club: the bot's `/start <payload>`
 * (`https://t.me/<bot>?start=…`) or the Mini App's start parameter (`?startapp=…`, read back as
 * initData's `start_param` / `tgWebAppStartParam`). Both allow only `A-Za-z0-9_-`, at most 64
 * characters for the bot, so one short format serves both:
 *
 *   inv_<code>            an invitation: the inviter's code
 *   ch_<id>               open this challenge
 *   ch_<id>-inv_<code>    both (a shared card: the challenge, and who shared it)
 *
 * Anything else — unknown parts, a malformed code, an over-long parameter — is ignored, never
 * an error: links are typed, forwarded and cut by people and clients.
 */

/** An invite code: 10 lowercase letters and digits (made by the server, never typed). */
export const INVITE_CODE = /^[a-z0-9]{10}$/;
export const INVITE_CODE_LENGTH = 10;
export const INVITE_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Telegram's limit for a bot's /start payload (the stricter of the two). */
export const MAX_START_PARAM = 64;

export interface StartParam {
  challengeId: number | null;
  invite: string | null;
}

export function parseStartParam(raw: unknown): StartParam {
  const out: StartParam = { challengeId: null, invite: null };
  if (typeof raw !== 'string') return out;
  const value = raw.trim();
  if (value.length === 0 || value.length > MAX_START_PARAM || !/^[A-Za-z0-9_-]+$/.test(value)) return out;
  for (const part of value.split('-')) {
    const challenge = /^ch_(\d{1,9})$/.exec(part);
    if (challenge && out.challengeId === null) {
      const id = Number(challenge[1]);
      if (id > 0) out.challengeId = id;
      continue;
    }
    const invite = /^inv_(.+)$/.exec(part);
    if (invite && out.invite === null && INVITE_CODE.test(invite[1]!)) out.invite = invite[1]!;
  }
  return out;
}

export function formatStartParam(param: { challengeId?: number | null; invite?: string | null }): string {
  const parts: string[] = [];
  if (param.challengeId) parts.push(`ch_${param.challengeId}`);
  if (param.invite) parts.push(`inv_${param.invite}`);
  return parts.join('-');
}
