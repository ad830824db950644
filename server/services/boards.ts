/**
 * Leaderboards kept sorted in memory, one per challenge and current period, loaded from
 * `leaderboard_totals` on first read. A submission moves its member within each loaded board
 * right after its transaction commits, so a new result shows at once; writes that change a
 * member's eligibility or figures (join, leave, ban, unban, removal, a deleted result) re-read
 * that member's rows and move them the same way, and a rename replaces the name — so a board
 * is loaded once per period, not again after every join. The top N is then a slice and a
 * member's rank a scan of a typed array, instead of an index walk and a count over everyone
 * ahead.
 *
 * A board is four parallel typed arrays (24 bytes a member), so a year of a 100,000-member club
 * fits in a few tens of megabytes. Names are looked up for the rows actually shown, and kept.
 *
 * This is correct while one server process writes the database (the product's shape); other
 * processes (the job command) only read totals.
 */
import type { Db } from '../db/client';
import { rankedFigures, totalsOfUser, type PeriodFigures, type PeriodRef } from '../db/repositories/leaderboard';
import { displayNameOf, photoUrlOf } from '../db/repositories/users';
import type { LeaderboardEntryDto } from '../../shared/types';
import type { ServiceContext } from './context';

/** Members in rank order: index i holds rank i + 1. Arrays may be longer than `size`. */
interface Board {
  challengeId: number;
  period: PeriodRef;
  size: number;
  userIds: Int32Array;
  totals: Float64Array;
  days: Int32Array;
  lastAts: Float64Array;
  /** The top rows by limit, built once per state of the board: most reads ask for the same top. */
  tops: Map<number, readonly LeaderboardEntryDto[]>;
}

interface Caches {
  /** board key → board; only each (challenge, kind)'s latest period is kept */
  boards: Map<string, Board>;
  names: Map<number, string>;
  /** Telegram photos (null: none), read with the names. */
  photos: Map<number, string | null>;
}

const cachesByDb = new WeakMap<Db, Caches>();

const keyOf = (challengeId: number, period: PeriodRef) => `${challengeId}|${period.kind}|${period.key}`;

function cachesOf(ctx: ServiceContext): Caches {
  let caches = cachesByDb.get(ctx.db);
  if (!caches) {
    caches = { boards: new Map(), names: new Map(), photos: new Map() };
    cachesByDb.set(ctx.db, caches);
  }
  return caches;
}

function allocate(capacity: number, challengeId: number, period: PeriodRef): Board {
  return {
    challengeId,
    period,
    size: 0,
    userIds: new Int32Array(capacity),
    totals: new Float64Array(capacity),
    days: new Int32Array(capacity),
    lastAts: new Float64Array(capacity),
    tops: new Map(),
  };
}

/** Negative when the member at `i` ranks before `f` (the order of domain/ranking.ts). */
function compareAt(b: Board, i: number, f: PeriodFigures & { userId: number }): number {
  return f.total - b.totals[i]! || f.days - b.days[i]! || b.lastAts[i]! - f.lastAt || b.userIds[i]! - f.userId;
}

/** Where `f` is, or would go, by binary search. */
function positionOf(b: Board, f: PeriodFigures & { userId: number }): number {
  let lo = 0;
  let hi = b.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAt(b, mid, f) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function removeAt(b: Board, i: number): void {
  for (const a of [b.userIds, b.totals, b.days, b.lastAts]) a.copyWithin(i, i + 1, b.size);
  b.size--;
}

function insertAt(b: Board, i: number, f: PeriodFigures & { userId: number }): Board {
  let board = b;
  if (board.size === board.userIds.length) {
    board = allocate(Math.ceil(board.size * 1.5) + 64, b.challengeId, b.period);
    board.size = b.size;
    board.userIds.set(b.userIds);
    board.totals.set(b.totals);
    board.days.set(b.days);
    board.lastAts.set(b.lastAts);
  }
  for (const a of [board.userIds, board.totals, board.days, board.lastAts]) a.copyWithin(i + 1, i, board.size);
  board.userIds[i] = f.userId;
  board.totals[i] = f.total;
  board.days[i] = f.days;
  board.lastAts[i] = f.lastAt;
  board.size++;
  return board;
}

export function boardOf(ctx: ServiceContext, challengeId: number, period: PeriodRef): Board {
  const { boards } = cachesOf(ctx);
  const key = keyOf(challengeId, period);
  let board = boards.get(key);
  if (!board) {
    const family = `${challengeId}|${period.kind}|`;
    for (const k of boards.keys()) if (k.startsWith(family)) boards.delete(k); // a past period
    const rows = rankedFigures(ctx.db, challengeId, period);
    board = allocate(rows.length + 64, challengeId, period);
    rows.forEach((r, i) => {
      board!.userIds[i] = r.userId;
      board!.totals[i] = r.total;
      board!.days[i] = r.days;
      board!.lastAts[i] = r.lastAt;
    });
    board.size = rows.length;
    boards.set(key, board);
  }
  return board;
}

/**
 * The first `limit` rows with ranks and names. The array is shared by every read until the
 * board changes (callers must not modify it), so serializers may memoize on its identity.
 */
export function topOf(ctx: ServiceContext, board: Board, limit: number): readonly LeaderboardEntryDto[] {
  const cached = board.tops.get(limit);
  if (cached) return cached;
  const { names, photos } = cachesOf(ctx);
  const out: LeaderboardEntryDto[] = [];
  for (let i = 0; i < Math.min(limit, board.size); i++) {
    const userId = board.userIds[i]!;
    let displayName = names.get(userId);
    if (displayName === undefined) {
      displayName = displayNameOf(ctx.db, userId);
      names.set(userId, displayName);
    }
    let photoUrl = photos.get(userId);
    if (photoUrl === undefined) {
      photoUrl = photoUrlOf(ctx.db, userId);
      photos.set(userId, photoUrl);
    }
    out.push({ rank: i + 1, userId, displayName, total: board.totals[i]!, days: board.days[i]!, photoUrl });
  }
  Object.freeze(out);
  board.tops.set(limit, out);
  return out;
}

/** The member's rank and figures, or null when they are not on the board (no result, not eligible). */
export function rankIn(board: Board, userId: number): { rank: number; total: number; days: number } | null {
  // A linear scan of a typed array: ~1 µs for 25,000 members, cheaper than reading their row.
  const i = board.userIds.subarray(0, board.size).indexOf(userId);
  return i < 0 ? null : { rank: i + 1, total: board.totals[i]!, days: board.days[i]! };
}

/** Puts the member at their place for `figures`, or off the board when null. */
function place(boards: Map<string, Board>, key: string, board: Board, userId: number, figures: PeriodFigures | null): void {
  const old = board.userIds.subarray(0, board.size).indexOf(userId);
  if (old >= 0) removeAt(board, old);
  let placed = board;
  if (figures) {
    const f = { userId, ...figures };
    placed = insertAt(board, positionOf(board, f), f);
  }
  placed.tops.clear();
  boards.set(key, placed);
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
  const { boards, names } = cachesOf(ctx);
  names.set(member.userId, member.displayName);
  periods.forEach((period, p) => {
    const key = keyOf(challengeId, period);
    const board = boards.get(key);
    if (board) place(boards, key, board, member.userId, figures[p]!);
  });
}

/**
 * After a committed change to one member's eligibility or figures in one challenge (or in all,
 * for a ban): re-reads their row for every loaded board and puts them where it says.
 */
export function refreshMemberOnBoards(ctx: ServiceContext, userId: number, challengeId?: number): void {
  const { boards } = cachesOf(ctx);
  for (const [key, board] of boards) {
    if (challengeId !== undefined && board.challengeId !== challengeId) continue;
    const row = totalsOfUser(ctx.db, userId, board.challengeId, board.period);
    place(boards, key, board, userId, row?.eligible ? row : null);
  }
}

/** After a committed rename: shown under the new name from the next read on. */
export function renameOnBoards(ctx: ServiceContext, userId: number, displayName: string): void {
  const { boards, names } = cachesOf(ctx);
  names.set(userId, displayName);
  for (const board of boards.values()) board.tops.clear();
}

/** After a member's Telegram photo changed: shown from the next read on. */
export function rePhotoOnBoards(ctx: ServiceContext, userId: number, photoUrl: string | null): void {
  const { boards, photos } = cachesOf(ctx);
  photos.set(userId, photoUrl);
  for (const board of boards.values()) board.tops.clear();
}

/** Drops every board and name (a group commit that failed); they reload from the database. */
export function dropBoards(ctx: ServiceContext): void {
  const caches = cachesOf(ctx);
  caches.boards.clear();
  caches.names.clear();
  caches.photos.clear();
}
