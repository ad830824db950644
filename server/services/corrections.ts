/**
 * Correcting today's result: within CORRECTION_MINUTES of sending it, a member may replace the
 * value (a typo: 1000 for 10000). Still one result per day; the old value is kept in
 * submission_changes; the streak and the four leaderboard rows are recounted by the same rule
 * as an admin's deletion (./recount.ts), and the loaded boards follow at once.
 */
import { findChallenge } from '../db/repositories/challenges';
import { findMembership } from '../db/repositories/memberships';
import { findSubmissionOnDay } from '../db/repositories/submissions';
import { recordChange, setSubmissionValue } from '../db/repositories/submissionChanges';
import { ServiceError } from '../domain/errors';
import { visibleCurrent } from '../domain/streak';
import { progressOf } from '../../shared/progress';
import { parseValue } from '../../shared/value';
import type { SubmitResultDto } from '../../shared/types';
import { refreshMemberOnBoards } from './boards';
import { inTransaction, now, requireMember, type ServiceContext } from './context';
import { inGroupCommit } from './groupCommit';
import { recountAfterChange } from './recount';

export const DEFAULT_CORRECTION_MINUTES = 15;

const windowMs = (ctx: ServiceContext) => (ctx.correctionMinutes ?? DEFAULT_CORRECTION_MINUTES) * 60_000;

/** Until when a result sent at `createdAt` may be corrected (epoch ms). */
export function correctableUntil(ctx: ServiceContext, createdAt: number): number {
  return createdAt + windowMs(ctx);
}

/**
 * Replaces today's value. Queued behind submissions that arrived first (group commit), so a
 * correction sent right after its submission finds it.
 */
export async function correctToday(
  ctx: ServiceContext,
  telegramId: number,
  challengeId: number,
  rawValue: number | string,
): Promise<SubmitResultDto> {
  return inGroupCommit(ctx, () => correct(ctx, telegramId, challengeId, rawValue));
}

function correct(ctx: ServiceContext, telegramId: number, challengeId: number, rawValue: number | string): SubmitResultDto {
  const user = requireMember(ctx, telegramId);
  const challenge = findChallenge(ctx.db, challengeId);
  const t = now(ctx);
  if (!challenge || !challenge.isActive) throw new ServiceError('NOT_FOUND', 'No such active challenge');
  if (!findMembership(ctx.db, user.id, challengeId)?.isMember) {
    throw new ServiceError('NOT_JOINED', 'Join this challenge before submitting');
  }
  const parsed = parseValue(rawValue, { min: challenge.minValue, max: challenge.maxValue });
  if (!parsed.ok) {
    throw new ServiceError(
      'BAD_REQUEST',
      `The value must be a number from ${challenge.minValue} to ${challenge.maxValue}`,
      { reason: parsed.reason, min: challenge.minValue, max: challenge.maxValue, unit: challenge.unit },
    );
  }
  const response = inTransaction(ctx, (db): SubmitResultDto => {
    const stored = findSubmissionOnDay(db, user.id, challengeId, t.day);
    if (!stored) throw new ServiceError('NOT_FOUND', 'No result for today to correct', { day: t.day });
    const until = correctableUntil(ctx, stored.createdAt);
    if (t.ms > until) {
      const minutes = Math.round(windowMs(ctx) / 60_000);
      throw new ServiceError('CORRECTION_CLOSED', `A result can be corrected only within ${minutes} minutes of sending it`, {
        value: stored.value,
        minutes,
        until: new Date(until).toISOString(),
      });
    }
    if (stored.value !== parsed.value) {
      setSubmissionValue(db, stored.id, parsed.value);
      recordChange(db, {
        submissionId: stored.id,
        userId: user.id,
        challengeId,
        day: t.day,
        oldValue: stored.value,
        newValue: parsed.value,
        by: 'member',
        at: t.ms,
      });
    }
    const streak = recountAfterChange(db, user.id, challengeId, t.day, challenge.target)!;
    return {
      submission: { id: stored.id, value: parsed.value, day: t.day },
      streak: { current: visibleCurrent(streak, t.day), best: streak.best },
      progress: progressOf(parsed.value, challenge.target),
      correctableUntil: new Date(until).toISOString(),
    };
  });
  refreshMemberOnBoards(ctx, user.id, challengeId);
  return response;
}
