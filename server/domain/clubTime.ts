/**
 * The club's calendar: club day, ISO week and month of an instant in the club time zone.
 * Pure functions; the instant is always passed in.
 */
import type { DayKey } from '../../shared/types';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalDateTime {
  day: DayKey;
  /** Seconds since local midnight, 0..86399. */
  secondOfDay: number;
}

/** The last answer per zone: most calls in a busy second ask about the same second. */
const lastAnswer = new Map<string, { second: number; value: LocalDateTime }>();

/** The wall-clock date and time of `instant` in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const second = Math.floor(instant.getTime() / 1000);
  const last = lastAnswer.get(timeZone);
  if (last && last.second === second) return last.value;
  const value = formatLocal(instant, timeZone);
  lastAnswer.set(timeZone, { second, value });
  return value;
}

function formatLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const secondOfDay = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  return { day, secondOfDay };
}

export function clubDay(instant: Date, timeZone: string): DayKey {
  return localDateTime(instant, timeZone).day;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// ---- calendar arithmetic on day keys (time-zone free) ----

function toUtcDate(day: DayKey): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromUtcDate(d: Date): DayKey {
  return d.toISOString().slice(0, 10);
}

const dayNumbers = new Map<string, number>();
const dayKeys = new Map<number, DayKey>();

/**
 * Days since 1970-01-01 of a day key. Remembered: streaks, profiles and periods ask about the
 * same few hundred days all day long, and parsing a date costs more than the arithmetic.
 */
export function dayNumber(day: DayKey): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.round(toUtcDate(day).getTime() / 86_400_000);
    if (dayNumbers.size >= 20_000) dayNumbers.clear(); // bounded, whatever days are asked
    dayNumbers.set(day, n);
  }
  return n;
}

/** The day key of a day number (dayNumber's inverse), remembered likewise. */
export function dayKeyOf(n: number): DayKey {
  let day = dayKeys.get(n);
  if (day === undefined) {
    day = fromUtcDate(new Date(n * 86_400_000));
    if (dayKeys.size >= 20_000) dayKeys.clear();
    dayKeys.set(n, day);
  }
  return day;
}

export function addDays(day: DayKey, n: number): DayKey {
  return dayKeyOf(dayNumber(day) + n);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: DayKey, b: DayKey): number {
  return dayNumber(b) - dayNumber(a);
}

/** Monday of the ISO week containing `day`. */
export function weekStart(day: DayKey): DayKey {
  const weekday = toUtcDate(day).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function weekEnd(day: DayKey): DayKey {
  return addDays(weekStart(day), 6);
}

/** "YYYY-MM" */
export function monthKey(day: DayKey): string {
  return day.slice(0, 7);
}

export function monthStart(day: DayKey): DayKey {
  return `${day.slice(0, 7)}-01`;
}

export function monthEnd(day: DayKey): DayKey {
  const d = toUtcDate(monthStart(day));
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return fromUtcDate(d);
}

/** ISO week label such as "2026-W48" (for people; storage uses the Monday). */
export function isoWeekLabel(day: DayKey): string {
  const monday = toUtcDate(weekStart(day));
  const thursday = new Date(monday);
  thursday.setUTCDate(monday.getUTCDate() + 3);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = toUtcDate(weekStart(fromUtcDate(jan4)));
  const week = Math.round((monday.getTime() - week1Monday.getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Recent answers of dayStartMs per zone and day: a submission asks for today's on every call. */
const dayStarts = new Map<string, number>();

/**
 * The instant a club day starts in `timeZone` (filters by day over stored instants); two
 * passes settle any offset change.
 */
export function dayStartMs(day: DayKey, timeZone: string): number {
  const key = `${timeZone}|${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    if (dayStarts.size >= 1024) dayStarts.clear();
    start = computeDayStart(day, timeZone);
    dayStarts.set(key, start);
  }
  return start;
}

function computeDayStart(day: DayKey, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const local = localDateTime(new Date(guess), timeZone);
    const [ly, lm, ld] = local.day.split('-').map(Number) as [number, number, number];
    const localWall = Date.UTC(ly, lm - 1, ld) + local.secondOfDay * 1000;
    guess += wall - localWall;
  }
  return guess;
}

