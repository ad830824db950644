/**
 * Leaderboards kept sorted in memory, one per challenge and current period, loaded from
 * `leaderboard_totals` on first read. A submission moves its member within each loaded board
 * right after its transaction commits, so a new result shows at once; writes that change
 * eligibility or names (join, leave, ban, removal, deletion, rename) drop the affected boards,
 * which reload on the next read. The top N is then a slice and a member's rank a binary
 * search, instead of an index walk and a count over everyone ahead.
 *
 * This is correct while one server process writes the database (the product's shape); other
 * processes (the job command) only read totals.
 */
import type { Db } from '../db/client';
import { allTotals, type PeriodFigures, type PeriodRef } from '../db/repositories/leaderboard';
import { compareTotals } from '../domain/ranking';
import type { ServiceContext } from './context';

export interface BoardEntry {
  userId: number;
  displayName: string;
  total: number;
  days: number;
  lastAt: number;
}

interface Board {
  /** Sorted by compareTotals: rank i + 1 is entries[i]. */
  entries: BoardEntry[];
  byUser: Map<number, BoardEntry>;
}

/** Per database: board key → board. Only each (challenge, kind)'s latest period is kept. */
const cachesByDb = new WeakMap<Db, Map<string, Board>>();

const keyOf = (challengeId: number, period: PeriodRef) => `${challengeId}|${period.kind}|${period.key}`;
const familyOf = (challengeId: number, period: PeriodRef) => `${challengeId}|${period.kind}|`;

function cacheOf(ctx: ServiceContext): Map<string, Board> {
  let cache = cachesByDb.get(ctx.db);
  if (!cache) {
    cache = new Map();
    cachesByDb.set(ctx.db, cache);
  }
  return cache;
}

/** Position of `entry` (present) or where it would go, by binary search. */
function positionOf(entries: BoardEntry[], entry: BoardEntry): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTotals(entries[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function boardOf(ctx: ServiceContext, challengeId: number, period: PeriodRef): Board {
  const cache = cacheOf(ctx);
  const key = keyOf(challengeId, period);
  let board = cache.get(key);
  if (!board) {
    const family = familyOf(challengeId, period);
    for (const k of cache.keys()) if (k.startsWith(family)) cache.delete(k); // a past period
    const entries = allTotals(ctx.db, challengeId, period);
    board = { entries, byUser: new Map(entries.map((e) => [e.userId, e])) };
    cache.set(key, board);
  }
  return board;
}

export function topOf(board: Board, limit: number): BoardEntry[] {
  return board.entries.slice(0, limit);
}

export function rankIn(board: Board, userId: number): { rank: number; total: number; days: number } | null {
  const entry = board.byUser.get(userId);
  if (!entry) return null;
  return { rank: positionOf(board.entries, entry) + 1, total: entry.total, days: entry.days };
}

/**
 * After a committed submission: the member's stored figures (`figures[i]` for `periods[i]`)
 * replace their place in every loaded board it touched.
 */
export function moveInBoards(
  ctx: ServiceContext,
  challengeId: number,
  member: { userId: number; displayName: string },
  periods: PeriodRef[],
  figures: PeriodFigures[],
): void {
  const cache = cacheOf(ctx);
  periods.forEach((period, i) => {
    const board = cache.get(keyOf(challengeId, period));
    if (!board) return;
    const before = board.byUser.get(member.userId);
    if (before) board.entries.splice(positionOf(board.entries, before), 1);
    const after: BoardEntry = { userId: member.userId, displayName: member.displayName, ...figures[i]! };
    board.entries.splice(positionOf(board.entries, after), 0, after);
    board.byUser.set(member.userId, after);
  });
}

/** Drops the boards of one challenge, or all of them; they reload from the database. */
export function dropBoards(ctx: ServiceContext, challengeId?: number): void {
  const cache = cacheOf(ctx);
  if (challengeId === undefined) {
    cache.clear();
    return;
  }
  for (const k of cache.keys()) if (k.startsWith(`${challengeId}|`)) cache.delete(k);
}
