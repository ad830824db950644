/** Browsing, joining and leaving challenges. */
import { ServiceError } from '../domain/errors';
import type { ChallengeDto } from '../../shared/types';
import { now, requireMember, write, type ServiceContext } from './context';
import { toChallengeDto } from './mappers';

export async function listForMember(ctx: ServiceContext, telegramId: number): Promise<ChallengeDto[]> {
  const user = await requireMember(ctx, telegramId);
  const joined = await ctx.store.repos.challenges.joinedChallengeIds(user.id);
  const { secondOfDay } = now(ctx);
  const all = await ctx.store.repos.challenges.listChallenges({ activeOnly: true });
  return all.map((c) => toChallengeDto(c, joined.has(c.id), secondOfDay, user.language));
}

async function requireActiveChallenge(ctx: ServiceContext, challengeId: number) {
  const challenge = await ctx.readModel.challenge(challengeId);
  if (!challenge || !challenge.isActive) throw new ServiceError('NOT_FOUND', 'No such active challenge');
  return challenge;
}

/** Idempotent; rejoining restores the earlier streak and history. */
export async function join(ctx: ServiceContext, telegramId: number, challengeId: number): Promise<{ joined: true }> {
  const user = await requireMember(ctx, telegramId);
  await requireActiveChallenge(ctx, challengeId);
  await write(ctx, async (tx, emit) => {
    await tx.memberships.upsertMembership(user.id, challengeId, now(ctx).ms);
    await tx.leaderboard.recountParticipantsOf(user.id, challengeId);
    emit({ type: 'membership.changed', userId: user.id, challengeId, isMember: true });
  });
  return { joined: true };
}

/** Idempotent; keeps the history (results, streak) for a later rejoin. */
export async function leave(ctx: ServiceContext, telegramId: number, challengeId: number): Promise<{ joined: false }> {
  const user = await requireMember(ctx, telegramId);
  if (!(await ctx.readModel.challenge(challengeId))) throw new ServiceError('NOT_FOUND', 'No such challenge');
  await write(ctx, async (tx, emit) => {
    if ((await tx.memberships.findMembership(user.id, challengeId))?.isMember) {
      await tx.memberships.endMembership(user.id, challengeId, now(ctx).ms);
      await tx.leaderboard.recountParticipantsOf(user.id, challengeId);
      emit({ type: 'membership.changed', userId: user.id, challengeId, isMember: false });
    }
  });
  return { joined: false };
}
