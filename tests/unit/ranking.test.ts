import { describe, expect, test } from 'bun:test';
import { compareTotals, rankTotals, type RankedTotals } from '../../server/domain/ranking';

const row = (userId: number, total: number, days: number, lastAt: number): RankedTotals => ({
  userId,
  total,
  days,
  lastAt,
});

describe('compareTotals', () => {
  test('larger sum first', () => {
    expect(compareTotals(row(1, 100, 1, 0), row(2, 50, 9, 0))).toBeLessThan(0);
    expect(compareTotals(row(1, 50, 9, 0), row(2, 100, 1, 0))).toBeGreaterThan(0);
  });

  test('equal sums: more days first', () => {
    expect(compareTotals(row(1, 100, 5, 2000), row(2, 100, 4, 1000))).toBeLessThan(0);
    expect(compareTotals(row(1, 100, 4, 1000), row(2, 100, 5, 2000))).toBeGreaterThan(0);
  });

  test('equal sums and days: earlier last submission first', () => {
    expect(compareTotals(row(9, 100, 5, 1000), row(1, 100, 5, 2000))).toBeLessThan(0);
    expect(compareTotals(row(1, 100, 5, 2000), row(9, 100, 5, 1000))).toBeGreaterThan(0);
  });

  test('all equal: smaller user id first', () => {
    expect(compareTotals(row(1, 100, 5, 1000), row(2, 100, 5, 1000))).toBeLessThan(0);
    expect(compareTotals(row(2, 100, 5, 1000), row(1, 100, 5, 1000))).toBeGreaterThan(0);
  });

  test('a row compares equal to itself', () => {
    expect(compareTotals(row(1, 100, 5, 1000), row(1, 100, 5, 1000))).toBe(0);
  });

  test('fractional sums are compared exactly', () => {
    expect(compareTotals(row(2, 10.5, 1, 0), row(1, 10.25, 9, 0))).toBeLessThan(0);
  });
});

describe('rankTotals', () => {
  test('orders by sum desc, days desc, lastAt asc, userId asc and numbers the ranks 1..n', () => {
    const rows = [
      row(10, 50, 3, 5000),
      row(11, 120, 2, 9000),
      row(12, 100, 4, 3000),
      row(13, 100, 5, 8000),
      row(14, 100, 4, 1000),
      row(15, 100, 4, 3000),
      row(16, 0.5, 1, 100),
    ];
    const ranked = rankTotals(rows);
    expect(ranked.map((r) => [r.rank, r.userId])).toEqual([
      [1, 11], // largest sum
      [2, 13], // 100, most days
      [3, 14], // 100, 4 days, earliest last submission
      [4, 12], // 100, 4 days, lastAt 3000, smaller id
      [5, 15], // same as 12 but larger id
      [6, 10],
      [7, 16],
    ]);
  });

  test('keeps extra fields and does not reorder the input', () => {
    const rows = [
      { ...row(2, 1, 1, 0), name: 'B' },
      { ...row(1, 2, 1, 0), name: 'A' },
    ];
    const ranked = rankTotals(rows);
    expect(ranked).toEqual([
      { userId: 1, total: 2, days: 1, lastAt: 0, name: 'A', rank: 1 },
      { userId: 2, total: 1, days: 1, lastAt: 0, name: 'B', rank: 2 },
    ]);
    expect(rows.map((r) => r.userId)).toEqual([2, 1]);
    expect('rank' in rows[0]!).toBe(false);
  });

  test('the order does not depend on the input order', () => {
    const rows = [row(3, 10, 2, 50), row(1, 10, 2, 50), row(2, 10, 3, 99), row(4, 11, 1, 1)];
    const expected = [4, 2, 1, 3];
    expect(rankTotals(rows).map((r) => r.userId)).toEqual(expected);
    expect(rankTotals([...rows].reverse()).map((r) => r.userId)).toEqual(expected);
    expect(rankTotals([rows[2]!, rows[0]!, rows[3]!, rows[1]!]).map((r) => r.userId)).toEqual(expected);
  });

  test('empty and single-row boards', () => {
    expect(rankTotals([])).toEqual([]);
    expect(rankTotals([row(7, 0, 0, 0)])).toEqual([{ userId: 7, total: 0, days: 0, lastAt: 0, rank: 1 }]);
  });
});
