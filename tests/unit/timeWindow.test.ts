import { describe, expect, test } from 'bun:test';
import { isInsideWindow, isWindowOpenAt, minutesOf } from '../../server/domain/timeWindow';
import { formatWindow } from '../../shared/timeWindow';

const TASHKENT = 'Asia/Tashkent';
const EVENING = { start: '21:00', end: '23:59' };
const hms = (h: number, m: number, s: number) => h * 3600 + m * 60 + s;

describe('minutesOf', () => {
  test('HH:MM to minutes since midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('00:01')).toBe(1);
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('21:00')).toBe(1260);
    expect(minutesOf('23:59')).toBe(1439);
  });
});

describe('isInsideWindow', () => {
  test('null window is always open', () => {
    expect(isInsideWindow(null, 0)).toBe(true);
    expect(isInsideWindow(null, hms(12, 0, 0))).toBe(true);
    expect(isInsideWindow(null, 86399)).toBe(true);
  });

  test('21:00–23:59 includes 21:00:00 and 23:59:59', () => {
    expect(isInsideWindow(EVENING, hms(21, 0, 0))).toBe(true);
    expect(isInsideWindow(EVENING, hms(22, 30, 0))).toBe(true);
    expect(isInsideWindow(EVENING, hms(23, 59, 0))).toBe(true);
    expect(isInsideWindow(EVENING, hms(23, 59, 59))).toBe(true);
  });

  test('21:00–23:59 excludes 20:59:59 and 00:00:00', () => {
    expect(isInsideWindow(EVENING, hms(20, 59, 59))).toBe(false);
    expect(isInsideWindow(EVENING, 0)).toBe(false);
    expect(isInsideWindow(EVENING, hms(12, 0, 0))).toBe(false);
  });

  test('the end minute is inclusive to its last second, not beyond', () => {
    const w = { start: '06:00', end: '08:30' };
    expect(isInsideWindow(w, hms(5, 59, 59))).toBe(false);
    expect(isInsideWindow(w, hms(6, 0, 0))).toBe(true);
    expect(isInsideWindow(w, hms(8, 30, 59))).toBe(true);
    expect(isInsideWindow(w, hms(8, 31, 0))).toBe(false);
  });

  test('a window from midnight', () => {
    const w = { start: '00:00', end: '00:59' };
    expect(isInsideWindow(w, 0)).toBe(true);
    expect(isInsideWindow(w, hms(0, 59, 59))).toBe(true);
    expect(isInsideWindow(w, hms(1, 0, 0))).toBe(false);
    expect(isInsideWindow(w, 86399)).toBe(false);
  });
});

describe('isWindowOpenAt with real instants in Asia/Tashkent', () => {
  test('null window is open at any instant', () => {
    expect(isWindowOpenAt(null, new Date('2026-11-22T19:00:00Z'), TASHKENT)).toBe(true);
    expect(isWindowOpenAt(null, new Date('2026-11-22T03:00:00Z'), TASHKENT)).toBe(true);
  });

  test('21:00 Tashkent is 16:00Z', () => {
    expect(isWindowOpenAt(EVENING, new Date('2026-11-22T15:59:59Z'), TASHKENT)).toBe(false);
    expect(isWindowOpenAt(EVENING, new Date('2026-11-22T16:00:00Z'), TASHKENT)).toBe(true);
  });

  test('23:59:59 Tashkent (18:59:59Z) is open; 00:00:00 (19:00:00Z) is closed', () => {
    expect(isWindowOpenAt(EVENING, new Date('2026-11-22T18:59:59Z'), TASHKENT)).toBe(true);
    expect(isWindowOpenAt(EVENING, new Date('2026-11-22T19:00:00Z'), TASHKENT)).toBe(false);
  });

  test('the window follows the club zone, not UTC', () => {
    // 21:30Z is inside 21:00–23:59 in UTC but is 02:30 in Tashkent
    const instant = new Date('2026-11-22T21:30:00Z');
    expect(isWindowOpenAt(EVENING, instant, 'UTC')).toBe(true);
    expect(isWindowOpenAt(EVENING, instant, TASHKENT)).toBe(false);
  });

  test('in a DST zone the same window maps to different UTC hours', () => {
    const w = { start: '21:00', end: '21:59' };
    // Berlin winter: 21:00 CET = 20:00Z; summer: 21:00 CEST = 19:00Z
    expect(isWindowOpenAt(w, new Date('2026-01-15T20:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isWindowOpenAt(w, new Date('2026-01-15T19:00:00Z'), 'Europe/Berlin')).toBe(false);
    expect(isWindowOpenAt(w, new Date('2026-07-15T19:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(isWindowOpenAt(w, new Date('2026-07-15T20:00:00Z'), 'Europe/Berlin')).toBe(false);
  });
});

describe('formatWindow', () => {
  test('start–end with an en dash', () => {
    expect(formatWindow(EVENING)).toBe('21:00–23:59');
    expect(formatWindow({ start: '06:00', end: '08:30' })).toBe('06:00–08:30');
  });
});
