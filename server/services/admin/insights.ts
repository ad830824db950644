/** Analytics, written results and the audit log, for admins. */
import { listAudit } from '../../db/repositories/admins';
import { listChallenges } from '../../db/repositories/challenges';
import { latestPeriods, listResults, type ResultPeriod } from '../../db/repositories/results';
import { countSubmissions, dailyActivity, submissionsPerChallenge } from '../../db/repositories/submissions';
import { countUsers } from '../../db/repositories/users';
import { addDays, weekEnd, weekStart } from '../../domain/clubTime';
import type { AnalyticsDto, AuditEntryDto, PageDto, ResultRowDto } from '../../../shared/types';
import { now, type ServiceContext } from '../context';
import { requireAdmin, type AdminActor } from './access';

export function analytics(ctx: ServiceContext, actor: AdminActor, days: number): AnalyticsDto {
  requireAdmin(ctx, actor.telegramId);
  const today = now(ctx).day;
  const from = addDays(today, -(days - 1));
  const byDay = new Map(dailyActivity(ctx.db, from, today).map((r) => [r.day, r]));
  const dailyActive = Array.from({ length: days }, (_, i) => {
    const day = addDays(from, i);
    const r = byDay.get(day);
    return { day, members: r?.members ?? 0, submissions: r?.submissions ?? 0 };
  });
  const thisWeek = submissionsPerChallenge(ctx.db, weekStart(today), weekEnd(today));
  const challenges = listChallenges(ctx.db, { activeOnly: false });
  const popular = challenges
    .map((c) => ({ challengeId: c.id, title: c.title, emoji: c.emoji, participants: c.participants, submissionsThisWeek: thisWeek.get(c.id) ?? 0 }))
    .sort((a, b) => b.participants - a.participants || b.submissionsThisWeek - a.submissionsThisWeek);
  const winners = {
    weekly: listResults(ctx.db, 'weekly', { maxRank: 3, periods: latestPeriods(ctx.db, 'weekly'), limit: 300 }),
    monthly: listResults(ctx.db, 'monthly', { maxRank: 3, periods: latestPeriods(ctx.db, 'monthly'), limit: 300 }),
  };
  return {
    days,
    dailyActive,
    popular,
    winners,
    totals: { ...countUsers(ctx.db), activeChallenges: challenges.filter((c) => c.isActive).length, submissions: countSubmissions(ctx.db) },
  };
}

export function results(
  ctx: ServiceContext,
  actor: AdminActor,
  query: { period: ResultPeriod; challengeId?: number; limit: number },
): ResultRowDto[] {
  requireAdmin(ctx, actor.telegramId);
  return listResults(ctx.db, query.period, { challengeId: query.challengeId, limit: query.limit });
}

export function auditLog(ctx: ServiceContext, actor: AdminActor, page: number, pageSize: number): PageDto<AuditEntryDto> {
  requireAdmin(ctx, actor.telegramId);
  const { rows, total } = listAudit(ctx.db, page, pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      actorTelegramId: r.actorTelegramId,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}
