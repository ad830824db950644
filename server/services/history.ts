/**
 * A member's own history in one challenge: every result of the last 30 or 90 days (or all
 * time) with whether it reached the target, the personal best and how many days counted.
 */
import { addDays } from '../domain/clubTime';
import { ServiceError } from '../domain/errors';
import { countsForStreak } from '../domain/streak';
import type { HistoryDto, HistoryRange } from '../../shared/types';
import { now, requireMember, type ServiceContext } from './context';
import { toChallengeDto } from './mappers';

const DAYS: Record<Exclude<HistoryRange, 'all'>, number> = { '30': 30, '90': 90 };

export async function historyOf(
  ctx: ServiceContext,
  telegramId: number,
  challengeId: number,
  range: HistoryRange,
): Promise<HistoryDto> {
  const user = await requireMember(ctx, telegramId);
  const { repos } = ctx.store;
  const challenge = await ctx.readModel.challenge(challengeId);
  // Members keep their history after leaving, so only a challenge never joined is refused.
  if (!challenge || !(await repos.memberships.findMembership(user.id, challengeId))) {
    throw new ServiceError('NOT_FOUND', 'No history in this challenge');
  }
  const when = now(ctx);
  const from = range === 'all' ? null : addDays(when.day, -(DAYS[range] - 1));
  const rows = await repos.submissions.submissionsOf(user.id, challengeId, from ?? undefined);
  const days = rows.map((r) => ({ day: r.day, value: r.value, met: countsForStreak(r.value, challenge.target) }));
  let best: HistoryDto['best'] = null;
  for (const d of days) if (!best || d.value > best.value) best = { day: d.day, value: d.value };
  return {
    challenge: toChallengeDto(challenge, true, when.secondOfDay, user.language),
    range,
    from: from ?? days[0]?.day ?? when.day,
    to: when.day,
    days,
    best,
    // Rounded to the 6 decimals values are stored with, so the sum never shows binary noise.
    total: Math.round(days.reduce((sum, d) => sum + d.value, 0) * 1e6) / 1e6,
    daysSent: days.length,
    daysMet: days.filter((d) => d.met).length,
  };
}
