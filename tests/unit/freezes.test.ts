import { describe, expect, test } from 'bun:test';
import { coverMissedDays, FREEZE_EVERY, freezesEarned, freezesGivenBack, grantFreeze, MAX_FREEZES } from '../../server/domain/freezes';
import { applySubmission, EMPTY_STREAK, recomputeStreak, visibleCurrent, type StreakState } from '../../server/domain/streak';
import { addDays } from '../../server/domain/clubTime';

const streak = (current: number, lastCountedDay: string | null, best = current): StreakState => ({ current, best, lastCountedDay });

describe('using a freeze', () => {
  test('one missed day, one freeze held: covered, the streak keeps its count and goes on', () => {
    // Counted on the 1st..5th, nothing on the 6th; the rollover of the 7th covers the 6th.
    const covered = coverMissedDays(streak(5, '2026-03-05'), 1, '2026-03-07');
    expect(covered).toEqual({ state: streak(5, '2026-03-06'), days: ['2026-03-06'], held: 0 });
    // The next result continues it.
    expect(applySubmission(covered!.state, '2026-03-07', true)).toEqual(streak(6, '2026-03-07'));
    expect(visibleCurrent(covered!.state, '2026-03-07')).toBe(5);
  });

  test('a freeze on the first day: a streak of one day is protected, no streak at all is not', () => {
    expect(coverMissedDays(streak(1, '2026-03-01'), 1, '2026-03-03')).toEqual({ state: streak(1, '2026-03-02'), days: ['2026-03-02'], held: 0 });
    expect(coverMissedDays(EMPTY_STREAK, 2, '2026-03-03')).toBeNull();
    expect(coverMissedDays(streak(0, '2026-03-01', 4), 2, '2026-03-03')).toBeNull();
  });

  test('nothing missed, or no freeze held: nothing is used', () => {
    expect(coverMissedDays(streak(3, '2026-03-02'), 2, '2026-03-03')).toBeNull(); // yesterday counted
    expect(coverMissedDays(streak(3, '2026-03-03'), 2, '2026-03-03')).toBeNull(); // today counted
    expect(coverMissedDays(streak(3, '2026-03-01'), 0, '2026-03-03')).toBeNull();
  });

  test('two missed days with one freeze: the streak breaks', () => {
    // At once (a late rollover): not enough to cover both, none is spent.
    expect(coverMissedDays(streak(9, '2026-03-01'), 1, '2026-03-04')).toBeNull();
    expect(visibleCurrent(streak(9, '2026-03-01'), '2026-03-04', 1)).toBe(0);
    // Night by night: the first night spends it, the second finds none and the streak is 0.
    const first = coverMissedDays(streak(9, '2026-03-01'), 1, '2026-03-03')!;
    expect(first.held).toBe(0);
    expect(coverMissedDays(first.state, first.held, '2026-03-04')).toBeNull();
    expect(visibleCurrent(first.state, '2026-03-04', first.held)).toBe(0);
  });

  test('two missed days with two freezes are both covered', () => {
    expect(coverMissedDays(streak(9, '2026-03-01'), 2, '2026-03-04')).toEqual({
      state: streak(9, '2026-03-03'),
      days: ['2026-03-02', '2026-03-03'],
      held: 0,
    });
    // Until the rollover runs, the profile already shows the streak alive.
    expect(visibleCurrent(streak(9, '2026-03-01'), '2026-03-04', 2)).toBe(9);
  });
});

describe('earning freezes', () => {
  test('earned at 7 and 14 counted days in a row, capped at 2', () => {
    let state: StreakState = EMPTY_STREAK;
    let held = 0;
    let earnedOn: string | null = null;
    const earnedAt: number[] = [];
    for (let i = 0; i < 30; i++) {
      const before = state.current;
      state = applySubmission(state, addDays('2026-01-01', i), true);
      const e = freezesEarned(before, state, held, earnedOn);
      if (e.earned > 0) earnedAt.push(state.current);
      ({ held, earnedOn } = e);
    }
    expect(earnedAt).toEqual([7, 14]);
    expect(held).toBe(MAX_FREEZES); // 21 and 28 earn nothing more while 2 are held
    expect(FREEZE_EVERY).toBe(7);
  });

  test('6 → 7 earns one; 7 → 8 none; at the cap none', () => {
    expect(freezesEarned(6, streak(7, '2026-01-07'), 0, null)).toEqual({ held: 1, earned: 1, earnedOn: '2026-01-07' });
    expect(freezesEarned(7, streak(8, '2026-01-08'), 1, '2026-01-07').earned).toBe(0);
    expect(freezesEarned(13, streak(14, '2026-01-14'), 2, '2026-01-07')).toEqual({ held: 2, earned: 0, earnedOn: '2026-01-14' });
  });

  test('reaching 7 again on the same last day (a correction undone and redone) earns nothing twice', () => {
    const first = freezesEarned(6, streak(7, '2026-01-07'), 0, null);
    expect(first.earned).toBe(1);
    // Corrected below the target: back to 6, then up again: still the same 7th day.
    expect(freezesEarned(6, streak(7, '2026-01-07'), first.held, first.earnedOn).earned).toBe(0);
  });

  test('an admin grant adds one, refused at the cap', () => {
    expect(grantFreeze(0)).toBe(1);
    expect(grantFreeze(1)).toBe(2);
    expect(grantFreeze(2)).toBeNull();
  });
});

describe('recomputing with frozen days', () => {
  test('a frozen day bridges the streak without counting', () => {
    const entries = ['2026-03-01', '2026-03-02', '2026-03-04'].map((day) => ({ day, value: 10 }));
    expect(recomputeStreak(entries, null, 0, ['2026-03-03'])).toEqual(streak(3, '2026-03-04'));
    expect(recomputeStreak(entries, null)).toEqual(streak(1, '2026-03-04', 2));
  });

  test('a frozen day not right after the streak bridges nothing', () => {
    const entries = ['2026-03-01', '2026-03-05'].map((day) => ({ day, value: 10 }));
    expect(recomputeStreak(entries, null, 0, ['2026-03-03'])).toEqual(streak(1, '2026-03-05', 1));
  });

  test('a freeze and a late admin correction on the same day: the correction wins, the freeze is given back', () => {
    // Frozen on the 3rd, then an admin adds the 3rd's result after all.
    const entries = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'].map((day) => ({ day, value: 10 }));
    expect(recomputeStreak(entries, null, 0, ['2026-03-03'])).toEqual(streak(4, '2026-03-04'));
    const back = freezesGivenBack(['2026-02-10', '2026-03-03'], new Set(entries.map((e) => e.day)), 1);
    expect(back).toEqual({ days: ['2026-03-03'], held: 2 });
    // Given back, still at most 2 held.
    expect(freezesGivenBack(['2026-03-03'], new Set(['2026-03-03']), 2).held).toBe(2);
  });

  test('a below-target result on a frozen day keeps the freeze', () => {
    const entries = [
      { day: '2026-03-01', value: 10 },
      { day: '2026-03-02', value: 3 },
      { day: '2026-03-03', value: 10 },
    ];
    expect(recomputeStreak(entries, 5, 0, ['2026-03-02'])).toEqual(streak(2, '2026-03-03'));
    expect(freezesGivenBack(['2026-03-02'], new Set(['2026-03-01', '2026-03-03']), 0).days).toEqual([]);
  });
});
