/** The leaderboard periods a club day belongs to, and their ranges. */
import type { LeaderboardType } from '../../shared/schemas';
import type { DayKey } from '../../shared/types';
import { monthEnd, monthKey, weekEnd, weekStart } from './clubTime';

/** The code of a leaderboard period: see KIND_OF_TYPE. */
export type PeriodKind = 'd' | 'w' | 'm' | 'a';

export interface Period {
  kind: PeriodKind;
  key: string;
  from: DayKey | null;
  to: DayKey;
}

/** The period code of each leaderboard type. */
export const KIND_OF_TYPE: Record<LeaderboardType, PeriodKind> = {
  today: 'd',
  weekly: 'w',
  monthly: 'm',
  all: 'a',
};

export const ALL_TIME = { kind: 'a', key: 'all' } as const;

/** The key of the period of `kind` that `day` falls in. */
export function periodKeyOf(kind: PeriodKind, day: DayKey): string {
  switch (kind) {
    case 'd':
      return day;
    case 'w':
      return weekStart(day);
    case 'm':
      return monthKey(day);
    case 'a':
      return ALL_TIME.key;
  }
}

/**
 * Recent answers of rangeOfPeriod and periodKeysOf: every submission asks about today's periods,
 * and the calendar arithmetic behind them builds several Date objects each time.
 */
const remembered = new Map<string, unknown>();
function remember<T>(key: string, compute: () => T): T {
  let value = remembered.get(key) as T | undefined;
  if (value === undefined) {
    if (remembered.size >= 512) remembered.clear();
    value = Object.freeze(compute());
    remembered.set(key, value);
  }
  return value;
}

/** First and last club day of a period (null: open-ended, the all-time period). */
export function rangeOfPeriod(kind: PeriodKind, key: string): Readonly<{ from: DayKey | null; to: DayKey | null }> {
  return remember(`r|${kind}|${key}`, () => computeRange(kind, key));
}

function computeRange(kind: PeriodKind, key: string): { from: DayKey | null; to: DayKey | null } {
  switch (kind) {
    case 'd':
      return { from: key, to: key };
    case 'w':
      return { from: key, to: weekEnd(key) };
    case 'm':
      return { from: `${key}-01`, to: monthEnd(`${key}-01`) };
    case 'a':
      return { from: null, to: null };
  }
}

export function periodOf(type: LeaderboardType, today: DayKey): Period {
  const kind = KIND_OF_TYPE[type];
  const key = periodKeyOf(kind, today);
  const { from, to } = rangeOfPeriod(kind, key);
  return { kind, key, from, to: to ?? today };
}

/**
 * Only the all-time figures are stored, on one row per member and challenge: a day, week or
 * month board is summed from the submissions of its range (a covering index reads them in
 * order), so a submission writes one aggregate row instead of four.
 */
export function isStoredKind(kind: PeriodKind): kind is 'a' {
  return kind === 'a';
}

/** The four periods a submission on `day` counts in. */
export function periodKeysOf(day: DayKey): readonly Readonly<{ kind: PeriodKind; key: string }>[] {
  return remember(`k|${day}`, () => (['d', 'w', 'm', 'a'] as const).map((kind) => Object.freeze({ kind, key: periodKeyOf(kind, day) })));
}
