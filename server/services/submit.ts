/** Submitting today's result: one transaction stores it, moves the streak and the leaderboards. */
import type { ChallengeRow } from '../db/repositories/challenges';
import { ServiceError } from '../domain/errors';
import { periodKeysOf } from '../domain/periods';
import { isRunningOn } from '../domain/schedule';
import { visibleCurrent } from '../domain/streak';
import { isInsideWindow } from '../domain/timeWindow';
import { formatWindow } from '../../shared/timeWindow';
import { parseValue } from '../../shared/value';
import { progressOf } from '../../shared/progress';
import type { SubmitResultDto } from '../../shared/types';
import { correctableUntil } from '../domain/corrections';
import { dayStartMs } from '../domain/clubTime';
import { activityToRecord } from '../domain/members';
import { now, requireMember, write, type ServiceContext } from './context';
import type { ClubEvent, PeriodFiguresOf, StoredResult } from './events';
import { windowOf } from './mappers';
import { streakOnSubmit } from './milestones';

/**
 * The member, the challenge and the club's present for a result of today: registered, not
 * banned, the challenge active, running today and joined — or the coded refusal. Submitting
 * and correcting both start here, so requests arriving together reach their transactions in
 * the order they came (a correction sent right after its submission finds it).
 */
export async function joinedToday(ctx: ServiceContext, telegramId: number, challengeId: number) {
  const user = await requireMember(ctx, telegramId);
  const challenge = await ctx.readModel.challenge(challengeId);
  const when = now(ctx);
  if (!challenge || !challenge.isActive) throw new ServiceError('NOT_FOUND', 'No such active challenge');
  if (!isRunningOn(challenge, when.day)) {
    throw new ServiceError('NOT_FOUND', 'This challenge is not running today', {
      startDate: challenge.startDate,
      endDate: challenge.endDate,
    });
  }
  // From the member's held profile (its current challenges, kept exact by the write events);
  // the write reads the membership again in its transaction.
  const held = await ctx.readModel.profiles.of(user.id, when.day);
  if (held.indexOf(challengeId) < 0) throw notJoined();
  return { user, challenge, when };
}

/**
 * The event of a member's own result of today, stored or corrected: their absolute figures,
 * and the row with the streak after it, which moves their held profile in place.
 */
export function ownResultStored(
  user: { id: number; telegramId: number; displayName: string },
  challengeId: number,
  figures: PeriodFiguresOf[],
  result: StoredResult,
): ClubEvent {
  const { id, day, value, createdAt, streak } = result;
  return { type: 'result.stored', userId: user.id, telegramId: user.telegramId, challengeId, displayName: user.displayName, figures, result: { id, day, value, createdAt, streak } };
}

const notJoined = () => new ServiceError('NOT_JOINED', 'Join this challenge before submitting');

/** The value a member sent, parsed within the challenge's bounds, or the coded refusal. */
export function valueFor(challenge: ChallengeRow, rawValue: number | string): { value: number } {
  const parsed = parseValue(rawValue, { min: challenge.minValue, max: challenge.maxValue });
  if (!parsed.ok) {
    throw new ServiceError(
      'BAD_REQUEST',
      `The value must be a number from ${challenge.minValue} to ${challenge.maxValue}`,
      { reason: parsed.reason, min: challenge.minValue, max: challenge.maxValue, unit: challenge.unit },
    );
  }
  return parsed;
}

/**
 * Stores the member's result for today. Submissions arriving together share one transaction
 * (group commit, see the store); the answer comes once it has committed.
 */
export async function submit(
  ctx: ServiceContext,
  telegramId: number,
  challengeId: number,
  rawValue: number | string,
): Promise<SubmitResultDto> {
  const { user, challenge, when } = await joinedToday(ctx, telegramId, challengeId);
  const window = windowOf(challenge);
  if (!isInsideWindow(window, when.secondOfDay)) {
    const text = formatWindow(window!);
    throw new ServiceError('OUTSIDE_TIME_WINDOW', `Results for this challenge are accepted only ${text}`, {
      window: text,
      start: window!.start,
      end: window!.end,
    });
  }
  const parsed = valueFor(challenge, rawValue);

  const periods = periodKeysOf(when.day);
  // The member's first result of the day marks them active: the read model at once, the users
  // row with the next flush of ./activityMarks.ts (not a page of this commit).
  const marksActivity = activityToRecord(user.lastActiveAt, dayStartMs(when.day, ctx.timeZone));
  const answer = await write(
    ctx,
    async (tx, emit): Promise<SubmitResultDto> => {
      const stored = await tx.submissions.insertSubmissionOnce({
        userId: user.id,
        challengeId,
        day: when.day,
        value: parsed.value,
        createdAt: when.ms,
      });
      if (!stored) {
        const existing = await tx.submissions.findSubmissionOnDay(user.id, challengeId, when.day);
        throw new ServiceError('ALREADY_SUBMITTED', 'A result for today is already stored', {
          value: existing?.value ?? '',
          day: when.day,
        });
      }
      const membership = await tx.memberships.findMembership(user.id, challengeId);
      if (!membership?.isMember) throw notJoined(); // left since the check above: the insert is undone
      // The streak, with the freezes and badges it earns or spends (./milestones.ts).
      const after = await streakOnSubmit(tx, emit, { challenge, membership, day: when.day, value: parsed.value, at: when.ms });
      const figures = await tx.leaderboard.addToTotals(challengeId, user.id, periods, parsed.value, when.ms);
      if (marksActivity) emit({ type: 'member.updated', telegramId: user.telegramId, lastActiveAt: when.ms });
      emit(ownResultStored(user, challengeId, periods.map((p, i) => ({ ...p, ...figures[i]! })), { ...stored, streak: after }));
      return {
        submission: { id: stored.id, value: stored.value, day: stored.day },
        streak: { current: visibleCurrent(after, when.day), best: after.best },
        progress: progressOf(stored.value, challenge.target),
        correctableUntil: new Date(correctableUntil(stored.createdAt, ctx.correctionMinutes)).toISOString(),
      };
    },
    { grouped: true },
  );
  if (marksActivity) ctx.activity.note(user.id, when.ms);
  return answer;
}
