/**
 * Profiles held in memory: what GET /api/me shows of a member — their current challenges with
 * streak, freezes and all-time figures, the results of the heatmap's days, today's row, the
 * covered days, and their badges — so a profile is answered without reading the store.
 *
 * Layout, chosen for memory and for the collector: per member one object and three exactly
 * sized typed arrays, whatever the number of challenges — the challenges' figures (FIELDS
 * numbers each), the days with a result of all challenges one after the other (day numbers of
 * domain/clubTime.ts, Uint16 until 2149) and their values (whole numbers over the member's
 * power of ten in an Int32Array when every value allows it — steps, or km with one decimal —
 * else Float64): 6–10 bytes a result, ~100 bytes a challenge, nothing inside for the garbage
 * collector to walk. `stats()` counts what is held.
 *
 * Kept exact by the read model's events (ReadModel.apply hands each one to `apply`): a
 * member's own submission or correction moves their held profile in place, a badge or an
 * earned freeze is added; any other change of theirs forgets them, and the next read loads
 * them again from the store. A load that overlaps a change of the same member is answered but
 * not kept. `loadAll` fills the memory in the background after start-up, a few hundred members
 * at a time.
 */
import type { BadgeRow } from '../db/repositories/badges';
import type { HeldProfileRows } from '../db/repositories/profiles';
import { addDays, dayKeyOf, dayNumber } from '../domain/clubTime';
import { ALL_TIME } from '../domain/periods';
import { hasLapsed } from '../domain/streak';
import type { DayKey } from '../../shared/types';
import type { ClubEvent } from './events';
import type { Store } from './store';

/** The days a profile's heatmap shows, today included. */
export const HEATMAP_DAYS = 84;

/** Where each figure of a challenge sits in a member's `figures` (FIELDS numbers a challenge). */
const CHALLENGE = 0;
const CURRENT = 1;
const BEST = 2;
const LAST_COUNTED = 3; // day number, -1: none
const FREEZES = 4;
const TOTAL = 5;
const DAYS = 6;
const LATEST_ID = 7;
const LATEST_DAY = 8; // day number, -1: none
const LATEST_AT = 9;
const FIRST = 10; // index of the challenge's first result in `resultDays`
const COUNT = 11;
const FIELDS = 12;

type Values = Int32Array | Float64Array;
const NONE: readonly never[] = [];

/** One current challenge of a held member, as read (a view: nothing here is kept). */
export interface HeldChallenge {
  challengeId: number;
  current: number;
  best: number;
  lastCountedDay: DayKey | null;
  freezes: number;
  /** All-time figures. */
  total: number;
  days: number;
  /**
   * The member's days with a result (day numbers) and their values, all challenges' runs one
   * after another; this challenge's run is `count` entries from `first`, days ascending. Read
   * by index, never through a view: a view (`subarray`) of a small typed array moves its
   * contents out of the collector's heap into a buffer of their own for good (measured: about
   * 0.9 KB more a member once read, ~90 MB once 100,000 members have opened their profile).
   */
  resultDays: Uint16Array;
  values: Values;
  /** Read a value with valueAt(): `values` holds whole numbers over `scale` (1 for doubles). */
  scale: number;
  first: number;
  count: number;
  /** The newest result's row as far as a correction needs it (shown when its day is today). */
  latestId: number;
  latestDay: DayKey | null;
  latestCreatedAt: number;
  /** Days covered by a streak freeze, ascending. */
  frozen: readonly DayKey[];
}

const INT32_MAX = 0x7fffffff;

/**
 * The smallest power of ten, up to 10^6, that makes `value` a whole number within Int32 and
 * gives it back exactly when divided again, or 0 when none does. Division is correctly
 * rounded, so `n / scale` is the very double the value was.
 */
export function scaleOf(value: number): number {
  for (let scale = 1; scale <= 1e6; scale *= 10) {
    const n = Math.round(value * scale);
    if (n / scale === value) return Math.abs(n) <= INT32_MAX ? scale : 0;
  }
  return 0;
}

/**
 * Values in the narrowest exact layout: whole numbers over one power of ten (Int32, 4 bytes a
 * value) when every value allows it, else doubles. Members with decimals (km, hours) held
 * Float64 before in most cases: 2.6 is not exact in a Float32.
 */
export function encodeValues(values: ArrayLike<number>): { values: Values; scale: number } {
  let scale = 1;
  for (let i = 0; i < values.length; i++) {
    const s = scaleOf(values[i]!);
    if (s === 0) return { values: Float64Array.from(values), scale: 1 };
    if (s > scale) scale = s;
  }
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const n = Math.round(values[i]! * scale);
    if (Math.abs(n) > INT32_MAX) return { values: Float64Array.from(values), scale: 1 };
    out[i] = n;
  }
  return { values: out, scale };
}

/** The value stored at `i`: the whole number over the scale (doubles have scale 1). */
export function valueAt(held: { values: Values; scale: number }, i: number): number {
  return held.values[i]! / held.scale;
}

/** `value` as the member's values store it (the whole number over their scale, or itself). */
function storedNumber(member: HeldMember, value: number): number {
  return member.values instanceof Int32Array ? Math.round(value * member.scale) : value;
}

/** Whether `value` goes into the member's values as they are laid out. */
function fitsLayout(member: HeldMember, value: number): boolean {
  if (member.values instanceof Float64Array) return true;
  const s = scaleOf(value);
  return s !== 0 && s <= member.scale && Math.abs(storedNumber(member, value)) <= INT32_MAX;
}

const dayOrNull = (n: number): DayKey | null => (n < 0 ? null : dayKeyOf(n));

/** Where `day` is in `days` between `from` and `to`, as an offset from `from`, or -1. */
function offsetOfDay(days: Uint16Array, from: number, to: number, day: number): number {
  for (let i = from; i < to; i++) if (days[i] === day) return i - from;
  return -1;
}

export class HeldMember {
  constructor(
    /** FIELDS numbers a current challenge, by challenge id. */
    public figures: Float64Array,
    public resultDays: Uint16Array,
    public values: Values,
    /** `values[i] / scale` is the value. */
    public scale: number,
    /** Covered days by challenge id (most members have none). */
    public frozen: ReadonlyMap<number, readonly DayKey[]> | null,
    /** Oldest first; replaced, never changed in place. */
    public badges: readonly BadgeRow[],
  ) {}

  get size(): number {
    return this.figures.length / FIELDS;
  }

  indexOf(challengeId: number): number {
    for (let i = 0; i < this.figures.length; i += FIELDS) if (this.figures[i + CHALLENGE] === challengeId) return i / FIELDS;
    return -1;
  }

  challenges(): HeldChallenge[] {
    const out: HeldChallenge[] = [];
    for (let i = 0; i < this.size; i++) {
      const f = (k: number) => this.figures[i * FIELDS + k]!;
      const first = f(FIRST);
      out.push({
        challengeId: f(CHALLENGE),
        current: f(CURRENT),
        best: f(BEST),
        lastCountedDay: dayOrNull(f(LAST_COUNTED)),
        freezes: f(FREEZES),
        total: f(TOTAL),
        days: f(DAYS),
        resultDays: this.resultDays,
        values: this.values,
        scale: this.scale,
        first,
        count: f(COUNT),
        latestId: f(LATEST_ID),
        latestDay: dayOrNull(f(LATEST_DAY)),
        latestCreatedAt: f(LATEST_AT),
        frozen: this.frozen?.get(f(CHALLENGE)) ?? NONE,
      });
    }
    return out;
  }
}

/** A member's rows while a load builds them, before they are packed. */
interface Building {
  figures: number[];
  days: number[];
  values: number[];
  frozen: Map<number, DayKey[]> | null;
  badges: BadgeRow[];
}

export class HeldProfiles {
  private readonly members = new Map<number, HeldMember>();
  private readonly loading = new Map<number, Promise<HeldMember>>();
  /** Moves on every change; `touched` keeps, while loads run, the tick of each member's last change. */
  private tick = 0;
  private readonly touched = new Map<number, number>();
  /** The tick of the last change that concerned every member. */
  private everyoneTouchedAt = 0;
  private loadsRunning = 0;
  private stopped = false;
  /** Set once `loadAll` went through every member. */
  loaded = false;

  /** `windowDays`: the days back from today a profile shows (its heatmap). */
  constructor(
    private readonly store: Store,
    private readonly windowDays = HEATMAP_DAYS,
  ) {}

  /** The first day shown on `today`. */
  since(today: DayKey): DayKey {
    return addDays(today, -(this.windowDays - 1));
  }

  /** The member's held profile, loaded from the store on a miss. */
  of(userId: number, today: DayKey): Promise<HeldMember> {
    const held = this.members.get(userId);
    if (held) return Promise.resolve(held);
    let load = this.loading.get(userId);
    if (!load) {
      load = this.loadOne(userId, today).finally(() => this.loading.delete(userId));
      this.loading.set(userId, load);
    }
    return load;
  }

  private async loadOne(userId: number, today: DayKey): Promise<HeldMember> {
    const started = this.begin();
    try {
      const rows = await this.store.repos.profiles.heldProfileRows(userId, userId, this.since(today), today);
      const member = this.build(rows, today).get(userId) ?? new HeldMember(new Float64Array(0), new Uint16Array(0), new Int32Array(0), 1, null, NONE);
      if (this.unchangedSince(userId, started)) this.members.set(userId, member);
      return member;
    } finally {
      this.end();
    }
  }

  /**
   * Loads every member's profile, `chunk` member ids at a time with a pause between (requests
   * go on meanwhile). Members already held, or changed while their chunk was read, are left
   * to the next read. Answers how many were loaded.
   */
  async loadAll(today: () => DayKey, options: { chunk?: number; pause?: () => Promise<void> } = {}): Promise<number> {
    const chunk = options.chunk ?? 500;
    const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 1)));
    const bounds = await this.store.repos.profiles.memberIdBounds();
    let loaded = 0;
    for (let from = bounds?.min ?? 1; bounds && from <= bounds.max && !this.stopped; from += chunk) {
      const day = today();
      const started = this.begin();
      try {
        const rows = await this.store.repos.profiles.heldProfileRows(from, from + chunk - 1, this.since(day), day);
        for (const [userId, member] of this.build(rows, day)) {
          if (this.members.has(userId) || !this.unchangedSince(userId, started)) continue;
          this.members.set(userId, member);
          loaded++;
        }
      } catch (error) {
        if (this.stopped) break; // the store closed under the read
        throw error;
      } finally {
        this.end();
      }
      await pause();
    }
    if (!this.stopped) this.loaded = true;
    return loaded;
  }

  /** Ends a running `loadAll` after its current chunk (the store is closing). */
  stop(): void {
    this.stopped = true;
  }

  /** Applies one committed change (called by ReadModel.apply, in commit order). */
  apply(event: ClubEvent): void {
    switch (event.type) {
      case 'result.stored':
        if (!event.result || !this.place(event)) this.forget(event.userId);
        return;
      case 'badge.earned':
        return this.addBadge(event);
      case 'freezes.changed':
        // Earned or granted: only the count moved. Used or given back: the streak's last day
        // moved too, which the event does not carry — read the member again.
        if (event.reason === 'earned' || event.reason === 'granted') return this.setFreezes(event.userId, event.challengeId, event.freezes);
        return this.forget(event.userId);
      case 'result.deleted':
      case 'membership.changed':
      case 'ban.changed':
      case 'streak.set':
        return this.forget(event.userId);
      case 'streaks.lapsed': {
        this.touchEveryone();
        const yesterday = event.yesterday;
        for (const member of this.members.values()) {
          const f = member.figures;
          for (let i = 0; i < f.length; i += FIELDS) {
            const streak = { current: f[i + CURRENT]!, best: f[i + BEST]!, lastCountedDay: dayOrNull(f[i + LAST_COUNTED]!) };
            if (hasLapsed(streak, yesterday)) f[i + CURRENT] = 0;
          }
        }
        return;
      }
      default:
        return; // names, photos, settings and challenges are not held here
    }
  }

  /** Forgets a member (their next read loads them again). */
  forget(userId: number): void {
    this.members.delete(userId);
    this.touch(userId);
  }

  /** Forgets everyone. */
  forgetAll(): void {
    this.members.clear();
    this.touchEveryone();
  }

  /** What is held, to report its memory. */
  stats(): { members: number; challenges: number; results: number } {
    let challenges = 0;
    let results = 0;
    for (const m of this.members.values()) {
      challenges += m.size;
      results += m.resultDays.length;
    }
    return { members: this.members.size, challenges, results };
  }

  /** A held member's badges stay in the store's order: by time, then code. */
  private addBadge(event: Extract<ClubEvent, { type: 'badge.earned' }>): void {
    this.touch(event.userId);
    const member = this.members.get(event.userId);
    if (!member) return;
    const row: BadgeRow = { userId: event.userId, code: event.code, challengeId: event.challengeId ?? 0, earnedAt: event.earnedAt };
    const later = member.badges.findIndex((b) => b.earnedAt > row.earnedAt || (b.earnedAt === row.earnedAt && b.code > row.code));
    const at = later < 0 ? member.badges.length : later;
    member.badges = [...member.badges.slice(0, at), row, ...member.badges.slice(at)];
  }

  private setFreezes(userId: number, challengeId: number, freezes: number): void {
    this.touch(userId);
    const member = this.members.get(userId);
    const i = member ? member.indexOf(challengeId) : -1;
    if (i >= 0) member!.figures[i * FIELDS + FREEZES] = freezes;
    else this.members.delete(userId); // not held as a current challenge: read again
  }

  /** Notes a change of the member for the loads under way (they must not keep what they read). */
  private touch(userId: number): void {
    if (this.loadsRunning > 0) this.touched.set(userId, ++this.tick);
  }

  /** Moves a held member for their own new result; false when the challenge is not held as theirs. */
  private place(event: Extract<ClubEvent, { type: 'result.stored' }>): boolean {
    this.touch(event.userId);
    const member = this.members.get(event.userId);
    if (!member) return true; // not held: nothing to move
    const i = member.indexOf(event.challengeId);
    const all = event.figures.find((f) => f.kind === ALL_TIME.kind);
    const r = event.result!;
    if (i < 0 || !all) return false;
    const f = member.figures;
    const at = i * FIELDS;
    const day = dayNumber(r.day);
    const first = f[at + FIRST]!;
    const count = f[at + COUNT]!;
    const existing = offsetOfDay(member.resultDays, first, first + count, day);
    // A corrected day keeps its slot unless the new value does not fit the values' layout.
    if (existing >= 0 && fitsLayout(member, r.value)) member.values[first + existing] = storedNumber(member, r.value);
    else this.replaceResults(member, i, day, r.value);
    if (f[at + LATEST_DAY]! <= day) {
      f[at + LATEST_ID] = r.id;
      f[at + LATEST_DAY] = day;
      f[at + LATEST_AT] = r.createdAt;
    }
    f[at + CURRENT] = r.streak.current;
    f[at + BEST] = r.streak.best;
    f[at + LAST_COUNTED] = r.streak.lastCountedDay === null ? -1 : dayNumber(r.streak.lastCountedDay);
    f[at + TOTAL] = all.total;
    f[at + DAYS] = all.days;
    return true;
  }

  /**
   * New arrays for the member with `value` on `day` in challenge `i`, its days that left the
   * window dropped (a member held for months keeps only what is shown). The challenges' runs
   * lie one after another in their order (as `build` lays them out), so the new arrays are the
   * old ones copied in three slices around challenge `i`'s kept days.
   */
  private replaceResults(member: HeldMember, i: number, day: number, value: number): void {
    const f = member.figures;
    let start = 0;
    for (let c = 0; c < i; c++) start += f[c * FIELDS + COUNT]!;
    const end = start + f[i * FIELDS + COUNT]!;
    const old = member.resultDays;
    const oldValues = member.values;
    const since = day - (this.windowDays - 1);
    let kept = start; // the first day still in the window
    while (kept < end && old[kept]! < since) kept++;
    let at = kept; // where `day` goes
    while (at < end && old[at]! < day) at++;
    const after = at < end && old[at] === day ? at + 1 : at; // a day already there is replaced
    const length = old.length - (kept - start) - (after - at) + 1;
    const days = new Uint16Array(length);
    // The stored numbers are copied as they are when `value` fits the member's layout; else
    // every value is decoded here and laid out anew below (a new decimal place, or doubles).
    const fits = fitsLayout(member, value);
    const values: Values = fits && oldValues instanceof Int32Array ? new Int32Array(length) : new Float64Array(length);
    let w = 0;
    const copy = (from: number, to: number) => {
      for (let i = from; i < to; i++, w++) {
        days[w] = old[i]!;
        values[w] = fits ? oldValues[i]! : valueAt(member, i); // member.values is still oldValues
      }
    };
    copy(0, start);
    copy(kept, at);
    days[w] = day;
    values[w++] = fits ? storedNumber(member, value) : value;
    copy(after, old.length);
    f[i * FIELDS + COUNT] = f[i * FIELDS + COUNT]! - (kept - start) - (after - at) + 1;
    for (let c = 0, first = 0; c < member.size; c++) {
      f[c * FIELDS + FIRST] = first;
      first += f[c * FIELDS + COUNT]!;
    }
    member.resultDays = days;
    if (fits) {
      member.values = values;
    } else {
      ({ values: member.values, scale: member.scale } = encodeValues(values));
    }
  }

  private build(rows: HeldProfileRows, today: DayKey): Map<number, HeldMember> {
    const building = new Map<number, Building>();
    const of = (userId: number): Building => {
      let b = building.get(userId);
      if (!b) building.set(userId, (b = { figures: [], days: [], values: [], frozen: null, badges: [] }));
      return b;
    };
    const indexIn = (b: Building | undefined, challengeId: number) => {
      if (b) for (let i = 0; i < b.figures.length; i += FIELDS) if (b.figures[i + CHALLENGE] === challengeId) return i;
      return -1;
    };
    for (const m of rows.memberships) {
      const lastCounted = m.lastCountedDay === null ? -1 : dayNumber(m.lastCountedDay);
      of(m.userId).figures.push(m.challengeId, m.currentStreak, m.bestStreak, lastCounted, m.freezes, m.total, m.days, 0, -1, 0, 0, 0);
    }
    // Results come by member, challenge (ascending, as the memberships) and day: each
    // challenge's results are one run, in the order of the member's challenges.
    for (const [userId, challengeId, day, value] of rows.results) {
      const b = building.get(userId);
      const at = indexIn(b, challengeId);
      if (at < 0) continue; // a challenge the member left
      if (b!.figures[at + COUNT] === 0) b!.figures[at + FIRST] = b!.days.length;
      b!.figures[at + COUNT] = b!.figures[at + COUNT]! + 1;
      b!.days.push(dayNumber(day));
      b!.values.push(value);
    }
    const todayNumber = dayNumber(today);
    for (const t of rows.todays) {
      const b = building.get(t.userId);
      const at = indexIn(b, t.challengeId);
      if (at < 0) continue;
      b!.figures[at + LATEST_ID] = t.id;
      b!.figures[at + LATEST_DAY] = todayNumber;
      b!.figures[at + LATEST_AT] = t.createdAt;
    }
    for (const fd of rows.freezeDays) {
      const b = building.get(fd.userId);
      if (indexIn(b, fd.challengeId) < 0) continue;
      b!.frozen ??= new Map();
      b!.frozen.set(fd.challengeId, [...(b!.frozen.get(fd.challengeId) ?? []), fd.day]);
    }
    for (const badge of rows.badges) of(badge.userId).badges.push(badge);
    const out = new Map<number, HeldMember>();
    for (const [userId, b] of building) {
      const { values, scale } = encodeValues(b.values);
      out.set(userId, new HeldMember(Float64Array.from(b.figures), Uint16Array.from(b.days), values, scale, b.frozen, b.badges.length > 0 ? b.badges : NONE));
    }
    return out;
  }

  private begin(): number {
    this.loadsRunning++;
    return ++this.tick;
  }

  private end(): void {
    if (--this.loadsRunning === 0) this.touched.clear();
  }

  private unchangedSince(userId: number, started: number): boolean {
    return this.everyoneTouchedAt < started && (this.touched.get(userId) ?? 0) < started;
  }

  private touchEveryone(): void {
    this.everyoneTouchedAt = ++this.tick;
  }
}
