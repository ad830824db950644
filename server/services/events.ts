/**
 * What a committed write changed, in the club's terms. A write transaction returns these;
 * after commit they are applied to the read model in one place (ReadModel.apply). They are
 * plain serializable objects carrying absolute figures, so applying one twice, or on another
 * instance later, gives the same state.
 */
import type { BadgeCode } from '../domain/badges';
import type { PeriodKind } from '../domain/periods';
import type { StreakState } from '../domain/streak';
import type { DayKey } from '../../shared/types';

export interface PeriodFiguresOf {
  kind: PeriodKind;
  key: string;
  total: number;
  days: number;
  lastAt: number;
}

/** A stored result as a held profile shows it (services/heldProfiles.ts). */
export interface StoredResult {
  id: number;
  day: DayKey;
  value: number;
  createdAt: number;
  streak: StreakState;
}

export type ClubEvent =
  /**
   * A result was stored; `figures` are the member's new totals of the periods it counts in.
   * `result` (a member's own submission or correction of today): the row and the streak after
   * it, so a held profile moves without reading the store; without it the profile is read again.
   */
  | { type: 'result.stored'; userId: number; telegramId: number; challengeId: number; displayName: string; figures: PeriodFiguresOf[]; result?: StoredResult }
  /** A result was deleted; the member's figures in that challenge were recomputed. */
  | { type: 'result.deleted'; userId: number; challengeId: number }
  /** Joined, left or was removed from a challenge (its participant count changed too). */
  | { type: 'membership.changed'; userId: number; challengeId: number; isMember: boolean }
  /** Banned or unbanned: on or off every board, participant counts changed. */
  | { type: 'ban.changed'; userId: number; telegramId: number; banned: boolean }
  /** Shown under a new name. */
  | { type: 'member.renamed'; userId: number; telegramId: number; displayName: string }
  /** The member's Telegram photo changed (boards show it beside the name). */
  | { type: 'photo.changed'; userId: number; telegramId: number; photoUrl: string | null }
  /**
   * Other fields of the member's row changed (settings, Telegram profile, reachability).
   * `lastActiveAt` alone: only that field moved (a first result of the day).
   */
  | { type: 'member.updated'; telegramId: number; lastActiveAt?: number }
  /** An admin set a member's streak by hand. */
  | { type: 'streak.set'; userId: number; challengeId: number }
  /** The nightly rollover stored 0 for every streak that lapsed before `yesterday` (domain/streak.ts hasLapsed). */
  | { type: 'streaks.lapsed'; yesterday: DayKey }
  /** A challenge was created or edited. */
  | { type: 'challenge.changed'; challengeId: number }
  /** A badge was earned (null: a club-wide one); boards mark the highest streak badge, the bot tells the member. */
  | { type: 'badge.earned'; userId: number; challengeId: number | null; code: BadgeCode; earnedAt: number }
  /**
   * The freezes a member holds in a challenge changed (`freezes`: how many now): earned, used
   * to cover `days`, granted by an admin, or given back when a covered day came to count.
   */
  | { type: 'freezes.changed'; userId: number; challengeId: number; freezes: number; reason: 'earned' | 'used' | 'granted' | 'returned'; days: DayKey[] };

export type ClubEventType = ClubEvent['type'];

/** Every event type, for tests that check each is applied. */
export const CLUB_EVENT_TYPES = [
  'result.stored',
  'result.deleted',
  'membership.changed',
  'ban.changed',
  'member.renamed',
  'member.updated',
  'photo.changed',
  'streak.set',
  'streaks.lapsed',
  'challenge.changed',
  'badge.earned',
  'freezes.changed',
] as const satisfies readonly ClubEventType[];

// Fails to compile when a type of the union is missing from the list above.
type Unlisted = Exclude<ClubEventType, (typeof CLUB_EVENT_TYPES)[number]>;
export const everyEventTypeListed: [Unlisted] extends [never] ? true : never = true;
