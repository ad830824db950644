/** Today / weekly / monthly / all-time boards with the caller's own rank. */
import { activeChallengeIds, findChallenge } from '../db/repositories/challenges';
import { allTotals } from '../db/repositories/leaderboard';
import { findUserByTelegramId } from '../db/repositories/users';
import { ServiceError } from '../domain/errors';
import { periodOf } from '../domain/periods';
import type { LeaderboardType } from '../../shared/schemas';
import type { LeaderboardDto } from '../../shared/types';
import { boardOf, rankIn, topOf } from './boards';
import { today, type ServiceContext } from './context';

export interface LeaderboardQuery {
  challengeId?: number;
  type: LeaderboardType;
  limit: number;
}

function resolveChallengeId(ctx: ServiceContext, challengeId: number | undefined, activeOnly: boolean): number {
  if (challengeId !== undefined) {
    const challenge = findChallenge(ctx.db, challengeId);
    if (!challenge || (activeOnly && !challenge.isActive)) throw new ServiceError('NOT_FOUND', 'No such active challenge');
    return challengeId;
  }
  const active = activeChallengeIds(ctx.db);
  if (active.length !== 1) {
    throw new ServiceError('BAD_REQUEST', 'challengeId is required unless exactly one challenge is active');
  }
  return active[0]!;
}

/** `viewerUserId` is the member whose rank goes in `me` (null: nobody, e.g. an admin view). */
export function leaderboard(
  ctx: ServiceContext,
  query: LeaderboardQuery,
  viewerUserId: number | null,
  opts: { activeOnly: boolean } = { activeOnly: true },
): LeaderboardDto {
  const challengeId = resolveChallengeId(ctx, query.challengeId, opts.activeOnly);
  const period = periodOf(query.type, today(ctx));
  const board = boardOf(ctx, challengeId, period);
  const entries = topOf(ctx, board, query.limit);
  const mine = viewerUserId === null ? null : rankIn(board, viewerUserId);
  // How far the place above is: its total minus mine (null at the top).
  const me = mine && { ...mine, toNext: mine.rank > 1 ? Math.round((board.totals[mine.rank - 2]! - mine.total) * 1e6) / 1e6 : null };
  return { type: query.type, challengeId, period: { from: period.from, to: period.to }, ranked: board.size, entries, me };
}

/** For members: the board with their own rank. Registration is not required to look. */
export function leaderboardForMember(ctx: ServiceContext, telegramId: number, query: LeaderboardQuery): LeaderboardDto {
  const user = findUserByTelegramId(ctx.db, telegramId);
  if (user?.isBanned) throw new ServiceError('BANNED', 'Your account is banned');
  return leaderboard(ctx, query, user?.id ?? null);
}

/** The whole ranking of a period (CSV export, results). */
export function fullRanking(ctx: ServiceContext, challengeId: number, type: LeaderboardType) {
  const period = periodOf(type, today(ctx));
  return allTotals(ctx.db, challengeId, period).map((row, i) => ({ rank: i + 1, ...row }));
}
