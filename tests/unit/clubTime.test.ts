import { describe, expect, test } from 'bun:test';
import {
  addDays,
  clubDay,
  daysBetween,
  isoWeekLabel,
  isValidTimeZone,
  localDateTime,
  monthEnd,
  monthKey,
  monthStart,
  weekEnd,
  weekStart,
} from '../../server/domain/clubTime';

const TASHKENT = 'Asia/Tashkent';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => new Date(iso);

describe('localDateTime / clubDay in Asia/Tashkent (UTC+5, no DST)', () => {
  test('last second of Sunday in Tashkent is still 2026-11-22', () => {
    const instant = at('2026-11-22T18:59:59Z');
    expect(localDateTime(instant, TASHKENT)).toEqual({ day: '2026-11-22', secondOfDay: 86399 });
    expect(clubDay(instant, TASHKENT)).toBe('2026-11-22');
    expect(weekStart(clubDay(instant, TASHKENT))).toBe('2026-11-16');
  });

  test('midnight in Tashkent is Monday 2026-11-23 while UTC is still Sunday', () => {
    const instant = at('2026-11-22T19:00:00Z');
    expect(instant.getUTCDay()).toBe(0); // Sunday in UTC
    expect(instant.toISOString().slice(0, 10)).toBe('2026-11-22');
    expect(localDateTime(instant, TASHKENT)).toEqual({ day: '2026-11-23', secondOfDay: 0 });
    expect(clubDay(instant, TASHKENT)).toBe('2026-11-23');
    expect(weekStart(clubDay(instant, TASHKENT))).toBe('2026-11-23');
    expect(isoWeekLabel(clubDay(instant, TASHKENT))).toBe('2026-W48');
  });

  test('milliseconds are truncated, not rounded into the next second', () => {
    expect(localDateTime(at('2026-11-22T18:59:59.999Z'), TASHKENT)).toEqual({
      day: '2026-11-22',
      secondOfDay: 86399,
    });
    expect(localDateTime(at('2026-11-22T19:00:00.999Z'), TASHKENT)).toEqual({
      day: '2026-11-23',
      secondOfDay: 0,
    });
  });

  test('midnight is hour 0, never 24', () => {
    expect(localDateTime(at('2026-01-01T19:00:00Z'), TASHKENT)).toEqual({ day: '2026-01-02', secondOfDay: 0 });
    expect(localDateTime(at('2026-01-01T00:00:00Z'), 'UTC')).toEqual({ day: '2026-01-01', secondOfDay: 0 });
  });

  test('an arbitrary time of day is counted in seconds since local midnight', () => {
    // 07:34:56Z = 12:34:56 in Tashkent
    expect(localDateTime(at('2026-05-10T07:34:56Z'), TASHKENT)).toEqual({
      day: '2026-05-10',
      secondOfDay: 12 * 3600 + 34 * 60 + 56,
    });
  });

  test('new year in Tashkent comes five hours before UTC', () => {
    expect(clubDay(at('2026-12-31T18:59:59Z'), TASHKENT)).toBe('2026-12-31');
    expect(clubDay(at('2026-12-31T19:00:00Z'), TASHKENT)).toBe('2027-01-01');
  });

  test('the same instant maps to different days in different zones (formatter cache is per zone)', () => {
    const instant = at('2026-11-22T20:00:00Z');
    expect(clubDay(instant, TASHKENT)).toBe('2026-11-23');
    expect(clubDay(instant, 'UTC')).toBe('2026-11-22');
    expect(clubDay(instant, 'America/New_York')).toBe('2026-11-22');
    expect(clubDay(at('2026-11-23T03:00:00Z'), 'America/New_York')).toBe('2026-11-22');
    expect(clubDay(at('2026-11-23T03:00:00Z'), TASHKENT)).toBe('2026-11-23');
    // and back again: the Tashkent result is unchanged after other zones were used
    expect(localDateTime(instant, TASHKENT)).toEqual({ day: '2026-11-23', secondOfDay: 3600 });
  });

  test('a half-hour offset zone (Asia/Kolkata, UTC+5:30)', () => {
    expect(localDateTime(at('2026-11-22T18:29:59Z'), 'Asia/Kolkata')).toEqual({
      day: '2026-11-22',
      secondOfDay: 86399,
    });
    expect(localDateTime(at('2026-11-22T18:30:00Z'), 'Asia/Kolkata')).toEqual({
      day: '2026-11-23',
      secondOfDay: 0,
    });
  });
});

describe('localDateTime in a DST zone (Europe/Berlin)', () => {
  test('winter: UTC+1', () => {
    expect(localDateTime(at('2026-01-15T22:59:59Z'), BERLIN)).toEqual({ day: '2026-01-15', secondOfDay: 86399 });
    expect(localDateTime(at('2026-01-15T23:00:00Z'), BERLIN)).toEqual({ day: '2026-01-16', secondOfDay: 0 });
  });

  test('summer: UTC+2', () => {
    expect(localDateTime(at('2026-06-30T21:59:59Z'), BERLIN)).toEqual({ day: '2026-06-30', secondOfDay: 86399 });
    expect(localDateTime(at('2026-06-30T22:00:00Z'), BERLIN)).toEqual({ day: '2026-07-01', secondOfDay: 0 });
  });

  test('spring forward on 2026-03-29: 01:59:59 CET is followed by 03:00:00 CEST', () => {
    expect(localDateTime(at('2026-03-29T00:59:59Z'), BERLIN)).toEqual({
      day: '2026-03-29',
      secondOfDay: 1 * 3600 + 59 * 60 + 59,
    });
    expect(localDateTime(at('2026-03-29T01:00:00Z'), BERLIN)).toEqual({ day: '2026-03-29', secondOfDay: 3 * 3600 });
  });

  test('fall back on 2026-10-25: 02:59:59 CEST is followed by 02:00:00 CET', () => {
    expect(localDateTime(at('2026-10-25T00:59:59Z'), BERLIN)).toEqual({
      day: '2026-10-25',
      secondOfDay: 2 * 3600 + 59 * 60 + 59,
    });
    expect(localDateTime(at('2026-10-25T01:00:00Z'), BERLIN)).toEqual({ day: '2026-10-25', secondOfDay: 2 * 3600 });
  });

  test('Tashkent does not move on the Berlin DST dates', () => {
    expect(localDateTime(at('2026-03-29T01:00:00Z'), TASHKENT)).toEqual({ day: '2026-03-29', secondOfDay: 6 * 3600 });
    expect(localDateTime(at('2026-10-25T01:00:00Z'), TASHKENT)).toEqual({ day: '2026-10-25', secondOfDay: 6 * 3600 });
  });
});

describe('isValidTimeZone', () => {
  test('accepts IANA names and UTC', () => {
    expect(isValidTimeZone('Asia/Tashkent')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  test('rejects unknown and empty names', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('Asia/Nowhere')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('not a zone')).toBe(false);
  });
});

describe('addDays', () => {
  test('forward and back within a month', () => {
    expect(addDays('2026-11-22', 1)).toBe('2026-11-23');
    expect(addDays('2026-11-22', -6)).toBe('2026-11-16');
    expect(addDays('2026-11-22', 0)).toBe('2026-11-22');
  });

  test('December → January and back', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  });

  test('across the end of February in common and leap years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  test('large steps', () => {
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2028-01-01', 366)).toBe('2029-01-01');
    expect(addDays('2028-01-01', 365)).toBe('2028-12-31');
  });
});

describe('daysBetween', () => {
  test('b − a in whole days, signed', () => {
    expect(daysBetween('2026-11-22', '2026-11-23')).toBe(1);
    expect(daysBetween('2026-11-23', '2026-11-22')).toBe(-1);
    expect(daysBetween('2026-11-22', '2026-11-22')).toBe(0);
  });

  test('across year and leap day', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});

describe('weekStart / weekEnd (ISO, Monday first)', () => {
  test('every day of the week 2026-11-16..22 has Monday 2026-11-16 and Sunday 2026-11-22', () => {
    for (let i = 0; i < 7; i++) {
      const day = addDays('2026-11-16', i);
      expect(weekStart(day)).toBe('2026-11-16');
      expect(weekEnd(day)).toBe('2026-11-22');
    }
  });

  test('Monday starts a new week; Sunday ends the previous one', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // Sunday
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // Monday
    expect(weekEnd('2026-11-23')).toBe('2026-11-29');
  });

  test('weeks that span a year boundary', () => {
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
    expect(weekEnd('2026-12-28')).toBe('2027-01-03');
    expect(weekStart('2027-01-03')).toBe('2026-12-28');
    expect(weekStart('2027-01-04')).toBe('2027-01-04');
  });

  test('weeks that span the end of February', () => {
    expect(weekStart('2028-03-01')).toBe('2028-02-28'); // Wednesday → Monday 28 Feb 2028
    expect(weekEnd('2028-02-28')).toBe('2028-03-05');
    expect(weekStart('2026-03-01')).toBe('2026-02-23'); // Sunday
  });
});

describe('isoWeekLabel', () => {
  test('the example weeks', () => {
    expect(isoWeekLabel('2026-11-22')).toBe('2026-W47');
    expect(isoWeekLabel('2026-11-23')).toBe('2026-W48');
  });

  test('2026 has 53 ISO weeks; 1 Jan 2027 (Friday) belongs to 2026-W53', () => {
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
    expect(isoWeekLabel('2026-12-31')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-03')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
  });

  test('2020-12-31 is 2020-W53, as is 2021-01-03', () => {
    expect(isoWeekLabel('2020-12-31')).toBe('2020-W53');
    expect(isoWeekLabel('2021-01-01')).toBe('2020-W53');
    expect(isoWeekLabel('2021-01-03')).toBe('2020-W53');
    expect(isoWeekLabel('2021-01-04')).toBe('2021-W01');
  });

  test('late December can belong to week 1 of the next year', () => {
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(isoWeekLabel('2025-12-29')).toBe('2026-W01');
    expect(isoWeekLabel('2025-12-31')).toBe('2026-W01');
    expect(isoWeekLabel('2026-01-01')).toBe('2026-W01');
    expect(isoWeekLabel('2026-01-04')).toBe('2026-W01');
    expect(isoWeekLabel('2026-01-05')).toBe('2026-W02');
  });

  test('week numbers are zero-padded', () => {
    expect(isoWeekLabel('2026-03-02')).toBe('2026-W10');
    expect(isoWeekLabel('2026-02-23')).toBe('2026-W09');
  });
});

describe('monthKey / monthStart / monthEnd', () => {
  test('month key is YYYY-MM', () => {
    expect(monthKey('2026-11-22')).toBe('2026-11');
    expect(monthKey('2027-01-01')).toBe('2027-01');
  });

  test('start is the 1st, end is the last day', () => {
    expect(monthStart('2026-11-22')).toBe('2026-11-01');
    expect(monthEnd('2026-11-22')).toBe('2026-11-30');
    expect(monthStart('2026-11-01')).toBe('2026-11-01');
    expect(monthEnd('2026-11-30')).toBe('2026-11-30');
    expect(monthEnd('2026-01-01')).toBe('2026-01-31');
    expect(monthEnd('2026-04-15')).toBe('2026-04-30');
  });

  test('December ends on the 31st (the next month is in the next year)', () => {
    expect(monthStart('2026-12-31')).toBe('2026-12-01');
    expect(monthEnd('2026-12-01')).toBe('2026-12-31');
  });

  test('February: 28 days in 2026, 29 in 2028, 28 in 2100', () => {
    expect(monthEnd('2026-02-01')).toBe('2026-02-28');
    expect(monthEnd('2026-02-28')).toBe('2026-02-28');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2028-02-29')).toBe('2028-02-29');
    expect(monthStart('2028-02-29')).toBe('2028-02-01');
    expect(monthEnd('2100-02-01')).toBe('2100-02-28');
    expect(monthEnd('2000-02-01')).toBe('2000-02-29');
  });

  test('the month of 31st-of-month days does not overflow', () => {
    expect(monthEnd('2026-01-31')).toBe('2026-01-31');
    expect(monthEnd('2026-03-31')).toBe('2026-03-31');
    expect(monthEnd('2026-08-31')).toBe('2026-08-31');
  });
});
