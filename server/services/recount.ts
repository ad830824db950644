/**
 * One rule for "a stored result changed" (an admin deleted it, a member corrected it): the
 * four leaderboard rows of its day, week, month and all time are recounted from the stored
 * results, and the streak is rebuilt from them. Runs inside the caller's transaction.
 */
import type { Db } from '../db/client';
import { writeTotals } from '../db/repositories/leaderboard';
import { findMembership, setStreak } from '../db/repositories/memberships';
import { submissionsOf, totalsInRange } from '../db/repositories/submissions';
import { findUserById } from '../db/repositories/users';
import { monthEnd, monthStart, weekEnd, weekStart } from '../domain/clubTime';
import { periodKeysOf } from '../domain/periods';
import { recomputeStreak, type StreakState } from '../domain/streak';
import type { DayKey } from '../../shared/types';

/** Recounts the member's figures touched by a change on `day`; the new streak, or null when not a member. */
export function recountAfterChange(
  db: Db,
  userId: number,
  challengeId: number,
  day: DayKey,
  target: number | null,
): StreakState | null {
  const membership = findMembership(db, userId, challengeId);
  const ranges: Record<string, [string | null, string | null]> = {
    d: [day, day],
    w: [weekStart(day), weekEnd(day)],
    m: [monthStart(day), monthEnd(day)],
    a: [null, null],
  };
  const eligible = !!membership?.isMember && !findUserById(db, userId)?.isBanned;
  for (const p of periodKeysOf(day)) {
    const [from, to] = ranges[p.kind]!;
    writeTotals(db, challengeId, userId, p, totalsInRange(db, userId, challengeId, from, to), eligible);
  }
  if (!membership) return null;
  const streak = recomputeStreak(submissionsOf(db, userId, challengeId), target);
  setStreak(db, userId, challengeId, streak);
  return streak;
}
