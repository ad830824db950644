/**
 * Leaderboard order: larger sum first, then more days, then the earlier last submission
 * (reached the total first), then the smaller member id so the order is total.
 */
export interface RankedTotals {
  userId: number;
  total: number;
  days: number;
  lastAt: number;
}

export function compareTotals(a: RankedTotals, b: RankedTotals): number {
  return b.total - a.total || b.days - a.days || a.lastAt - b.lastAt || a.userId - b.userId;
}

export function rankTotals<T extends RankedTotals>(rows: T[]): (T & { rank: number })[] {
  return [...rows].sort(compareTotals).map((row, i) => ({ ...row, rank: i + 1 }));
}
