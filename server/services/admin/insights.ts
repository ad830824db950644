/** Analytics, written results and the audit log, for admins. */
import type { ResultPeriod } from '../../db/repositories/results';
import { addDays, weekEnd, weekStart } from '../../domain/clubTime';
import type { AnalyticsDto, ResultRowDto } from '../../../shared/types';
import { now, type ServiceContext } from '../context';
import { requireAdmin, type AdminActor } from './access';

export async function analytics(ctx: ServiceContext, actor: AdminActor, days: number): Promise<AnalyticsDto> {
  await requireAdmin(ctx, actor.telegramId);
  const { repos } = ctx.store;
  const today = now(ctx).day;
  const from = addDays(today, -(days - 1));
  const byDay = new Map((await repos.submissions.dailyActivity(from, today)).map((r) => [r.day, r]));
  const dailyActive = Array.from({ length: days }, (_, i) => {
    const day = addDays(from, i);
    const r = byDay.get(day);
    return { day, members: r?.members ?? 0, submissions: r?.submissions ?? 0 };
  });
  const thisWeek = await repos.submissions.submissionsPerChallenge(weekStart(today), weekEnd(today));
  const challenges = await repos.challenges.listChallenges({ activeOnly: false });
  const popular = challenges
    .map((c) => ({ challengeId: c.id, title: c.title, emoji: c.emoji, participants: c.participants, submissionsThisWeek: thisWeek.get(c.id) ?? 0 }))
    .sort((a, b) => b.participants - a.participants || b.submissionsThisWeek - a.submissionsThisWeek);
  const winners = {
    weekly: await repos.results.listResults('weekly', { maxRank: 3, periods: await repos.results.latestPeriods('weekly'), limit: 300 }),
    monthly: await repos.results.listResults('monthly', { maxRank: 3, periods: await repos.results.latestPeriods('monthly'), limit: 300 }),
  };
  return {
    days,
    dailyActive,
    popular,
    winners,
    totals: { ...(await repos.users.countUsers()), activeChallenges: challenges.filter((c) => c.isActive).length, submissions: await repos.submissions.countSubmissions() },
  };
}

export async function results(
  ctx: ServiceContext,
  actor: AdminActor,
  query: { period: ResultPeriod; challengeId?: number; limit: number },
): Promise<ResultRowDto[]> {
  await requireAdmin(ctx, actor.telegramId);
  return ctx.store.repos.results.listResults(query.period, { challengeId: query.challengeId, limit: query.limit });
}
