/** Browsing, joining and leaving challenges. */
import { findChallenge, joinedChallengeIds, listChallenges } from '../db/repositories/challenges';
import { endMembership, findMembership, upsertMembership } from '../db/repositories/memberships';
import { refreshEligibility } from '../db/repositories/users';
import { ServiceError } from '../domain/errors';
import type { ChallengeDto } from '../../shared/types';
import { refreshMemberOnBoards } from './boards';
import { inTransaction, now, requireMember, type ServiceContext } from './context';
import { toChallengeDto } from './mappers';

export function listForMember(ctx: ServiceContext, telegramId: number): ChallengeDto[] {
  const user = requireMember(ctx, telegramId);
  const joined = joinedChallengeIds(ctx.db, user.id);
  const { secondOfDay } = now(ctx);
  return listChallenges(ctx.db, { activeOnly: true }).map((c) => toChallengeDto(c, joined.has(c.id), secondOfDay, user.language));
}

function requireActiveChallenge(ctx: ServiceContext, challengeId: number) {
  const challenge = findChallenge(ctx.db, challengeId);
  if (!challenge || !challenge.isActive) throw new ServiceError('NOT_FOUND', 'No such active challenge');
  return challenge;
}

/** Idempotent; rejoining restores the earlier streak and history. */
export function join(ctx: ServiceContext, telegramId: number, challengeId: number): { joined: true } {
  const user = requireMember(ctx, telegramId);
  requireActiveChallenge(ctx, challengeId);
  inTransaction(ctx, (db) => {
    upsertMembership(db, user.id, challengeId, now(ctx).ms);
    refreshEligibility(db, user.id, challengeId);
  });
  refreshMemberOnBoards(ctx, user.id, challengeId);
  return { joined: true };
}

/** Idempotent; keeps the history (results, streak) for a later rejoin. */
export function leave(ctx: ServiceContext, telegramId: number, challengeId: number): { joined: false } {
  const user = requireMember(ctx, telegramId);
  if (!findChallenge(ctx.db, challengeId)) throw new ServiceError('NOT_FOUND', 'No such challenge');
  inTransaction(ctx, (db) => {
    if (findMembership(db, user.id, challengeId)?.isMember) {
      endMembership(db, user.id, challengeId, now(ctx).ms);
      refreshEligibility(db, user.id, challengeId);
    }
  });
  refreshMemberOnBoards(ctx, user.id, challengeId);
  return { joined: false };
}
