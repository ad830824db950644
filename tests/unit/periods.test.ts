import { describe, expect, test } from 'bun:test';
import { KIND_OF_TYPE, periodKeysOf, periodOf } from '../../server/domain/periods';
import { addDays } from '../../server/domain/clubTime';
import { LEADERBOARD_TYPES } from '../../shared/schemas';

describe('KIND_OF_TYPE', () => {
  test('maps each leaderboard type to its period kind', () => {
    expect(KIND_OF_TYPE).toEqual({ today: 'd', weekly: 'w', monthly: 'm', all: 'a' });
  });
});

describe('periodOf', () => {
  test('today', () => {
    expect(periodOf('today', '2026-11-22')).toEqual({
      kind: 'd',
      key: '2026-11-22',
      from: '2026-11-22',
      to: '2026-11-22',
    });
  });

  test('weekly: Monday to Sunday, keyed by the Monday', () => {
    expect(periodOf('weekly', '2026-11-22')).toEqual({
      kind: 'w',
      key: '2026-11-16',
      from: '2026-11-16',
      to: '2026-11-22',
    });
    expect(periodOf('weekly', '2026-11-23')).toEqual({
      kind: 'w',
      key: '2026-11-23',
      from: '2026-11-23',
      to: '2026-11-29',
    });
  });

  test('weekly across a year boundary', () => {
    expect(periodOf('weekly', '2027-01-01')).toEqual({
      kind: 'w',
      key: '2026-12-28',
      from: '2026-12-28',
      to: '2027-01-03',
    });
  });

  test('monthly: first to last day, keyed by YYYY-MM', () => {
    expect(periodOf('monthly', '2026-11-22')).toEqual({
      kind: 'm',
      key: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(periodOf('monthly', '2026-12-31')).toEqual({
      kind: 'm',
      key: '2026-12',
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  test('monthly February 2026 (28 days) and 2028 (29 days)', () => {
    expect(periodOf('monthly', '2026-02-14')).toEqual({
      kind: 'm',
      key: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodOf('monthly', '2028-02-14')).toEqual({
      kind: 'm',
      key: '2028-02',
      from: '2028-02-01',
      to: '2028-02-29',
    });
  });

  test('all: open start, up to today', () => {
    expect(periodOf('all', '2026-11-22')).toEqual({ kind: 'a', key: 'all', from: null, to: '2026-11-22' });
  });

  test('every type has the kind KIND_OF_TYPE gives it', () => {
    for (const type of LEADERBOARD_TYPES) {
      expect(periodOf(type, '2026-11-22').kind).toBe(KIND_OF_TYPE[type]);
    }
  });
});

describe('periodKeysOf', () => {
  test('the four aggregate rows of a day', () => {
    expect(periodKeysOf('2026-11-22')).toEqual([
      { kind: 'd', key: '2026-11-22' },
      { kind: 'w', key: '2026-11-16' },
      { kind: 'm', key: '2026-11' },
      { kind: 'a', key: 'all' },
    ]);
    expect(periodKeysOf('2027-01-01')).toEqual([
      { kind: 'd', key: '2027-01-01' },
      { kind: 'w', key: '2026-12-28' },
      { kind: 'm', key: '2027-01' },
      { kind: 'a', key: 'all' },
    ]);
  });

  test('a submission on any day adds to the very rows its leaderboards read', () => {
    // Over two years, including leap day 2028-02-29 and two year boundaries.
    for (let i = 0; i < 800; i++) {
      const day = addDays('2026-12-01', i);
      const keys = periodKeysOf(day);
      for (const type of LEADERBOARD_TYPES) {
        const p = periodOf(type, day);
        expect(keys).toContainEqual({ kind: p.kind, key: p.key });
        // the day lies inside its period
        if (p.from !== null) expect(p.from <= day).toBe(true);
        expect(day <= p.to).toBe(true);
      }
    }
  });
});
