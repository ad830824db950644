/**
 * A member's own history in one challenge: every result of the last 30 or 90 days (or all
 * time) with its progress against the target, the personal best and how many days counted.
 */
import { findChallenge } from '../db/repositories/challenges';
import { findMembership } from '../db/repositories/memberships';
import { submissionsOf } from '../db/repositories/submissions';
import { addDays } from '../domain/clubTime';
import { ServiceError } from '../domain/errors';
import { progressOf } from '../../shared/progress';
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
  const user = requireMember(ctx, telegramId);
  const challenge = findChallenge(ctx.db, challengeId);
  // Members keep their history after leaving, so only an unknown challenge is refused.
  if (!challenge || !findMembership(ctx.db, user.id, challengeId)) throw new ServiceError('NOT_FOUND', 'No history in this challenge');
  const t = now(ctx);
  const from = range === 'all' ? null : addDays(t.day, -(DAYS[range] - 1));
  const rows = submissionsOf(ctx.db, user.id, challengeId, from ?? undefined);
  const days = rows.map((r) => ({ day: r.day, value: r.value, met: progressOf(r.value, challenge.target).met }));
  let best: HistoryDto['best'] = null;
  for (const d of days) if (!best || d.value > best.value) best = { day: d.day, value: d.value };
  return {
    challenge: toChallengeDto(challenge, true, t.secondOfDay, user.language),
    range,
    from: from ?? days[0]?.day ?? t.day,
    to: t.day,
    days,
    best,
    total: Math.round(days.reduce((sum, d) => sum + d.value, 0) * 1e6) / 1e6,
    daysSent: days.length,
    daysMet: days.filter((d) => d.met).length,
  };
}
