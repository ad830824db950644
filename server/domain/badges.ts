/**
 * Milestone badges: which badges a new state earns. Earned once, kept forever: nothing here
 * takes a badge away, and the store keeps one row per member, badge and challenge.
 *
 * - `first-result`: the member's first result in the club (club-wide, no challenge).
 * - `streak-7`, `streak-30`, `streak-100`, `streak-365`: the streak in a challenge reached that
 *   many counted days (frozen days keep a streak alive but do not count).
 * - `personal-best`: a result strictly above every earlier result of the member in that
 *   challenge; never on the first result (there is nothing to beat yet).
 * - `weekly-podium`, `monthly-podium`: ranks 1–3 of a closed week or month of a challenge, as
 *   written by the weekly and monthly results jobs.
 *
 * The per-challenge badges a member holds are also kept as bits on the membership row
 * (`BADGE_BITS`), so the submit path knows without a query whether a badge is new.
 */
import { STREAK_MILESTONES, type BadgeCode, type StreakMilestone } from '../../shared/badges';

export { BADGE_CODES, STREAK_MILESTONES, type BadgeCode, type StreakMilestone } from '../../shared/badges';

/** Badges earned in a challenge (the rest are club-wide). */
export type ChallengeBadgeCode = Exclude<BadgeCode, 'first-result'>;

export const BADGE_BITS: Record<ChallengeBadgeCode, number> = {
  'streak-7': 1,
  'streak-30': 2,
  'streak-100': 4,
  'streak-365': 8,
  'personal-best': 16,
  'weekly-podium': 32,
  'monthly-podium': 64,
};

export const isChallengeBadge = (code: BadgeCode): code is ChallengeBadgeCode => code !== 'first-result';

export const streakBadge = (milestone: StreakMilestone): ChallengeBadgeCode => `streak-${milestone}`;

/** Streak badges for the milestones the streak passed going from `beforeCurrent` to `afterCurrent`. */
export function streakBadgesEarned(beforeCurrent: number, afterCurrent: number): ChallengeBadgeCode[] {
  return STREAK_MILESTONES.filter((m) => beforeCurrent < m && afterCurrent >= m).map(streakBadge);
}

/** A personal best: strictly above the best so far; `previousBest` null means a first result. */
export function isPersonalBest(previousBest: number | null, value: number): boolean {
  return previousBest !== null && value > previousBest;
}

/** The podium badge of a closed period's rank, or null off the podium (ranks 1–3). */
export function podiumBadge(kind: 'weekly' | 'monthly', rank: number): ChallengeBadgeCode | null {
  if (!Number.isInteger(rank) || rank < 1 || rank > 3) return null;
  return kind === 'weekly' ? 'weekly-podium' : 'monthly-podium';
}

/** The codes of `codes` not yet held according to the membership's bits. */
export function notYetHeld(bits: number, codes: readonly ChallengeBadgeCode[]): ChallengeBadgeCode[] {
  return [...new Set(codes)].filter((c) => (bits & BADGE_BITS[c]) === 0);
}

export function bitsOf(codes: readonly ChallengeBadgeCode[]): number {
  return codes.reduce((bits, c) => bits | BADGE_BITS[c], 0);
}

/** The highest streak milestone among `codes` (the mark beside a name on the boards), or null. */
export function highestStreakMilestone(codes: Iterable<string>): StreakMilestone | null {
  let best: StreakMilestone | null = null;
  for (const code of codes) {
    const m = STREAK_MILESTONES.find((x) => code === `streak-${x}`);
    if (m !== undefined && (best === null || m > best)) best = m;
  }
  return best;
}
