/**
 * One rule for "a stored result changed" (an admin deleted it, a member corrected it): the
 * four leaderboard rows of its day, week, month and all time are recounted from the stored
 * results, and the streak is rebuilt from them. Runs inside the caller's transaction.
 */
import { isEligible } from '../domain/members';
import { periodKeysOf, rangeOfPeriod } from '../domain/periods';
import type { StreakState } from '../domain/streak';
import type { DayKey } from '../../shared/types';
import type { PeriodFiguresOf } from './events';
import { recountStreak, type Emit } from './milestones';
import type { Tx } from './store';

export interface Recount {
  /** The rebuilt streak, or null when the member never joined. */
  streak: StreakState | null;
  /** On the boards (a current member, not banned). */
  eligible: boolean;
  /** The member's new figures of the periods `day` counts in (those left with a result). */
  figures: PeriodFiguresOf[];
}

/**
 * Recounts the member's figures touched by a change on `day`; `effects` reports what the new
 * streak earns or gives back (freezes, badges: ./milestones.ts) as of the instant `at`.
 */
export async function recountAfterChange(
  tx: Tx,
  userId: number,
  challengeId: number,
  day: DayKey,
  target: number | null,
  effects: { emit: Emit; at: number },
): Promise<Recount> {
  const membership = await tx.memberships.findMembership(userId, challengeId);
  const eligible = isEligible(membership, await tx.users.findUserById(userId));
  const figures: PeriodFiguresOf[] = [];
  for (const p of periodKeysOf(day)) {
    const { from, to } = rangeOfPeriod(p.kind, p.key);
    const totals = await tx.submissions.totalsInRange(userId, challengeId, from, to);
    await tx.leaderboard.writeTotals(challengeId, userId, p, totals);
    if (totals.days > 0 && totals.lastAt !== null) figures.push({ ...p, total: totals.total, days: totals.days, lastAt: totals.lastAt });
  }
  if (!membership) return { streak: null, eligible, figures };
  const entries = await tx.submissions.submissionsOf(userId, challengeId);
  const streak = await recountStreak(tx, effects.emit, { membership, target, entries, changedDay: day, at: effects.at });
  return { streak, eligible, figures };
}
