import { describe, expect, test } from 'bun:test';
import {
  BADGE_BITS,
  bitsOf,
  highestStreakMilestone,
  isPersonalBest,
  notYetHeld,
  podiumBadge,
  streakBadgesEarned,
} from '../../server/domain/badges';
import { applySubmission, EMPTY_STREAK, type StreakState } from '../../server/domain/streak';
import { addDays } from '../../server/domain/clubTime';

describe('streak badges', () => {
  test('the 7th counted day earns streak-7, exactly once over a run of counted days', () => {
    let state: StreakState = EMPTY_STREAK;
    let bits = 0;
    const earnedOn: Record<string, number> = {};
    for (let i = 0; i < 40; i++) {
      const before = state.current;
      state = applySubmission(state, addDays('2026-01-01', i), true);
      for (const code of notYetHeld(bits, streakBadgesEarned(before, state.current))) {
        earnedOn[code] = state.current;
        bits |= BADGE_BITS[code];
      }
    }
    expect(earnedOn).toEqual({ 'streak-7': 7, 'streak-30': 30 });
  });

  test('the edges: 6 → 7 earns, 7 → 8 and 7 → 7 (a second result the same day) do not', () => {
    expect(streakBadgesEarned(6, 7)).toEqual(['streak-7']);
    expect(streakBadgesEarned(7, 8)).toEqual([]);
    expect(streakBadgesEarned(7, 7)).toEqual([]);
    expect(streakBadgesEarned(5, 6)).toEqual([]);
    expect(streakBadgesEarned(29, 30)).toEqual(['streak-30']);
    expect(streakBadgesEarned(99, 100)).toEqual(['streak-100']);
    expect(streakBadgesEarned(364, 365)).toEqual(['streak-365']);
  });

  test('a recount that jumps over several milestones earns each of them', () => {
    expect(streakBadgesEarned(3, 31)).toEqual(['streak-7', 'streak-30']);
  });

  test('a streak that goes down earns nothing; rebuilding to 7 again is new only without the bit', () => {
    expect(streakBadgesEarned(8, 2)).toEqual([]);
    expect(notYetHeld(BADGE_BITS['streak-7'], streakBadgesEarned(6, 7))).toEqual([]);
    expect(notYetHeld(0, streakBadgesEarned(6, 7))).toEqual(['streak-7']);
  });

  test('the boards show the highest streak badge', () => {
    expect(highestStreakMilestone(['streak-7', 'streak-100', 'streak-30'])).toBe(100);
    expect(highestStreakMilestone(['personal-best', 'first-result'])).toBeNull();
    expect(highestStreakMilestone([])).toBeNull();
  });
});

describe('personal best', () => {
  test('never on the first result', () => {
    expect(isPersonalBest(null, 5000)).toBe(false);
  });

  test('only strictly above the previous best', () => {
    expect(isPersonalBest(5000, 5000)).toBe(false);
    expect(isPersonalBest(5000, 4999.9)).toBe(false);
    expect(isPersonalBest(5000, 5000.1)).toBe(true);
    expect(isPersonalBest(0, 0.5)).toBe(true);
  });
});

describe('podium', () => {
  test('ranks 1–3 of a week or a month, nobody else', () => {
    expect([1, 2, 3].map((r) => podiumBadge('weekly', r))).toEqual(['weekly-podium', 'weekly-podium', 'weekly-podium']);
    expect(podiumBadge('monthly', 1)).toBe('monthly-podium');
    expect(podiumBadge('weekly', 4)).toBeNull();
    expect(podiumBadge('weekly', 0)).toBeNull();
    expect(podiumBadge('monthly', 2.5)).toBeNull();
  });
});

test('badge bits: one per challenge badge, distinct', () => {
  const values = Object.values(BADGE_BITS);
  expect(new Set(values).size).toBe(values.length);
  expect(bitsOf(['streak-7', 'personal-best'])).toBe(BADGE_BITS['streak-7'] | BADGE_BITS['personal-best']);
  expect(notYetHeld(bitsOf(['streak-7']), ['streak-7', 'streak-7', 'weekly-podium'])).toEqual(['weekly-podium']);
});
