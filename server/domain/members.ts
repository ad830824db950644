/** Who a member is to the club: registered, banned, eligible, and the names they are shown under. */
import { displayNameSchema } from '../../shared/schemas';

interface MemberFacts {
  displayName: string | null;
  registeredAt: number | null;
  isBanned: boolean;
}

/** Registered: chose (or accepted) a name. Telegram users seen by the bot start unregistered. */
export function isRegistered<T extends Pick<MemberFacts, 'displayName' | 'registeredAt'>>(
  m: T,
): m is T & { displayName: string; registeredAt: number } {
  return m.displayName !== null && m.registeredAt !== null;
}

export function isBanned(m: Pick<MemberFacts, 'isBanned'>): boolean {
  return m.isBanned;
}

/**
 * Eligible for a challenge's leaderboards and participant count: a current member of it and
 * not banned. (SQL: db/rules.ts eligibleSql.)
 */
export function isEligible(membership: { isMember: boolean } | null | undefined, member: Pick<MemberFacts, 'isBanned'> | null | undefined): boolean {
  return !!membership?.isMember && !!member && !isBanned(member);
}

/** The name a member is shown under: chosen, else Telegram's first name (SQL: users.shownName). */
export function shownName(m: { displayName: string | null; firstName: string }): string {
  return m.displayName ?? m.firstName;
}

/** The name a one-tap registration uses: the Telegram name, else the username, else `#id`. */
export function defaultDisplayName(id: { telegramId: number; firstName: string; lastName: string | null; username: string | null }): string {
  const full = [id.firstName, id.lastName].filter(Boolean).join(' ').trim();
  const parsed = displayNameSchema.safeParse(full || id.username || `#${id.telegramId}`);
  return parsed.success ? parsed.data : `#${id.telegramId}`;
}

/**
 * Whether a submission should record the member's activity: only the first of a club day does
 * (`dayStart`: that day's first instant). "Last active" is shown by the day, and writing the
 * member's row on every submission would cost a page write each time.
 */
export function activityToRecord(lastActiveAt: number | null, dayStart: number): boolean {
  return lastActiveAt === null || lastActiveAt < dayStart;
}
