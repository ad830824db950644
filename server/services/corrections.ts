/**
 * Correcting today's result: within CORRECTION_MINUTES of sending it, a member may replace the
 * value (a typo: 1000 for 10000). Still one result per day; the old value is kept in
 * submission_changes; the streak and the four leaderboard rows are recounted by the same rule
 * as an admin's deletion (./recount.ts), and the boards follow through the write's event.
 */
import { correctableUntil } from '../domain/corrections';
import { ServiceError } from '../domain/errors';
import { visibleCurrent } from '../domain/streak';
import { progressOf } from '../../shared/progress';
import type { SubmitResultDto } from '../../shared/types';
import { write, type ServiceContext } from './context';
import { recountAfterChange } from './recount';
import { joinedToday, ownResultStored, valueFor } from './submit';

/**
 * Replaces today's value. Grouped like submissions, so a correction sent right after its
 * submission is queued behind it and finds it.
 */
export async function correctToday(ctx: ServiceContext, telegramId: number, challengeId: number, rawValue: number | string): Promise<SubmitResultDto> {
  const { user, challenge, when } = await joinedToday(ctx, telegramId, challengeId);
  return write(
    ctx,
    async (tx, emit): Promise<SubmitResultDto> => {
      const parsed = valueFor(challenge, rawValue);
      const stored = await tx.submissions.findSubmissionOnDay(user.id, challengeId, when.day);
      if (!stored) throw new ServiceError('NOT_FOUND', 'No result for today to correct', { day: when.day });
      const until = correctableUntil(stored.createdAt, ctx.correctionMinutes);
      if (when.ms > until) {
        const minutes = ctx.correctionMinutes;
        throw new ServiceError('CORRECTION_CLOSED', `A result can be corrected only within ${minutes} minutes of sending it`, {
          value: stored.value,
          minutes,
          until: new Date(until).toISOString(),
        });
      }
      if (stored.value !== parsed.value) {
        await tx.submissionChanges.setSubmissionValue(stored.id, parsed.value);
        await tx.submissionChanges.recordChange({
          submissionId: stored.id,
          userId: user.id,
          challengeId,
          day: when.day,
          oldValue: stored.value,
          newValue: parsed.value,
          by: 'member',
          at: when.ms,
        });
      }
      const { streak, eligible, figures } = await recountAfterChange(tx, user.id, challengeId, when.day, challenge.target, { emit, at: when.ms });
      // Left or banned since the checks above: refused, and the transaction undoes the change.
      if (!eligible) throw new ServiceError('NOT_JOINED', 'Join this challenge before submitting');
      // The result is stored with a new value: the same event as a first submission, absolute figures.
      emit(ownResultStored(user, challengeId, figures, { id: stored.id, day: when.day, value: parsed.value, createdAt: stored.createdAt, streak: streak! }));
      return {
        submission: { id: stored.id, value: parsed.value, day: when.day },
        streak: { current: visibleCurrent(streak!, when.day), best: streak!.best },
        progress: progressOf(parsed.value, challenge.target),
        correctableUntil: new Date(until).toISOString(),
      };
    },
    { grouped: true },
  );
}
