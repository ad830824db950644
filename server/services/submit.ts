/** Submitting today's result: one transaction stores it, moves the streak and the leaderboards. */
import { findChallenge } from '../db/repositories/challenges';
import { addToTotals, type PeriodFigures } from '../db/repositories/leaderboard';
import { findMembership, setStreak } from '../db/repositories/memberships';
import { findSubmissionOnDay, insertSubmissionOnce } from '../db/repositories/submissions';
import { touchUser } from '../db/repositories/users';
import { ServiceError } from '../domain/errors';
import { periodKeysOf } from '../domain/periods';
import { applySubmission, countsForStreak, visibleCurrent } from '../domain/streak';
import { isInsideWindow } from '../domain/timeWindow';
import { formatWindow } from '../../shared/timeWindow';
import { parseValue } from '../../shared/value';
import { progressOf } from '../../shared/progress';
import type { SubmitResultDto } from '../../shared/types';
import { moveInBoards } from './boards';
import { inTransaction, now, requireMember, type ServiceContext } from './context';
import { correctableUntil } from './corrections';
import { inGroupCommit } from './groupCommit';
import { windowOf } from './mappers';

/** What the bot, REST and tRPC call: `submit` in the next group commit, answered once committed. */
export function submitGrouped(
  ctx: ServiceContext,
  telegramId: number,
  challengeId: number,
  rawValue: number | string,
): Promise<SubmitResultDto> {
  return inGroupCommit(ctx, () => submit(ctx, telegramId, challengeId, rawValue));
}

export function submit(
  ctx: ServiceContext,
  telegramId: number,
  challengeId: number,
  rawValue: number | string,
): SubmitResultDto {
  const user = requireMember(ctx, telegramId);
  const challenge = findChallenge(ctx.db, challengeId);
  const t = now(ctx);
  if (!challenge || !challenge.isActive) throw new ServiceError('NOT_FOUND', 'No such active challenge');
  if ((challenge.startDate && t.day < challenge.startDate) || (challenge.endDate && t.day > challenge.endDate)) {
    throw new ServiceError('NOT_FOUND', 'This challenge is not running today', {
      startDate: challenge.startDate,
      endDate: challenge.endDate,
    });
  }
  if (!findMembership(ctx.db, user.id, challengeId)?.isMember) {
    throw new ServiceError('NOT_JOINED', 'Join this challenge before submitting');
  }
  const window = windowOf(challenge);
  if (!isInsideWindow(window, t.secondOfDay)) {
    const text = formatWindow(window!);
    throw new ServiceError('OUTSIDE_TIME_WINDOW', `Results for this challenge are accepted only ${text}`, {
      window: text,
      start: window!.start,
      end: window!.end,
    });
  }
  const parsed = parseValue(rawValue, { min: challenge.minValue, max: challenge.maxValue });
  if (!parsed.ok) {
    throw new ServiceError(
      'BAD_REQUEST',
      `The value must be a number from ${challenge.minValue} to ${challenge.maxValue}`,
      { reason: parsed.reason, min: challenge.minValue, max: challenge.maxValue, unit: challenge.unit },
    );
  }

  const periods = periodKeysOf(t.day);
  const result = inTransaction(ctx, (db): { figures: PeriodFigures[]; response: SubmitResultDto } => {
    const stored = insertSubmissionOnce(db, {
      userId: user.id,
      challengeId,
      day: t.day,
      value: parsed.value,
      createdAt: t.ms,
    });
    if (!stored) {
      const existing = findSubmissionOnDay(db, user.id, challengeId, t.day);
      throw new ServiceError('ALREADY_SUBMITTED', 'A result for today is already stored', {
        value: existing?.value ?? '',
        day: t.day,
      });
    }
    const membership = findMembership(db, user.id, challengeId)!;
    const before = { current: membership.currentStreak, best: membership.bestStreak, lastCountedDay: membership.lastCountedDay };
    // A streak an admin reset to 0 after a gap must restart, so apply on the visible state.
    const base = { ...before, current: visibleCurrent(before, t.day) };
    const after = applySubmission(base, t.day, countsForStreak(parsed.value, challenge.target));
    setStreak(db, user.id, challengeId, after);
    const figures = addToTotals(db, challengeId, user.id, periods, parsed.value, t.ms);
    touchUser(db, user, t.ms);
    return {
      figures,
      response: {
        submission: { id: stored.id, value: stored.value, day: stored.day },
        streak: { current: visibleCurrent(after, t.day), best: after.best },
        progress: progressOf(stored.value, challenge.target),
        correctableUntil: new Date(correctableUntil(ctx, stored.createdAt)).toISOString(),
      },
    };
  });
  // Committed (or, inside a group commit, about to be: a failed group commit drops the
  // boards): the member moves on the in-memory boards at once, with the stored figures.
  moveInBoards(ctx, challengeId, { userId: user.id, displayName: user.displayName }, periods, result.figures);
  return result.response;
}
