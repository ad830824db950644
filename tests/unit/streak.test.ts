import { describe, expect, test } from 'bun:test';
import {
  EMPTY_STREAK,
  applySubmission,
  countsForStreak,
  overrideStreak,
  recomputeStreak,
  visibleCurrent,
  type StreakState,
} from '../../server/domain/streak';

describe('countsForStreak', () => {
  test('without a target every value counts', () => {
    expect(countsForStreak(0, null)).toBe(true);
    expect(countsForStreak(0.5, null)).toBe(true);
    expect(countsForStreak(100000, null)).toBe(true);
  });

  test('with a target the value must reach it (≥)', () => {
    expect(countsForStreak(9999.99, 10000)).toBe(false);
    expect(countsForStreak(10000, 10000)).toBe(true);
    expect(countsForStreak(10001, 10000)).toBe(true);
    expect(countsForStreak(0, 0)).toBe(true);
  });
});

describe('applySubmission', () => {
  test('the first counted day starts a streak of 1', () => {
    expect(applySubmission(EMPTY_STREAK, '2026-11-20', true)).toEqual({
      current: 1,
      best: 1,
      lastCountedDay: '2026-11-20',
    });
  });

  test('consecutive days grow the streak and the best', () => {
    let s: StreakState = EMPTY_STREAK;
    s = applySubmission(s, '2026-11-20', true);
    s = applySubmission(s, '2026-11-21', true);
    s = applySubmission(s, '2026-11-22', true);
    expect(s).toEqual({ current: 3, best: 3, lastCountedDay: '2026-11-22' });
  });

  test('a gap resets the streak to 1 but keeps the best', () => {
    let s: StreakState = EMPTY_STREAK;
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04']) s = applySubmission(s, day, true);
    expect(s).toEqual({ current: 4, best: 4, lastCountedDay: '2026-11-04' });
    s = applySubmission(s, '2026-11-06', true); // 11-05 missed
    expect(s).toEqual({ current: 1, best: 4, lastCountedDay: '2026-11-06' });
    s = applySubmission(s, '2026-11-07', true);
    expect(s).toEqual({ current: 2, best: 4, lastCountedDay: '2026-11-07' });
  });

  test('a day below target does not count and leaves the state untouched', () => {
    const before: StreakState = { current: 3, best: 5, lastCountedDay: '2026-11-21' };
    const after = applySubmission(before, '2026-11-22', countsForStreak(4999, 5000));
    expect(after).toEqual({ current: 3, best: 5, lastCountedDay: '2026-11-21' });
    // the next day after an uncounted day starts over
    expect(applySubmission(after, '2026-11-23', true)).toEqual({
      current: 1,
      best: 5,
      lastCountedDay: '2026-11-23',
    });
  });

  test('the same day twice counts once', () => {
    const s: StreakState = { current: 2, best: 2, lastCountedDay: '2026-11-22' };
    expect(applySubmission(s, '2026-11-22', true)).toEqual({ current: 2, best: 2, lastCountedDay: '2026-11-22' });
  });

  test('the best is only raised when the current passes it', () => {
    const s: StreakState = { current: 2, best: 10, lastCountedDay: '2026-11-21' };
    expect(applySubmission(s, '2026-11-22', true)).toEqual({ current: 3, best: 10, lastCountedDay: '2026-11-22' });
    const t: StreakState = { current: 10, best: 10, lastCountedDay: '2026-11-21' };
    expect(applySubmission(t, '2026-11-22', true)).toEqual({ current: 11, best: 11, lastCountedDay: '2026-11-22' });
  });

  test('streaks continue across month, year and leap-day boundaries', () => {
    let s: StreakState = EMPTY_STREAK;
    for (const day of ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']) s = applySubmission(s, day, true);
    expect(s).toEqual({ current: 4, best: 4, lastCountedDay: '2027-01-02' });

    let t: StreakState = EMPTY_STREAK;
    for (const day of ['2028-02-28', '2028-02-29', '2028-03-01']) t = applySubmission(t, day, true);
    expect(t).toEqual({ current: 3, best: 3, lastCountedDay: '2028-03-01' });

    // 2026 has no 29 February: 28 Feb → 1 Mar is consecutive
    let u: StreakState = EMPTY_STREAK;
    for (const day of ['2026-02-28', '2026-03-01']) u = applySubmission(u, day, true);
    expect(u).toEqual({ current: 2, best: 2, lastCountedDay: '2026-03-01' });
  });

  test('does not mutate its input or EMPTY_STREAK', () => {
    const s: StreakState = { current: 1, best: 1, lastCountedDay: '2026-11-21' };
    applySubmission(s, '2026-11-22', true);
    applySubmission(EMPTY_STREAK, '2026-11-22', true);
    expect(s).toEqual({ current: 1, best: 1, lastCountedDay: '2026-11-21' });
    expect(EMPTY_STREAK).toEqual({ current: 0, best: 0, lastCountedDay: null });
  });
});

describe('visibleCurrent', () => {
  const s: StreakState = { current: 5, best: 8, lastCountedDay: '2026-11-22' };

  test('no counted day yet → 0', () => {
    expect(visibleCurrent(EMPTY_STREAK, '2026-11-22')).toBe(0);
  });

  test('last counted day is today → the streak', () => {
    expect(visibleCurrent(s, '2026-11-22')).toBe(5);
  });

  test('last counted day is yesterday (today not yet submitted) → the streak', () => {
    expect(visibleCurrent(s, '2026-11-23')).toBe(5);
  });

  test('a whole day missed → 0', () => {
    expect(visibleCurrent(s, '2026-11-24')).toBe(0);
    expect(visibleCurrent(s, '2026-12-22')).toBe(0);
  });

  test('yesterday across a year boundary', () => {
    const t: StreakState = { current: 3, best: 3, lastCountedDay: '2026-12-31' };
    expect(visibleCurrent(t, '2027-01-01')).toBe(3);
    expect(visibleCurrent(t, '2027-01-02')).toBe(0);
  });

  test('a last counted day after today is not shown', () => {
    expect(visibleCurrent(s, '2026-11-21')).toBe(0);
  });
});

describe('recomputeStreak', () => {
  test('no entries → empty streak', () => {
    expect(recomputeStreak([], null)).toEqual({ current: 0, best: 0, lastCountedDay: null });
    expect(recomputeStreak([], 100, 4)).toEqual({ current: 0, best: 4, lastCountedDay: null });
  });

  test('unsorted entries with a target: a day below target breaks the run', () => {
    const entries = [
      { day: '2026-11-05', value: 6000 },
      { day: '2026-11-01', value: 5000 },
      { day: '2026-11-04', value: 4999 }, // below target
      { day: '2026-11-02', value: 7000 },
      { day: '2026-11-06', value: 10000 },
      { day: '2026-11-03', value: 5000.5 },
    ];
    expect(recomputeStreak(entries, 5000)).toEqual({ current: 2, best: 3, lastCountedDay: '2026-11-06' });
  });

  test('the same entries without a target are one unbroken run', () => {
    const entries = [
      { day: '2026-11-05', value: 6000 },
      { day: '2026-11-01', value: 5000 },
      { day: '2026-11-04', value: 4999 },
      { day: '2026-11-02', value: 7000 },
      { day: '2026-11-06', value: 10000 },
      { day: '2026-11-03', value: 5000.5 },
    ];
    expect(recomputeStreak(entries, null)).toEqual({ current: 6, best: 6, lastCountedDay: '2026-11-06' });
  });

  test('the last counted day is the last day that reached the target, not the last entry', () => {
    const entries = [
      { day: '2026-11-03', value: 1 },
      { day: '2026-11-01', value: 10 },
      { day: '2026-11-02', value: 10 },
    ];
    expect(recomputeStreak(entries, 10)).toEqual({ current: 2, best: 2, lastCountedDay: '2026-11-02' });
  });

  test('keepBest keeps a higher best, but never lowers the computed one', () => {
    const entries = [
      { day: '2026-11-02', value: 1 },
      { day: '2026-11-01', value: 1 },
      { day: '2026-11-03', value: 1 },
    ];
    expect(recomputeStreak(entries, null, 10)).toEqual({ current: 3, best: 10, lastCountedDay: '2026-11-03' });
    expect(recomputeStreak(entries, null, 1)).toEqual({ current: 3, best: 3, lastCountedDay: '2026-11-03' });
    expect(recomputeStreak(entries, null)).toEqual({ current: 3, best: 3, lastCountedDay: '2026-11-03' });
  });

  test('duplicate days count once; runs across a year boundary', () => {
    const entries = [
      { day: '2027-01-01', value: 3 },
      { day: '2026-12-31', value: 3 },
      { day: '2026-12-31', value: 3 },
      { day: '2027-01-02', value: 3 },
    ];
    expect(recomputeStreak(entries, 3)).toEqual({ current: 3, best: 3, lastCountedDay: '2027-01-02' });
  });

  test('an earlier longer run is the best; the last run is the current', () => {
    const days = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-10', '2026-10-11'];
    const entries = days.reverse().map((day) => ({ day, value: 1 }));
    const s = recomputeStreak(entries, null);
    expect(s).toEqual({ current: 2, best: 4, lastCountedDay: '2026-10-11' });
    expect(visibleCurrent(s, '2026-10-12')).toBe(2);
    expect(visibleCurrent(s, '2026-10-13')).toBe(0);
  });

  test('does not mutate the entries', () => {
    const entries = [
      { day: '2026-11-02', value: 1 },
      { day: '2026-11-01', value: 1 },
    ];
    recomputeStreak(entries, null);
    expect(entries).toEqual([
      { day: '2026-11-02', value: 1 },
      { day: '2026-11-01', value: 1 },
    ]);
  });
});

describe('overrideStreak', () => {
  const state: StreakState = { current: 2, best: 7, lastCountedDay: '2026-11-22' };

  test('0 clears the current streak and the last counted day, keeps the best', () => {
    expect(overrideStreak(state, 0, '2026-11-22', true)).toEqual({ current: 0, best: 7, lastCountedDay: null });
    expect(overrideStreak(state, 0, '2026-11-22', false)).toEqual({ current: 0, best: 7, lastCountedDay: null });
  });

  test('counted today → the run ends today', () => {
    expect(overrideStreak(state, 5, '2026-11-22', true)).toEqual({
      current: 5,
      best: 7,
      lastCountedDay: '2026-11-22',
    });
  });

  test('not counted today → the run ends yesterday (across a year boundary too)', () => {
    expect(overrideStreak(state, 5, '2026-11-22', false)).toEqual({
      current: 5,
      best: 7,
      lastCountedDay: '2026-11-21',
    });
    expect(overrideStreak(state, 5, '2027-01-01', false)).toEqual({
      current: 5,
      best: 7,
      lastCountedDay: '2026-12-31',
    });
  });

  test('a current above the best raises the best', () => {
    expect(overrideStreak(state, 12, '2026-11-22', true)).toEqual({
      current: 12,
      best: 12,
      lastCountedDay: '2026-11-22',
    });
  });

  test('the override is visible today and continues with the next submission', () => {
    const notYet = overrideStreak(EMPTY_STREAK, 5, '2026-11-22', false);
    expect(visibleCurrent(notYet, '2026-11-22')).toBe(5);
    expect(applySubmission(notYet, '2026-11-22', true)).toEqual({
      current: 6,
      best: 6,
      lastCountedDay: '2026-11-22',
    });

    const already = overrideStreak(EMPTY_STREAK, 5, '2026-11-22', true);
    expect(visibleCurrent(already, '2026-11-22')).toBe(5);
    expect(applySubmission(already, '2026-11-22', true)).toEqual({
      current: 5,
      best: 5,
      lastCountedDay: '2026-11-22',
    });
    expect(applySubmission(already, '2026-11-23', true)).toEqual({
      current: 6,
      best: 6,
      lastCountedDay: '2026-11-23',
    });
  });
});
