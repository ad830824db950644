/** What every service needs: the database, the clock and the club's time zone. */
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { findUserByTelegramId, type UserRow } from '../db/repositories/users';
import { localDateTime } from '../domain/clubTime';
import { ServiceError } from '../domain/errors';
import type { DayKey } from '../../shared/types';

export interface ServiceContext {
  db: Db;
  /** One write transaction on `db`'s connection (see ClubDatabase.transaction). */
  transaction<T>(fn: () => T): T;
  clock: Clock;
  timeZone: string;
  /** How long after sending a member may correct today's result (CORRECTION_MINUTES; 15 if unset). */
  correctionMinutes?: number;
}

/** The Telegram identity proven by initData (or by the bot's update). */
export interface TelegramIdentity {
  telegramId: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
  /** `photo_url` of the Mini App's initData (https only); undefined where the door has none (the bot). */
  photoUrl?: string | null;
}

export function now(ctx: ServiceContext): { at: Date; ms: number; day: DayKey; secondOfDay: number } {
  const at = ctx.clock.now();
  const local = localDateTime(at, ctx.timeZone);
  return { at, ms: at.getTime(), day: local.day, secondOfDay: local.secondOfDay };
}

export function today(ctx: ServiceContext): DayKey {
  return now(ctx).day;
}

/** A registered, non-banned member, or the coded refusal. */
export function requireMember(ctx: ServiceContext, telegramId: number): UserRow & { displayName: string } {
  const user = findUserByTelegramId(ctx.db, telegramId);
  if (user?.isBanned) throw new ServiceError('BANNED', 'Your account is banned');
  if (!user || user.displayName === null || user.registeredAt === null) {
    throw new ServiceError('NOT_REGISTERED', 'Complete registration first');
  }
  return user as UserRow & { displayName: string };
}

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE: the writer lock is taken up front). */
export function inTransaction<T>(ctx: ServiceContext, fn: (db: Db) => T): T {
  return ctx.transaction(() => fn(ctx.db));
}
