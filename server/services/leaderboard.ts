/** Today / weekly / monthly / all-time boards with the caller's own rank. */
import { ServiceError } from '../domain/errors';
import { isBanned } from '../domain/members';
import { periodOf } from '../domain/periods';
import type { LeaderboardType } from '../../shared/schemas';
import type { LeaderboardDto } from '../../shared/types';
import { today, type ServiceContext } from './context';

export interface LeaderboardQuery {
  challengeId?: number;
  type: LeaderboardType;
  limit: number;
}

async function resolveChallengeId(ctx: ServiceContext, challengeId: number | undefined, activeOnly: boolean): Promise<number> {
  if (challengeId !== undefined) {
    const challenge = await ctx.readModel.challenge(challengeId);
    if (!challenge || (activeOnly && !challenge.isActive)) throw new ServiceError('NOT_FOUND', 'No such active challenge');
    return challengeId;
  }
  const active = await ctx.store.repos.challenges.activeChallengeIds();
  if (active.length !== 1) {
    throw new ServiceError('BAD_REQUEST', 'challengeId is required unless exactly one challenge is active');
  }
  return active[0]!;
}

/** `viewerUserId` is the member whose rank goes in `me` (null: nobody, e.g. an admin view). */
export async function leaderboard(
  ctx: ServiceContext,
  query: LeaderboardQuery,
  viewerUserId: number | null,
  opts: { activeOnly: boolean } = { activeOnly: true },
): Promise<LeaderboardDto> {
  const challengeId = await resolveChallengeId(ctx, query.challengeId, opts.activeOnly);
  const period = periodOf(query.type, today(ctx));
  const { entries, me, ranked } = await ctx.readModel.standings(challengeId, period, query.limit, viewerUserId);
  return { type: query.type, challengeId, period: { from: period.from, to: period.to }, ranked, entries, me };
}

/** For members: the board with their own rank. Registration is not required to look. */
export async function leaderboardForMember(ctx: ServiceContext, telegramId: number, query: LeaderboardQuery): Promise<LeaderboardDto> {
  const user = await ctx.readModel.member(telegramId);
  if (user && isBanned(user)) throw new ServiceError('BANNED', 'Your account is banned');
  return leaderboard(ctx, query, user?.id ?? null);
}

/** The whole ranking of a period (CSV export, results). */
export async function fullRanking(ctx: ServiceContext, challengeId: number, type: LeaderboardType) {
  const period = periodOf(type, today(ctx));
  const rows = await ctx.store.repos.leaderboard.allTotals(challengeId, period);
  return rows.map((row, i) => ({ rank: i + 1, ...row }));
}
