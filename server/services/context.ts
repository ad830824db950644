/**
 * What every service needs: the store, the read model, the clock, the club's time zone, the
 * correction window, the channel of notices to members and the pending activity marks.
 */
import type { Clock } from '../clock';
import type { UserRow } from '../db/repositories/users';
import { localDateTime } from '../domain/clubTime';
import { ServiceError } from '../domain/errors';
import { isBanned, isRegistered } from '../domain/members';
import type { DayKey } from '../../shared/types';
import type { ActivityMarks } from './activityMarks';
import type { ClubEvent } from './events';
import type { Notices } from './notices';
import type { ReadModel } from './readModel';
import type { Store, TransactionOptions, Tx } from './store';

export interface ServiceContext {
  store: Store;
  readModel: ReadModel;
  clock: Clock;
  timeZone: string;
  /** How long after sending a member may correct today's result (CORRECTION_MINUTES). */
  correctionMinutes: number;
  notices: Notices;
  /** Members' "last active" marks waiting to be stored together (./activityMarks.ts). */
  activity: ActivityMarks;
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

/** The club's present: the instant, and the club day and second of day it falls on. */
export interface ClubNow {
  at: Date;
  ms: number;
  day: DayKey;
  secondOfDay: number;
}

export function now(ctx: ServiceContext): ClubNow {
  const at = ctx.clock.now();
  const local = localDateTime(at, ctx.timeZone);
  return { at, ms: at.getTime(), day: local.day, secondOfDay: local.secondOfDay };
}

export function today(ctx: ServiceContext): DayKey {
  return now(ctx).day;
}

export type RegisteredMember = UserRow & { displayName: string };

/** A registered, non-banned member, or the coded refusal. */
export async function requireMember(ctx: ServiceContext, telegramId: number): Promise<RegisteredMember> {
  const user = await ctx.readModel.member(telegramId);
  if (user && isBanned(user)) throw new ServiceError('BANNED', 'Your account is banned');
  if (!user || !isRegistered(user)) throw new ServiceError('NOT_REGISTERED', 'Complete registration first');
  return user;
}

/**
 * Runs `fn` in one write transaction; `emit` records what it changed. After commit, and only
 * then, the events are applied to the read model, in commit order, before this resolves — so
 * the writer's next read already sees its change. The one way services write.
 *
 * Inside `fn`, read and write through `tx` only, and never call write() again: the store runs
 * one transaction at a time, so either would wait for this one to end (use tx.savepoint).
 */
export async function write<T>(
  ctx: ServiceContext,
  fn: (tx: Tx, emit: (event: ClubEvent) => void) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  let turn: ReturnType<ReadModel['enqueue']> | null = null;
  let events: ClubEvent[] = [];
  let version: number | null = null;
  let value: T;
  try {
    value = await ctx.store.transaction(async (tx) => {
      const emitted: ClubEvent[] = [];
      const result = await fn(tx, (event) => void emitted.push(event));
      events = emitted;
      if (emitted.length > 0 && tx.publish) version = await tx.publish(emitted); // other instances, at commit
      turn = ctx.readModel.enqueue(); // still inside the transaction: turns follow commit order
      return result;
    }, options);
  } catch (error) {
    await (turn as ReturnType<ReadModel['enqueue']> | null)?.settle(null);
    throw error;
  }
  await (turn as ReturnType<ReadModel['enqueue']> | null)?.settle(events, version);
  return value;
}
