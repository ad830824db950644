/** Creating, editing, activating and deactivating challenges. */
import type { ChallengeInsert, ChallengeRow } from '../../db/repositories/challenges';
import { ServiceError } from '../../domain/errors';
import { challengeCreateSchema, type ChallengeTranslationsInput, type ChallengeUpdateInput } from '../../../shared/schemas';
import type { AdminChallengeDto, LeaderboardDto } from '../../../shared/types';
import { leaderboard, type LeaderboardQuery } from '../leaderboard';
import type { z } from 'zod';
import { now, write, type ServiceContext } from '../context';
import { challengeTranslationsOf, toChallengeDto } from '../mappers';
import { requireAdmin, type AdminActor } from './access';

type CreateInput = z.output<typeof challengeCreateSchema>;

function toColumns(input: ChallengeUpdateInput): Partial<ChallengeInsert> {
  const { timeWindow, translations, ...rest } = input;
  const columns: Partial<ChallengeInsert> = { ...rest, ...translationColumns(translations) };
  if (timeWindow !== undefined) {
    columns.windowStart = timeWindow?.start ?? null;
    columns.windowEnd = timeWindow?.end ?? null;
  }
  return columns;
}

/** Russian and English texts to their columns (empty: none, Uzbek shown); Uzbek ones to the main columns. */
function translationColumns(t: ChallengeTranslationsInput | undefined): Partial<ChallengeInsert> {
  if (!t) return {};
  const out: Partial<ChallengeInsert> = {};
  const orNull = (v: string | null) => (v ? v : null);
  if (t.ru?.title !== undefined) out.titleRu = orNull(t.ru.title);
  if (t.ru?.description !== undefined) out.descriptionRu = orNull(t.ru.description);
  if (t.ru?.unit !== undefined) out.unitRu = orNull(t.ru.unit);
  if (t.en?.title !== undefined) out.titleEn = orNull(t.en.title);
  if (t.en?.description !== undefined) out.descriptionEn = orNull(t.en.description);
  if (t.en?.unit !== undefined) out.unitEn = orNull(t.en.unit);
  if (t.uz?.title !== undefined) {
    if (!t.uz.title) throw new ServiceError('BAD_REQUEST', 'The Uzbek title is required');
    out.title = t.uz.title;
  }
  if (t.uz?.description !== undefined) out.description = t.uz.description ?? '';
  if (t.uz?.unit !== undefined) out.unit = t.uz.unit ?? '';
  return out;
}

function toAdminDto(row: ChallengeRow, secondOfDay: number): AdminChallengeDto {
  return { ...toChallengeDto(row, false, secondOfDay), translations: challengeTranslationsOf(row) };
}

function checkConsistency(c: { minValue: number; maxValue: number; target: number | null; startDate: string | null; endDate: string | null }) {
  if (c.minValue >= c.maxValue) throw new ServiceError('BAD_REQUEST', 'minValue must be below maxValue');
  if (c.target !== null && c.target > c.maxValue) throw new ServiceError('BAD_REQUEST', 'target must not exceed maxValue');
  if (c.startDate && c.endDate && c.startDate > c.endDate) throw new ServiceError('BAD_REQUEST', 'startDate must not be after endDate');
}

/** Any challenge's board, active or not, without a viewer's own rank. */
export async function challengeLeaderboard(ctx: ServiceContext, actor: AdminActor, query: LeaderboardQuery): Promise<LeaderboardDto> {
  await requireAdmin(ctx, actor.telegramId);
  return leaderboard(ctx, query, null, { activeOnly: false });
}

export async function listAllChallenges(ctx: ServiceContext, actor: AdminActor): Promise<AdminChallengeDto[]> {
  await requireAdmin(ctx, actor.telegramId);
  const { secondOfDay } = now(ctx);
  return (await ctx.store.repos.challenges.listChallenges({ activeOnly: false })).map((c) => toAdminDto(c, secondOfDay));
}

export async function createChallenge(ctx: ServiceContext, actor: AdminActor, input: CreateInput): Promise<AdminChallengeDto> {
  await requireAdmin(ctx, actor.telegramId);
  checkConsistency(input);
  return write(ctx, async (tx, emit) => {
    const when = now(ctx);
    const columns = toColumns(input);
    const row = await tx.challenges.insertChallenge({ ...(columns as ChallengeInsert), title: columns.title ?? input.title, createdAt: when.ms, updatedAt: when.ms });
    await tx.admins.insertAudit({ actorTelegramId: actor.telegramId, action: 'challenge.create', targetType: 'challenge', targetId: row.id, after: input, at: when.ms });
    emit({ type: 'challenge.changed', challengeId: row.id });
    return toAdminDto(row, when.secondOfDay);
  });
}

export async function editChallenge(ctx: ServiceContext, actor: AdminActor, id: number, patch: ChallengeUpdateInput): Promise<AdminChallengeDto> {
  await requireAdmin(ctx, actor.telegramId);
  return write(ctx, async (tx, emit) => {
    const when = now(ctx);
    const before = await tx.challenges.findChallenge(id);
    if (!before) throw new ServiceError('NOT_FOUND', 'No such challenge');
    const columns = toColumns(patch);
    checkConsistency({ ...before, ...columns } as typeof before);
    await tx.challenges.updateChallenge(id, { ...columns, updatedAt: when.ms });
    const after = (await tx.challenges.findChallenge(id))!;
    const action = patch.isActive === undefined || Object.keys(patch).length > 1
      ? 'challenge.update'
      : patch.isActive ? 'challenge.activate' : 'challenge.deactivate';
    const changedBefore = Object.fromEntries(Object.keys(columns).map((k) => [k, before[k as keyof typeof before]]));
    await tx.admins.insertAudit({ actorTelegramId: actor.telegramId, action, targetType: 'challenge', targetId: id, before: changedBefore, after: columns, at: when.ms });
    emit({ type: 'challenge.changed', challengeId: id });
    return toAdminDto(after, when.secondOfDay);
  });
}
