/** Creating, editing, activating and deactivating challenges. */
import { insertAudit } from '../../db/repositories/admins';
import { findChallenge, insertChallenge, listChallenges, updateChallenge, type ChallengeInsert, type ChallengeRow } from '../../db/repositories/challenges';
import { ServiceError } from '../../domain/errors';
import { challengeCreateSchema, type ChallengeTranslationsInput, type ChallengeUpdateInput } from '../../../shared/schemas';
import type { AdminChallengeDto, LeaderboardDto } from '../../../shared/types';
import { leaderboard, type LeaderboardQuery } from '../leaderboard';
import type { z } from 'zod';
import { inTransaction, now, type ServiceContext } from '../context';
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
export function challengeLeaderboard(ctx: ServiceContext, actor: AdminActor, query: LeaderboardQuery): LeaderboardDto {
  requireAdmin(ctx, actor.telegramId);
  return leaderboard(ctx, query, null, { activeOnly: false });
}

export function listAllChallenges(ctx: ServiceContext, actor: AdminActor): AdminChallengeDto[] {
  requireAdmin(ctx, actor.telegramId);
  const { secondOfDay } = now(ctx);
  return listChallenges(ctx.db, { activeOnly: false }).map((c) => toAdminDto(c, secondOfDay));
}

export function createChallenge(ctx: ServiceContext, actor: AdminActor, input: CreateInput): AdminChallengeDto {
  requireAdmin(ctx, actor.telegramId);
  checkConsistency(input);
  return inTransaction(ctx, (db) => {
    const t = now(ctx);
    const columns = toColumns(input);
    const row = insertChallenge(db, { ...(columns as ChallengeInsert), title: columns.title ?? input.title, createdAt: t.ms, updatedAt: t.ms });
    insertAudit(db, { actorTelegramId: actor.telegramId, action: 'challenge.create', targetType: 'challenge', targetId: row.id, after: input, at: t.ms });
    return toAdminDto(row, t.secondOfDay);
  });
}

export function editChallenge(ctx: ServiceContext, actor: AdminActor, id: number, patch: ChallengeUpdateInput): AdminChallengeDto {
  requireAdmin(ctx, actor.telegramId);
  return inTransaction(ctx, (db) => {
    const t = now(ctx);
    const before = findChallenge(db, id);
    if (!before) throw new ServiceError('NOT_FOUND', 'No such challenge');
    const columns = toColumns(patch);
    checkConsistency({ ...before, ...columns } as typeof before);
    updateChallenge(db, id, { ...columns, updatedAt: t.ms });
    const after = findChallenge(db, id)!;
    const action = patch.isActive === undefined || Object.keys(patch).length > 1
      ? 'challenge.update'
      : patch.isActive ? 'challenge.activate' : 'challenge.deactivate';
    const changedBefore = Object.fromEntries(Object.keys(columns).map((k) => [k, before[k as keyof typeof before]]));
    insertAudit(db, { actorTelegramId: actor.telegramId, action, targetType: 'challenge', targetId: id, before: changedBefore, after: columns, at: t.ms });
    return toAdminDto(after, t.secondOfDay);
  });
}
