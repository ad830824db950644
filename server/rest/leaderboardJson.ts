/**
 * The leaderboard body, with the top rows serialized once per state of the board: topOf hands
 * out the same frozen array until the board changes, so its JSON is remembered by identity.
 * Only the caller's own `me` differs between requests. Same shape as JSON.stringify(board).
 */
import type { LeaderboardDto, LeaderboardEntryDto } from '../../shared/types';

const entriesJson = new WeakMap<readonly LeaderboardEntryDto[], string>();

export function leaderboardJson(board: LeaderboardDto): string {
  let entries = entriesJson.get(board.entries);
  if (entries === undefined) {
    entries = JSON.stringify(board.entries);
    entriesJson.set(board.entries, entries);
  }
  const head = JSON.stringify({ type: board.type, challengeId: board.challengeId, period: board.period, ranked: board.ranked });
  return `${head.slice(0, -1)},"entries":${entries},"me":${JSON.stringify(board.me)}}`;
}
