/**
 * The club's Telegram group. Which chat: CLUB_CHAT_ID when the operator set it (it wins, and
 * admins cannot move it), else the group an admin chose with /clubchat there (or through the
 * admin API). What goes there: the weekly and monthly winners when the results jobs write them,
 * and — when an admin turns it on — a short evening summary at the admin's time. Every post is
 * recorded in group_posts before it is sent, keyed by kind and period: never posted twice.
 */
import type { ClubChatSettingsPatch, ClubChatSettingsRow, GroupPostKind, GroupPostState } from '../db/repositories/clubChat';
import { clubDay } from '../domain/clubTime';
import { periodOf } from '../domain/periods';
import { isRunningOn, periodRange, type ResultKind } from '../domain/schedule';
import { minutesOf } from '../domain/timeWindow';
import type { Language } from '../../shared/schemas';
import type { ClubChatDto, ClubChatUpdateInput } from '../../shared/clubChat';
import type { ChallengeBlock } from '../../shared/i18n/clubChat';
import type { DayKey } from '../../shared/types';
import { now, write, type ServiceContext } from './context';
import { challengeTextsOf } from './mappers';
import { requireAdmin, type AdminActor } from './admin/access';

/** Where and in which language posts go; null when no chat is set. */
export interface ClubChatTarget {
  chatId: number;
  language: Language;
  source: 'env' | 'admin';
}

const DEFAULTS = { chatId: null, chatTitle: null, language: 'uz' as Language, summaryEnabled: false, summaryTime: '21:00', updatedBy: null };

function toDto(row: ClubChatSettingsRow | undefined, envChatId: number | null): ClubChatDto {
  const r = row ?? { ...DEFAULTS, updatedAt: null };
  const chatId = envChatId ?? r.chatId;
  return {
    chatId,
    source: envChatId !== null ? 'env' : r.chatId !== null ? 'admin' : null,
    chatTitle: envChatId !== null && envChatId !== r.chatId ? null : r.chatTitle,
    adminChatId: r.chatId,
    language: r.language,
    summaryEnabled: r.summaryEnabled,
    summaryTime: r.summaryTime,
    updatedAt: r.updatedAt === null ? null : new Date(r.updatedAt).toISOString(),
  };
}

export async function target(ctx: ServiceContext, envChatId: number | null): Promise<ClubChatTarget | null> {
  const row = await ctx.store.repos.clubChat.findClubChatSettings();
  const chatId = envChatId ?? row?.chatId ?? null;
  if (chatId === null) return null;
  return { chatId, language: row?.language ?? 'uz', source: envChatId !== null ? 'env' : 'admin' };
}

/** The settings as the admin API shows them. */
export async function clubChatSettings(ctx: ServiceContext, envChatId: number | null, actor: AdminActor): Promise<ClubChatDto> {
  await requireAdmin(ctx, actor.telegramId);
  return toDto(await ctx.store.repos.clubChat.findClubChatSettings(), envChatId);
}

/** Any subset of the settings, audited before → after ("clubchat.update"). */
export async function updateClubChat(
  ctx: ServiceContext,
  envChatId: number | null,
  actor: AdminActor,
  input: ClubChatUpdateInput,
): Promise<ClubChatDto> {
  return write(ctx, async (tx) => {
    await requireAdmin(ctx, actor.telegramId, tx);
    const before = (await tx.clubChat.findClubChatSettings()) ?? { ...DEFAULTS };
    const patch: ClubChatSettingsPatch = { updatedBy: actor.telegramId };
    if (input.chatId !== undefined) {
      patch.chatId = input.chatId;
      patch.chatTitle = input.chatId === null ? null : (input.chatTitle ?? (input.chatId === before.chatId ? before.chatTitle : null));
    }
    if (input.language !== undefined) patch.language = input.language;
    if (input.summaryEnabled !== undefined) patch.summaryEnabled = input.summaryEnabled;
    if (input.summaryTime !== undefined) patch.summaryTime = input.summaryTime;
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const key of ['chatId', 'chatTitle', 'language', 'summaryEnabled', 'summaryTime'] as const) {
      if (patch[key] !== undefined && patch[key] !== before[key]) {
        changedBefore[key] = before[key];
        changedAfter[key] = patch[key];
      }
    }
    const saved = await tx.clubChat.saveClubChatSettings(patch, now(ctx).ms);
    if (Object.keys(changedAfter).length > 0) {
      await tx.admins.insertAudit({
        actorTelegramId: actor.telegramId,
        action: 'clubchat.update',
        targetType: 'clubchat',
        targetId: 1,
        before: changedBefore,
        after: changedAfter,
        at: now(ctx).ms,
      });
    }
    return toDto(saved, envChatId);
  });
}

/**
 * An admin sent /clubchat in a group: that group becomes the club's chat (audited), unless
 * CLUB_CHAT_ID fixes another one. FORBIDDEN for anyone else.
 */
export async function chooseGroup(
  ctx: ServiceContext,
  envChatId: number | null,
  adminTelegramId: number,
  chat: { id: number; title: string },
): Promise<{ chosen: boolean; settings: ClubChatDto }> {
  const actor = await requireAdmin(ctx, adminTelegramId);
  if (envChatId !== null && envChatId !== chat.id) return { chosen: false, settings: await clubChatSettings(ctx, envChatId, actor) };
  return { chosen: true, settings: await updateClubChat(ctx, envChatId, actor, { chatId: chat.id, chatTitle: chat.title }) };
}

/** Is the evening summary due at `at` (its time passed less than `graceSeconds` ago), and for which club day? */
export async function summaryDue(ctx: ServiceContext, at: Date, graceSeconds: number): Promise<{ day: DayKey; time: string } | null> {
  const row = await ctx.store.repos.clubChat.findClubChatSettings();
  if (!row?.summaryEnabled) return null;
  const local = now({ ...ctx, clock: { now: () => at } });
  const late = local.secondOfDay - minutesOf(row.summaryTime) * 60;
  return late >= 0 && late < graceSeconds ? { day: local.day, time: row.summaryTime } : null;
}

/** Has this post been recorded (sent, failed or being sent)? */
export async function wasPosted(ctx: ServiceContext, kind: GroupPostKind, period: string): Promise<boolean> {
  return !!(await ctx.store.repos.clubChat.findGroupPost(kind, period));
}

/** Records a post about to be sent; false when it was recorded before. */
export function claimPost(ctx: ServiceContext, kind: GroupPostKind, period: string, chatId: number, at: Date): Promise<boolean> {
  return write(ctx, (tx) => tx.clubChat.claimGroupPost(kind, period, chatId, at.getTime()));
}

export function finishPost(ctx: ServiceContext, kind: GroupPostKind, period: string, state: GroupPostState, detail: string | null, at: Date): Promise<void> {
  return write(ctx, (tx) => tx.clubChat.finishGroupPost(kind, period, state, detail, at.getTime()));
}

/** The written top 3 of every challenge of a closed period, in `language`. */
export async function periodWinners(
  ctx: ServiceContext,
  kind: ResultKind,
  period: string,
  language: Language,
): Promise<{ from: DayKey; to: DayKey; challenges: ChallengeBlock[] }> {
  const rows = await ctx.store.repos.results.listResults(kind, { periods: [period], maxRank: 3, limit: 100_000 });
  const byChallenge = new Map<number, ChallengeBlock['top']>();
  for (const r of rows) {
    const list = byChallenge.get(r.challengeId) ?? [];
    list.push({ rank: r.rank, name: r.displayName, total: r.total, days: r.days });
    byChallenge.set(r.challengeId, list);
  }
  const challenges: ChallengeBlock[] = [];
  for (const id of [...byChallenge.keys()].sort((a, b) => a - b)) {
    const c = await ctx.readModel.challenge(id);
    if (!c) continue;
    const texts = challengeTextsOf(c, language);
    challenges.push({ emoji: c.emoji, title: texts.title, unit: texts.unit, top: byChallenge.get(id)!.sort((a, b) => a.rank - b.rank) });
  }
  return { ...periodRange(kind, period), challenges };
}

/** Today's top `limit` of every active challenge running on `day`, in `language`. */
export async function boardsOfDay(ctx: ServiceContext, day: DayKey, language: Language, limit: number): Promise<ChallengeBlock[]> {
  const out: ChallengeBlock[] = [];
  const period = periodOf('today', day);
  for (const c of await ctx.store.repos.challenges.listChallenges({ activeOnly: true })) {
    if (!isRunningOn(c, day)) continue;
    const { entries } = await ctx.readModel.standings(c.id, period, limit, null);
    const texts = challengeTextsOf(c, language);
    out.push({ emoji: c.emoji, title: texts.title, unit: texts.unit, top: entries.map((e) => ({ rank: e.rank, name: e.displayName, total: e.total })) });
  }
  return out;
}

/** The evening summary's figures for a club day. */
export async function eveningSummary(ctx: ServiceContext, day: DayKey, language: Language) {
  return { day, submitters: await ctx.store.repos.clubChat.submittersOn(day), challenges: await boardsOfDay(ctx, day, language, 3) };
}

/** /top in the group: today's boards, in the sender's language (the club's for strangers). */
export async function groupTop(ctx: ServiceContext, telegramId: number, limit: number): Promise<{ language: Language; challenges: ChallengeBlock[] } | null> {
  const member = await ctx.readModel.member(telegramId);
  if (member?.isBanned) return null; // not told in front of the group
  const row = await ctx.store.repos.clubChat.findClubChatSettings();
  const language = member?.language ?? row?.language ?? 'uz';
  return { language, challenges: await boardsOfDay(ctx, clubDay(ctx.clock.now(), ctx.timeZone), language, limit) };
}
