/**
 * Results on a member's behalf: an admin adds or corrects a member's result for today or a past
 * day of a running challenge (the member's phone died, a typo noticed too late), with a
 * required reason. Still one result per member, challenge and day; the streak and the boards
 * are recounted by the same rule as a correction or a deletion (../recount.ts); the change is
 * kept in submission_changes and the audit log, and the member is told by the bot.
 */
import { clubDay } from '../../domain/clubTime';
import { ServiceError } from '../../domain/errors';
import { isRegistered, shownName } from '../../domain/members';
import { isRunningOn } from '../../domain/schedule';
import { visibleCurrent } from '../../domain/streak';
import type { DayKey, StreakDto } from '../../../shared/types';
import { now, write, type ServiceContext } from '../context';
import { tellResultChanged } from '../notices';
import { recountAfterChange } from '../recount';
import { valueFor } from '../submit';
import { requireAdmin, type AdminActor } from './access';

export interface MemberResultDto {
  submission: { id: number; value: number; day: DayKey };
  /** The member had no result that day: it was added (else replaced). */
  added: boolean;
  streak: StreakDto;
}

export async function setMemberResult(
  ctx: ServiceContext,
  actor: AdminActor,
  input: { userId: number; challengeId: number; day: DayKey; value: number | string; reason: string },
): Promise<MemberResultDto> {
  await requireAdmin(ctx, actor.telegramId);
  const when = now(ctx);
  const { userId, challengeId, day, reason } = input;
  const challenge = await ctx.readModel.challenge(challengeId);
  if (!challenge || !challenge.isActive) throw new ServiceError('NOT_FOUND', 'No such active challenge');
  if (day > when.day) throw new ServiceError('BAD_REQUEST', 'A result can be set for today or a past day, not a future one', { today: when.day });
  // Before the challenge existed (or started) nobody could have taken part that day.
  if (day < clubDay(new Date(challenge.createdAt), ctx.timeZone) || !isRunningOn(challenge, day)) {
    throw new ServiceError('BAD_REQUEST', 'The challenge was not running on that day', { startDate: challenge.startDate, endDate: challenge.endDate });
  }
  const { value } = valueFor(challenge, input.value);

  const { notice, ...result } = await write(ctx, async (tx, emit) => {
    const user = await tx.users.findUserById(userId);
    if (!user || !isRegistered(user)) throw new ServiceError('NOT_FOUND', 'No such registered member');
    if (!(await tx.memberships.findMembership(userId, challengeId))) {
      throw new ServiceError('NOT_JOINED', 'The member has never joined this challenge');
    }
    const stored = await tx.submissions.findSubmissionOnDay(userId, challengeId, day);
    let submissionId: number;
    if (stored) {
      submissionId = stored.id;
      if (stored.value !== value) {
        await tx.submissionChanges.setSubmissionValue(stored.id, value);
        await tx.submissionChanges.recordChange({ submissionId, userId, challengeId, day, oldValue: stored.value, newValue: value, by: 'admin', at: when.ms });
      }
    } else {
      const inserted = await tx.submissions.insertSubmissionOnce({ userId, challengeId, day, value, createdAt: when.ms });
      if (!inserted) throw new ServiceError('ALREADY_SUBMITTED', 'A result for that day was stored meanwhile; reload and try again');
      submissionId = inserted.id;
    }
    const { streak, eligible, figures } = await recountAfterChange(tx, userId, challengeId, day, challenge.target, { emit, at: when.ms });
    await tx.admins.insertAudit({
      actorTelegramId: actor.telegramId,
      action: 'result.set',
      targetType: 'membership',
      targetId: `${userId}:${challengeId}`,
      before: { day, value: stored?.value ?? null },
      after: { day, value, reason },
      at: when.ms,
    });
    // On the boards only while eligible; the figures are absolute, so applying them is enough.
    if (eligible) emit({ type: 'result.stored', userId, telegramId: user.telegramId, challengeId, displayName: shownName(user), figures });
    const best = streak?.best ?? 0;
    return {
      submission: { id: submissionId, value, day },
      added: !stored,
      streak: { current: streak ? visibleCurrent(streak, when.day) : 0, best },
      notice: { kind: 'result-set' as const, userId, challengeId, day, oldValue: stored?.value ?? null, newValue: value, reason },
    };
  });
  // Committed: the member hears about it from the bot, in their language.
  await tellResultChanged(ctx, notice);
  return result;
}
