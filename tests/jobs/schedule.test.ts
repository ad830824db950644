import { describe, expect, test } from 'bun:test';
import { isReminderDue, lastClosedPeriod, periodBefore, periodRange, reminderTimeOf } from '../../server/domain/schedule';

const challenge = (reminderTime: string | null, window: [string, string] | null = null) => ({
  reminderTime,
  windowStart: window?.[0] ?? null,
  windowEnd: window?.[1] ?? null,
});
const s = (hhmm: string, sec = 0) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3)) * 60 + sec;

describe('schedule rules', () => {
  test('reminder time: its own, else the window start, else none', () => {
    expect(reminderTimeOf(challenge('08:30', ['21:00', '23:59']))).toBe('08:30');
    expect(reminderTimeOf(challenge(null, ['21:00', '23:59']))).toBe('21:00');
    expect(reminderTimeOf(challenge(null))).toBeNull();
  });

  test('due from its minute for an hour, not before, not after the window closed', () => {
    const c = challenge('20:00');
    expect(isReminderDue(c, s('19:59', 59))).toBe(false);
    expect(isReminderDue(c, s('20:00'))).toBe(true);
    expect(isReminderDue(c, s('20:59', 59))).toBe(true);
    expect(isReminderDue(c, s('21:00'))).toBe(false);
    const late = challenge('23:30', ['21:00', '23:45']);
    expect(isReminderDue(late, s('23:45', 59))).toBe(true);
    expect(isReminderDue(late, s('23:46'))).toBe(false);
  });

  test('the period that closed last', () => {
    expect(lastClosedPeriod('weekly', '2026-11-30')).toBe('2026-11-23'); // Monday
    expect(lastClosedPeriod('weekly', '2026-11-29')).toBe('2026-11-16'); // Sunday: this week still open
    expect(lastClosedPeriod('monthly', '2027-01-01')).toBe('2026-12');
    expect(lastClosedPeriod('monthly', '2026-03-01')).toBe('2026-02');
    expect(lastClosedPeriod('weekly', '2027-01-04')).toBe('2026-12-28'); // across the year
  });

  test('periods before and their ranges, leap February included', () => {
    expect(periodBefore('monthly', '2027-01', 1)).toBe('2026-12');
    expect(periodBefore('monthly', '2027-01', 13)).toBe('2025-12');
    expect(periodBefore('monthly', '2026-12', -1)).toBe('2027-01');
    expect(periodBefore('weekly', '2026-11-23', 2)).toBe('2026-11-09');
    expect(periodRange('monthly', '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('monthly', '2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('monthly', '2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodRange('weekly', '2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
});
