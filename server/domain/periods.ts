/** The leaderboard periods a club day belongs to, and their ranges. */
import type { LeaderboardType } from '../../shared/schemas';
import type { DayKey } from '../../shared/types';
import { monthEnd, monthKey, monthStart, weekEnd, weekStart } from './clubTime';

export type PeriodKind = 'd' | 'w' | 'm' | 'a';

export interface Period {
  kind: PeriodKind;
  key: string;
  from: DayKey | null;
  to: DayKey;
}

export const KIND_OF_TYPE: Record<LeaderboardType, PeriodKind> = {
  today: 'd',
  weekly: 'w',
  monthly: 'm',
  all: 'a',
};

export function periodOf(type: LeaderboardType, today: DayKey): Period {
  switch (type) {
    case 'today':
      return { kind: 'd', key: today, from: today, to: today };
    case 'weekly':
      return { kind: 'w', key: weekStart(today), from: weekStart(today), to: weekEnd(today) };
    case 'monthly':
      return { kind: 'm', key: monthKey(today), from: monthStart(today), to: monthEnd(today) };
    case 'all':
      return { kind: 'a', key: 'all', from: null, to: today };
  }
}

/** The four aggregate rows a submission on `day` adds to. */
export function periodKeysOf(day: DayKey): { kind: PeriodKind; key: string }[] {
  return [
    { kind: 'd', key: day },
    { kind: 'w', key: weekStart(day) },
    { kind: 'm', key: monthKey(day) },
    { kind: 'a', key: 'all' },
  ];
}
