/** Registration, the profile, and a member's own settings. */
import type { SubmissionRow } from '../db/repositories/submissions';
import type { UserRow } from '../db/repositories/users';
import { correctableUntil, correctionSecondsLeft } from '../domain/corrections';
import { progressOf } from '../../shared/progress';
import { ServiceError } from '../domain/errors';
import { defaultDisplayName, isBanned, isRegistered } from '../domain/members';
import { countsForStreak, visibleCurrent } from '../domain/streak';
import { dayNumber } from '../domain/clubTime';
import type { Language } from '../../shared/schemas';
import { languageFromTelegram } from '../../shared/i18n/errors';
import type { ProfileChallengeDto, ProfileDto, RecentDto, TodayDto, UserDto } from '../../shared/types';
import { now, requireMember, write, type ServiceContext, type TelegramIdentity } from './context';
import { valueAt } from './heldProfiles';
import { toBadgeDto, toChallengeDto, toUserDto } from './mappers';
import { recordInvitation } from './invitations';

/** Records that the member exists (bot /start, first Mini App call) without registering them. */
export function seeMember(ctx: ServiceContext, identity: TelegramIdentity): Promise<UserRow> {
  return write(ctx, async (tx, emit) => {
    const row = await tx.users.upsertTelegramProfile(identity, { language: languageFromTelegram(identity.languageCode), now: now(ctx).ms });
    emit({ type: 'member.updated', telegramId: identity.telegramId });
    return row;
  });
}

export function findMember(ctx: ServiceContext, telegramId: number): Promise<UserRow | undefined> {
  return ctx.readModel.member(telegramId);
}

/**
 * Idempotent: the first call registers (created: true); later calls return the member and
 * only rename them when a new name is given. `invite` (the start parameter the member arrived
 * with) records who invited them — at this first registration only (services/invitations.ts).
 */
export function register(
  ctx: ServiceContext,
  identity: TelegramIdentity,
  input: { displayName?: string; invite?: string },
  options: { via?: 'bot' | 'app' } = {},
): Promise<{ user: UserDto; created: boolean }> {
  return write(ctx, async (tx, emit) => {
    const when = now(ctx);
    const row = await tx.users.upsertTelegramProfile(identity, { language: languageFromTelegram(identity.languageCode), now: when.ms });
    emit({ type: 'member.updated', telegramId: row.telegramId });
    if (isBanned(row)) throw new ServiceError('BANNED', 'Your account is banned');
    if (isRegistered(row)) {
      if (!input.displayName || input.displayName === row.displayName) return { user: toUserDto(row), created: false };
      const renamed = await tx.users.updateUser(row.id, { displayName: input.displayName });
      emit({ type: 'member.renamed', userId: row.id, telegramId: row.telegramId, displayName: input.displayName });
      return { user: toUserDto(renamed), created: false };
    }
    const registered = await tx.users.updateUser(row.id, {
      displayName: input.displayName ?? defaultDisplayName(identity),
      registeredAt: when.ms,
      lastActiveAt: when.ms,
      unreachable: false,
    });
    await recordInvitation(tx, row.id, input.invite, options.via ?? 'app', when.ms);
    return { user: toUserDto(registered), created: true };
  });
}

/** A current challenge of the member as the bot lists it: no history. */
export type CurrentChallengeDto = Pick<ProfileChallengeDto, 'challenge' | 'streak' | 'today'>;

/**
 * The member and their current challenges with streak and today's result (the bot's lists):
 * the profile's own figures, so the bot and the Mini App never tell a member different ones.
 */
export async function currentChallenges(ctx: ServiceContext, telegramId: number): Promise<{ user: UserDto; challenges: CurrentChallengeDto[] }> {
  const { user, challenges } = await profile(ctx, telegramId);
  return { user, challenges: challenges.map(({ challenge, streak, today }) => ({ challenge, streak, today })) };
}

/**
 * The member's profile, from the profiles held in memory (./heldProfiles.ts): only the member
 * row and the challenges are read, both remembered.
 */
export async function profile(ctx: ServiceContext, telegramId: number): Promise<ProfileDto> {
  const user = await requireMember(ctx, telegramId);
  const when = now(ctx);
  const held = await ctx.readModel.profiles.of(user.id, when.day);
  const since = ctx.readModel.profiles.since(when.day);
  const [shownFrom, shownTo] = [dayNumber(since), dayNumber(when.day)];
  const challenges: ProfileChallengeDto[] = [];
  for (const c of held.challenges()) {
    const challenge = await ctx.readModel.challenge(c.challengeId);
    if (!challenge) continue;
    const recent: RecentDto = { daysAgo: [], values: [], counted: [] };
    for (let i = c.first; i < c.first + c.count; i++) {
      const n = c.resultDays[i]!;
      if (n < shownFrom || n > shownTo) continue;
      const value = valueAt(c, i);
      recent.daysAgo.push(shownTo - n);
      recent.values.push(value);
      recent.counted.push(countsForStreak(value, challenge.target));
    }
    const streak = { current: c.current, best: c.best, lastCountedDay: c.lastCountedDay };
    const lastAt = recent.daysAgo.length - 1;
    const todaysValue = c.latestDay === when.day && recent.daysAgo[lastAt] === 0 ? recent.values[lastAt] : undefined;
    challenges.push({
      challenge: toChallengeDto(challenge, true, when.secondOfDay, user.language),
      streak: { current: visibleCurrent(streak, when.day, c.freezes), best: streak.best, lastCountedDay: streak.lastCountedDay },
      today: todaysValue !== undefined ? todayOf(ctx, { id: c.latestId, value: todaysValue, day: when.day, createdAt: c.latestCreatedAt }, challenge.target, when.ms) : null,
      total: c.total,
      days: c.days,
      recent,
      freezes: c.freezes,
      frozen: c.frozen.filter((day) => day >= since),
    });
  }
  return {
    user: toUserDto(user),
    today: when.day,
    challenges,
    badges: held.badges.map(toBadgeDto),
  };
}

/** Today's result with its progress, and until when it may be corrected. */
function todayOf(ctx: ServiceContext, s: Pick<SubmissionRow, 'id' | 'value' | 'day' | 'createdAt'>, target: number | null, nowMs: number): TodayDto {
  return {
    id: s.id,
    value: s.value,
    day: s.day,
    progress: progressOf(s.value, target),
    correctableUntil: new Date(correctableUntil(s.createdAt, ctx.correctionMinutes)).toISOString(),
    correctionSecondsLeft: correctionSecondsLeft(s.createdAt, ctx.correctionMinutes, nowMs),
  };
}

/** Both settings at once, all or nothing (PATCH /api/me). The language may be set before registration. */
export function updateSettings(
  ctx: ServiceContext,
  telegramId: number,
  input: { language?: Language; remindersEnabled?: boolean },
): Promise<UserDto> {
  return write(ctx, async (tx, emit) => {
    const user = await tx.users.findUserByTelegramId(telegramId);
    if (user && isBanned(user)) throw new ServiceError('BANNED', 'Your account is banned');
    const mayOnlySetLanguage = input.remindersEnabled === undefined && input.language !== undefined;
    if (!user || (!mayOnlySetLanguage && !isRegistered(user))) throw new ServiceError('NOT_REGISTERED', 'Complete registration first');
    const patch = {
      ...(input.remindersEnabled !== undefined ? { remindersEnabled: input.remindersEnabled } : {}),
      ...(input.language ? { language: input.language } : {}),
    };
    if (Object.keys(patch).length === 0) return toUserDto(user);
    emit({ type: 'member.updated', telegramId });
    return toUserDto(await tx.users.updateUser(user.id, patch));
  });
}

/** Also before registration (the bot asks for a language first); never for a banned member. */
export function setLanguage(ctx: ServiceContext, telegramId: number, language: Language): Promise<UserDto> {
  return updateSettings(ctx, telegramId, { language });
}

export function setReminders(ctx: ServiceContext, telegramId: number, enabled: boolean): Promise<UserDto> {
  return updateSettings(ctx, telegramId, { remindersEnabled: enabled });
}

/** The bot got 403 "blocked by the user": send nothing more until they write again. */
export function markUnreachable(ctx: ServiceContext, telegramId: number): Promise<void> {
  return setReachability(ctx, telegramId, true);
}

export function markReachable(ctx: ServiceContext, telegramId: number): Promise<void> {
  return setReachability(ctx, telegramId, false);
}

function setReachability(ctx: ServiceContext, telegramId: number, unreachable: boolean): Promise<void> {
  return write(ctx, async (tx, emit) => {
    if (await tx.users.setUnreachable(telegramId, unreachable)) emit({ type: 'member.updated', telegramId });
  });
}
