/**
 * Badges and streak freezes as results come and go: the one place that moves the streak of a
 * member in a challenge together with what it earns or spends (rules in domain/streak.ts,
 * domain/freezes.ts, domain/badges.ts). Everything runs inside the caller's transaction and
 * reports through its events (`badge.earned`, `freezes.changed`); after commit the read model
 * marks the boards and the bot tells the member (./milestoneNotices.ts).
 *
 * The submit path stays cheap: the membership row it reads already carries the freezes held,
 * the best value and the badge bits, so a result that earns nothing costs no extra statement;
 * a new best or a milestone adds one update of that row, and a badge row is inserted only when
 * the badge is new.
 */
import type { ChallengeRow } from '../db/repositories/challenges';
import type { MembershipRow, MilestonePatch } from '../db/repositories/memberships';
import { bitsOf, isPersonalBest, notYetHeld, podiumBadge, streakBadgesEarned, type ChallengeBadgeCode } from '../domain/badges';
import { coverMissedDays, freezesEarned, freezesGivenBack, type Covered } from '../domain/freezes';
import { isRunningOn } from '../domain/schedule';
import { applySubmission, countsForStreak, recomputeStreak, visibleCurrent, type StreakState } from '../domain/streak';
import type { DayKey } from '../../shared/types';
import type { ClubEvent } from './events';
import type { Tx } from './store';

export type Emit = (event: ClubEvent) => void;

export const streakOf = (m: Pick<MembershipRow, 'currentStreak' | 'bestStreak' | 'lastCountedDay'>): StreakState => ({
  current: m.currentStreak,
  best: m.bestStreak,
  lastCountedDay: m.lastCountedDay,
});

/** Stores the challenge badges not yet held (by the membership's bits); answers the new bits. */
async function award(tx: Tx, emit: Emit, m: MembershipRow, codes: ChallengeBadgeCode[], at: number): Promise<number> {
  const fresh = notYetHeld(m.badgeBits, codes);
  for (const code of fresh) {
    if (await tx.badges.insertBadge({ userId: m.userId, code, challengeId: m.challengeId, earnedAt: at })) {
      emit({ type: 'badge.earned', userId: m.userId, challengeId: m.challengeId, code, earnedAt: at });
    }
  }
  return m.badgeBits | bitsOf(fresh);
}

/**
 * What a new streak earns, then the membership written in one statement with `patch`: the
 * badges of `codes` not yet held, the club's first-result badge when `firstResult`, and the
 * freezes a streak grown from `from` to `streak` earns while `held` are held (domain/freezes.ts).
 */
async function earnAndStore(
  tx: Tx,
  emit: Emit,
  m: MembershipRow,
  patch: MilestonePatch,
  e: { codes: ChallengeBadgeCode[]; firstResult: boolean; from: number; streak: StreakState; held: number; at: number },
): Promise<void> {
  if (e.codes.length > 0) {
    const bits = await award(tx, emit, m, e.codes, e.at);
    if (bits !== m.badgeBits) patch.badgeBits = bits;
  }
  if (e.firstResult) await awardFirstResult(tx, emit, m.userId, e.at);
  const earned = freezesEarned(e.from, e.streak, e.held, m.freezeEarnedOn);
  if (earned.earnedOn !== m.freezeEarnedOn) patch.freezeEarnedOn = earned.earnedOn;
  if (earned.earned > 0) {
    patch.freezes = earned.held;
    emit({ type: 'freezes.changed', userId: m.userId, challengeId: m.challengeId, freezes: earned.held, reason: 'earned', days: [] });
  }
  await tx.memberships.setMilestones(m.userId, m.challengeId, patch);
}

/** The member's first result in the club (asked only on a first result in a challenge). */
async function awardFirstResult(tx: Tx, emit: Emit, userId: number, at: number): Promise<void> {
  if (await tx.badges.insertBadge({ userId, code: 'first-result', challengeId: 0, earnedAt: at })) {
    emit({ type: 'badge.earned', userId, challengeId: null, code: 'first-result', earnedAt: at });
  }
}

/** Missed days a freeze may cover: the challenge was running (and active) on each of them. */
function coverable(challenge: ChallengeRow, covered: Covered | null): covered is Covered {
  return !!covered && challenge.isActive && covered.days.every((d) => isRunningOn(challenge, d));
}

async function useFreezes(tx: Tx, emit: Emit, m: MembershipRow, covered: Covered, at: number): Promise<void> {
  await tx.streakFreezes.insertFreezeDays(m.userId, m.challengeId, covered.days, at);
  emit({ type: 'freezes.changed', userId: m.userId, challengeId: m.challengeId, freezes: covered.held, reason: 'used', days: covered.days });
}

/**
 * A new result of today (the submit transaction): covers missed days with held freezes when the
 * nightly rollover has not yet, moves the streak, and earns freezes and badges. Answers the
 * streak stored.
 */
export async function streakOnSubmit(
  tx: Tx,
  emit: Emit,
  input: { challenge: ChallengeRow; membership: MembershipRow; day: DayKey; value: number; at: number },
): Promise<StreakState> {
  const { challenge, membership: m, day, value, at } = input;
  const patch: MilestonePatch = {};
  let start = streakOf(m);
  let held = m.freezes;
  const covered = coverMissedDays(start, held, day);
  if (coverable(challenge, covered)) {
    await useFreezes(tx, emit, m, covered, at);
    ({ state: start, held } = covered);
    patch.freezes = held;
  }
  // A streak an admin reset to 0 after a gap must restart, so apply on the visible state.
  const base = { ...start, current: visibleCurrent(start, day) };
  const after = applySubmission(base, day, countsForStreak(value, challenge.target));
  patch.streak = after; // written with what it earns, one statement for the membership

  const codes = streakBadgesEarned(base.current, after.current);
  if (isPersonalBest(m.bestValue, value)) codes.push('personal-best');
  if (m.bestValue === null || value > m.bestValue) patch.bestValue = value;
  await earnAndStore(tx, emit, m, patch, { codes, firstResult: m.bestValue === null, from: base.current, streak: after, held, at });
  return after;
}

/**
 * A stored result changed (a correction, an admin's deletion or result on the member's behalf):
 * the streak is rebuilt from the results and the covered days. A covered day that now counts
 * gives its freeze back (the correction wins); the best value is recounted; a streak or a value
 * that now reaches a milestone earns it. Nothing earned before is taken away.
 */
export async function recountStreak(
  tx: Tx,
  emit: Emit,
  input: { membership: MembershipRow; target: number | null; entries: { day: DayKey; value: number }[]; changedDay: DayKey; at: number },
): Promise<StreakState> {
  const { membership: m, target, entries, changedDay, at } = input;
  const patch: MilestonePatch = {};
  const frozen = await tx.streakFreezes.freezeDaysOf(m.userId, m.challengeId);
  const counted = new Set(entries.filter((e) => countsForStreak(e.value, target)).map((e) => e.day));
  const back = freezesGivenBack(frozen, counted, m.freezes);
  if (back.days.length > 0) {
    await tx.streakFreezes.deleteFreezeDays(m.userId, m.challengeId, back.days);
    patch.freezes = back.held;
    emit({ type: 'freezes.changed', userId: m.userId, challengeId: m.challengeId, freezes: back.held, reason: 'returned', days: back.days });
  }
  const streak = recomputeStreak(entries, target, 0, frozen);
  patch.streak = streak;

  const changed = entries.find((e) => e.day === changedDay);
  const others = entries.filter((e) => e.day !== changedDay);
  const previousBest = others.length > 0 ? Math.max(...others.map((e) => e.value)) : null;
  const codes = streakBadgesEarned(m.currentStreak, streak.current);
  if (changed && isPersonalBest(previousBest, changed.value)) codes.push('personal-best');
  const bestValue = entries.length > 0 ? Math.max(...entries.map((e) => e.value)) : null;
  if (bestValue !== m.bestValue) patch.bestValue = bestValue;
  await earnAndStore(tx, emit, m, patch, { codes, firstResult: !!changed && m.bestValue === null, from: m.currentStreak, streak, held: back.held, at });
  return streak;
}

/**
 * The nightly rollover's part: members whose streak lapsed while holding freezes get their
 * missed days covered (when the challenge was running on them). Runs before lapsed streaks
 * are set to 0. Answers how many streaks were kept.
 */
export async function coverLapsedStreaks(tx: Tx, emit: Emit, day: DayKey, yesterday: DayKey, at: number): Promise<number> {
  const challenges = new Map<number, ChallengeRow | undefined>();
  let kept = 0;
  for (const m of await tx.memberships.lapsedWithFreezes(yesterday)) {
    if (!challenges.has(m.challengeId)) challenges.set(m.challengeId, await tx.challenges.findChallenge(m.challengeId));
    const challenge = challenges.get(m.challengeId);
    const covered = coverMissedDays(streakOf(m), m.freezes, day);
    if (!challenge || !coverable(challenge, covered)) continue;
    await useFreezes(tx, emit, m, covered, at);
    await tx.memberships.setStreak(m.userId, m.challengeId, covered.state);
    await tx.memberships.setMilestones(m.userId, m.challengeId, { freezes: covered.held });
    kept++;
  }
  return kept;
}

/** The top 3 of a closed week or month (as the results job wrote them) earn the podium badge. */
export async function awardPodium(
  tx: Tx,
  emit: Emit,
  kind: 'weekly' | 'monthly',
  challengeId: number,
  ranking: { rank: number; userId: number }[],
  at: number,
): Promise<number> {
  let awarded = 0;
  for (const r of ranking) {
    const code = podiumBadge(kind, r.rank);
    if (!code) continue;
    const m = await tx.memberships.findMembership(r.userId, challengeId);
    if (!m) continue;
    const bits = await award(tx, emit, m, [code], at);
    if (bits !== m.badgeBits) {
      await tx.memberships.setMilestones(r.userId, challengeId, { badgeBits: bits });
      awarded++;
    }
  }
  return awarded;
}
