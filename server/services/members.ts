/** Registration, the profile, and a member's own settings. */
import type { SubmissionRow } from '../db/repositories/submissions';
import type { UserRow } from '../db/repositories/users';
import { correctableUntil, correctionSecondsLeft } from '../domain/corrections';
import { progressOf } from '../../shared/progress';
import { addDays } from '../domain/clubTime';
import { ServiceError } from '../domain/errors';
import { defaultDisplayName, isBanned, isRegistered } from '../domain/members';
import { ALL_TIME } from '../domain/periods';
import { countsForStreak, visibleCurrent } from '../domain/streak';
import type { Language } from '../../shared/schemas';
import { languageFromTelegram } from '../../shared/i18n/errors';
import type { BadgeDto, DayKey, ProfileChallengeDto, ProfileDto, TodayDto, UserDto } from '../../shared/types';
import { now, requireMember, write, type ServiceContext, type TelegramIdentity } from './context';
import { toBadgeDto, toChallengeDto, toUserDto } from './mappers';
import { recordInvitation } from './invitations';

const HEATMAP_DAYS = 84;

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

/** The member and their current challenges with streak and today's result (the bot's lists). */
export async function currentChallenges(ctx: ServiceContext, telegramId: number): Promise<{ user: UserDto; challenges: CurrentChallengeDto[] }> {
  const user = await requireMember(ctx, telegramId);
  const when = now(ctx);
  const { repos } = ctx.store;
  const challenges: CurrentChallengeDto[] = [];
  for (const { membership, challenge } of await repos.memberships.membershipsOfUser(user.id, { currentOnly: true })) {
    const todays = await repos.submissions.findSubmissionOnDay(user.id, challenge.id, when.day);
    const streak = { current: membership.currentStreak, best: membership.bestStreak, lastCountedDay: membership.lastCountedDay };
    challenges.push({
      challenge: toChallengeDto(challenge, true, when.secondOfDay, user.language),
      streak: { current: visibleCurrent(streak, when.day, membership.freezes), best: streak.best, lastCountedDay: streak.lastCountedDay },
      today: todays ? todayOf(ctx, todays, challenge.target, when.ms) : null,
    });
  }
  return { user: toUserDto(user), challenges };
}

/**
 * What the profile reads from the store for a member on one club day, kept by the read model
 * until an event about the member (or any challenge) or the next club day. Recent days are
 * kept compactly: day keys shared between members, values in a typed array (about 1.5 KB a
 * challenge).
 */
export interface ProfileFacts {
  day: DayKey;
  challenges: {
    membership: { currentStreak: number; bestStreak: number; lastCountedDay: DayKey | null; freezes: number };
    /** The challenge row itself comes from the read model at each read (participants move). */
    challengeId: number;
    recentDays: readonly DayKey[];
    recentValues: Float64Array;
    todays: SubmissionRow | undefined;
    total: number;
    days: number;
    /** Recent days a streak freeze covered. */
    frozen: DayKey[];
  }[];
  badges: BadgeDto[];
}

/** One string per club day for every member's recent days (the profile cache shares them). */
const dayKeys = new Map<DayKey, DayKey>();
const shared = (day: DayKey): DayKey => {
  let kept = dayKeys.get(day);
  if (kept === undefined) {
    if (dayKeys.size > 4096) dayKeys.clear();
    dayKeys.set(day, day);
    kept = day;
  }
  return kept;
};

async function loadProfileFacts(ctx: ServiceContext, userId: number, day: DayKey): Promise<ProfileFacts> {
  const since = addDays(day, -(HEATMAP_DAYS - 1));
  const { repos } = ctx.store;
  const challenges: ProfileFacts['challenges'] = [];
  const frozen = await repos.streakFreezes.freezeDaysOfUser(userId, since);
  for (const { membership, challenge } of await repos.memberships.membershipsOfUser(userId, { currentOnly: true })) {
    const recent = await repos.submissions.recentSubmissionsOf(userId, challenge.id, since);
    // The heatmap's rows come from an index without createdAt: today's own row is read for it.
    const todays = recent.some((s) => s.day === day) ? await repos.submissions.findSubmissionOnDay(userId, challenge.id, day) : undefined;
    const all = (await repos.leaderboard.totalsOfUser(userId, challenge.id, ALL_TIME)) ?? { total: 0, days: 0 };
    challenges.push({
      membership: {
        currentStreak: membership.currentStreak,
        bestStreak: membership.bestStreak,
        lastCountedDay: membership.lastCountedDay,
        freezes: membership.freezes,
      },
      challengeId: challenge.id,
      recentDays: recent.map((s) => shared(s.day)),
      recentValues: Float64Array.from(recent, (s) => s.value),
      todays,
      total: all.total,
      days: all.days,
      frozen: frozen.filter((f) => f.challengeId === challenge.id).map((f) => shared(f.day)),
    });
  }
  return { day, challenges, badges: (await repos.badges.badgesOfUser(userId)).map(toBadgeDto) };
}

export async function profile(ctx: ServiceContext, telegramId: number): Promise<ProfileDto> {
  const user = await requireMember(ctx, telegramId);
  const when = now(ctx);
  const facts = await ctx.readModel.profileFacts(user.id, when.day, () => loadProfileFacts(ctx, user.id, when.day));
  const challenges = [];
  for (const f of facts.challenges) {
    const challenge = await ctx.readModel.challenge(f.challengeId);
    if (!challenge) continue; // never deleted; a read racing a change finds it on the next read
    const streak = { current: f.membership.currentStreak, best: f.membership.bestStreak, lastCountedDay: f.membership.lastCountedDay };
    const target = challenge.target;
    challenges.push({
      challenge: toChallengeDto(challenge, true, when.secondOfDay, user.language),
      streak: { current: visibleCurrent(streak, when.day, f.membership.freezes), best: streak.best, lastCountedDay: streak.lastCountedDay },
      today: f.todays ? todayOf(ctx, f.todays, target, when.ms) : null,
      total: f.total,
      days: f.days,
      recent: f.recentDays.map((day, i) => {
        const value = f.recentValues[i]!;
        return { day, value, counted: countsForStreak(value, target) };
      }),
      freezes: f.membership.freezes,
      frozen: f.frozen,
    });
  }
  const isAdmin = !!(await ctx.store.repos.admins.findAdmin(telegramId));
  return { user: toUserDto(user), today: when.day, challenges, isAdmin, badges: facts.badges };
}

/** Today's result with its progress, and until when it may be corrected. */
function todayOf(ctx: ServiceContext, s: SubmissionRow, target: number | null, nowMs: number): TodayDto {
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
