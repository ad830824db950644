/**
 * An admin grants a member a streak freeze in a challenge (a member who was ill, an outage):
 * one more held, never past the cap (domain/freezes.ts); audited; the member told by the bot.
 */
import { grantFreeze as nextHeld, MAX_FREEZES } from '../../domain/freezes';
import { ServiceError } from '../../domain/errors';
import { isRegistered } from '../../domain/members';
import { now, write, type ServiceContext } from '../context';
import { requireAdmin, type AdminActor } from './access';

export async function grantFreeze(ctx: ServiceContext, actor: AdminActor, userId: number, challengeId: number): Promise<{ freezes: number; max: number }> {
  await requireAdmin(ctx, actor.telegramId);
  return write(ctx, async (tx, emit) => {
    const user = await tx.users.findUserById(userId);
    if (!user || !isRegistered(user)) throw new ServiceError('NOT_FOUND', 'No such registered member');
    const m = await tx.memberships.findMembership(userId, challengeId);
    if (!m) throw new ServiceError('NOT_FOUND', 'This member never joined this challenge');
    const freezes = nextHeld(m.freezes);
    if (freezes === null) {
      throw new ServiceError('BAD_REQUEST', `A member holds at most ${MAX_FREEZES} streak freezes per challenge`, { reason: 'freeze-limit', max: MAX_FREEZES, freezes: m.freezes });
    }
    const when = now(ctx);
    await tx.memberships.setMilestones(userId, challengeId, { freezes });
    await tx.admins.insertAudit({
      actorTelegramId: actor.telegramId,
      action: 'freeze.grant',
      targetType: 'membership',
      targetId: `${userId}:${challengeId}`,
      before: { freezes: m.freezes },
      after: { freezes },
      at: when.ms,
    });
    emit({ type: 'freezes.changed', userId, challengeId, freezes, reason: 'granted', days: [] });
    return { freezes, max: MAX_FREEZES };
  });
}
