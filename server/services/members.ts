/** Registration, the profile, and a member's own settings. */
import { membershipsOfUser } from '../db/repositories/memberships';
import { findAdmin } from '../db/repositories/admins';
import { totalsOfUser } from '../db/repositories/leaderboard';
import { findSubmissionOnDay, recentSubmissionsOf } from '../db/repositories/submissions';
import { progressOf } from '../../shared/progress';
import { correctableUntil } from './corrections';
import { findUserByTelegramId, setUnreachable, updateUser, upsertTelegramProfile, type UserRow } from '../db/repositories/users';
import { addDays } from '../domain/clubTime';
import { ServiceError } from '../domain/errors';
import { countsForStreak, visibleCurrent } from '../domain/streak';
import { displayNameSchema, type Language } from '../../shared/schemas';
import { languageFromTelegram } from '../../shared/i18n/errors';
import type { ProfileDto, UserDto } from '../../shared/types';
import { renameOnBoards } from './boards';
import { inTransaction, now, requireMember, type ServiceContext, type TelegramIdentity } from './context';
import { toChallengeDto, toUserDto } from './mappers';

const HEATMAP_DAYS = 84;
const ALL_TIME = { kind: 'a', key: 'all' } as const;

function defaultDisplayName(id: TelegramIdentity): string {
  const full = [id.firstName, id.lastName].filter(Boolean).join(' ').trim();
  const parsed = displayNameSchema.safeParse(full || id.username || `#${id.telegramId}`);
  return parsed.success ? parsed.data : `#${id.telegramId}`;
}

/** Records that the member exists (bot /start, first Mini App call) without registering them. */
export function seeMember(ctx: ServiceContext, identity: TelegramIdentity): UserRow {
  return upsertTelegramProfile(ctx.db, identity, {
    language: languageFromTelegram(identity.languageCode),
    now: now(ctx).ms,
  });
}

export function findMember(ctx: ServiceContext, telegramId: number): UserRow | undefined {
  return findUserByTelegramId(ctx.db, telegramId);
}

/**
 * Idempotent: the first call registers (created: true); later calls return the member and
 * only rename them when a new name is given.
 */
export function register(
  ctx: ServiceContext,
  identity: TelegramIdentity,
  input: { displayName?: string },
): { user: UserDto; created: boolean } {
  return inTransaction(ctx, (db) => {
    const t = now(ctx);
    const row = upsertTelegramProfile(db, identity, { language: languageFromTelegram(identity.languageCode), now: t.ms });
    if (row.isBanned) throw new ServiceError('BANNED', 'Your account is banned');
    if (row.displayName !== null && row.registeredAt !== null) {
      if (!input.displayName || input.displayName === row.displayName) return { user: toUserDto(row), created: false };
      const renamed = updateUser(db, row.id, { displayName: input.displayName });
      renameOnBoards(ctx, row.id, input.displayName);
      return { user: toUserDto(renamed), created: false };
    }
    const registered = updateUser(db, row.id, {
      displayName: input.displayName ?? defaultDisplayName(identity),
      registeredAt: t.ms,
      lastActiveAt: t.ms,
      unreachable: false,
    });
    return { user: toUserDto(registered), created: true };
  });
}

export function profile(ctx: ServiceContext, telegramId: number): ProfileDto {
  const user = requireMember(ctx, telegramId);
  const t = now(ctx);
  const since = addDays(t.day, -(HEATMAP_DAYS - 1));
  const challenges = membershipsOfUser(ctx.db, user.id, { currentOnly: true }).map(({ membership, challenge }) => {
    const recent = recentSubmissionsOf(ctx.db, user.id, challenge.id, since);
    const todays = recent.find((s) => s.day === t.day) ?? null;
    const all = totalsOfUser(ctx.db, user.id, challenge.id, ALL_TIME) ?? { total: 0, days: 0 };
    const streak = { current: membership.currentStreak, best: membership.bestStreak, lastCountedDay: membership.lastCountedDay };
    return {
      challenge: toChallengeDto(challenge, true, t.secondOfDay, user.language),
      streak: { current: visibleCurrent(streak, t.day), best: streak.best, lastCountedDay: streak.lastCountedDay },
      today: todays ? todayOf(ctx, user.id, challenge.id, t.day, challenge.target) : null,
      total: all.total,
      days: all.days,
      recent: recent.map((s) => ({ day: s.day, value: s.value, counted: countsForStreak(s.value, challenge.target) })),
    };
  });
  return { user: toUserDto(user), today: t.day, challenges, isAdmin: !!findAdmin(ctx.db, telegramId) };
}

/** Today's result with its progress and until when it may be corrected. */
function todayOf(ctx: ServiceContext, userId: number, challengeId: number, day: string, target: number | null) {
  const s = findSubmissionOnDay(ctx.db, userId, challengeId, day)!;
  const until = correctableUntil(ctx, s.createdAt);
  return {
    id: s.id,
    value: s.value,
    day: s.day,
    progress: progressOf(s.value, target),
    correctableUntil: new Date(until).toISOString(),
    correctionSecondsLeft: Math.max(0, Math.floor((until - now(ctx).ms) / 1000)),
  };
}

/** Also before registration (the bot asks for a language first); never for a banned member. */
export function setLanguage(ctx: ServiceContext, telegramId: number, language: Language): UserDto {
  const user = findUserByTelegramId(ctx.db, telegramId);
  if (!user) throw new ServiceError('NOT_REGISTERED', 'Complete registration first');
  if (user.isBanned) throw new ServiceError('BANNED', 'Your account is banned');
  return toUserDto(updateUser(ctx.db, user.id, { language }));
}

/** Both settings at once, all or nothing (PATCH /api/me). */
export function updateSettings(
  ctx: ServiceContext,
  telegramId: number,
  input: { language?: Language; remindersEnabled?: boolean },
): UserDto {
  return inTransaction(ctx, () => {
    let user: UserDto | null = null;
    if (input.remindersEnabled !== undefined) user = setReminders(ctx, telegramId, input.remindersEnabled);
    if (input.language) user = setLanguage(ctx, telegramId, input.language);
    return user ?? toUserDto(requireMember(ctx, telegramId));
  });
}

export function setReminders(ctx: ServiceContext, telegramId: number, enabled: boolean): UserDto {
  const user = requireMember(ctx, telegramId);
  return toUserDto(updateUser(ctx.db, user.id, { remindersEnabled: enabled }));
}

/** The bot got 403 "blocked by the user": send nothing more until they write again. */
export function markUnreachable(ctx: ServiceContext, telegramId: number): void {
  setUnreachable(ctx.db, telegramId, true);
}

export function markReachable(ctx: ServiceContext, telegramId: number): void {
  setUnreachable(ctx.db, telegramId, false);
}
