/**
 * Profiles held in memory: what GET /api/me shows of a member — their current challenges with
 * streak, freezes and all-time figures, the results of the heatmap's days, today's row, the
 * covered days, and their badges — so a profile is answered without reading the store.
 *
 * Layout, chosen for memory and for the collector: per member one small object; per challenge
 * one object with two exactly sized typed arrays holding only the days with a result — the day
 * as a day number (domain/clubTime.ts dayNumber; Uint16 holds days until 2149) and its value (Float64): 10 bytes a result, and
 * nothing inside for the garbage collector to walk. `stats()` counts what is held.
 *
 * Kept exact by the read model's events (ReadModel.apply hands each one to `apply`): a
 * member's own submission or correction moves their held challenge in place, a badge or a
 * freeze earned is added; any other change of theirs forgets them, and the next read loads
 * them again from the store. A load that
 * overlaps a change of the same member is answered but not kept. `loadAll` fills the memory in
 * the background after start-up, a few hundred members at a time.
 */
import type { BadgeRow } from '../db/repositories/badges';
import type { HeldProfileRows } from '../db/repositories/profiles';
import { addDays, dayNumber } from '../domain/clubTime';
import { ALL_TIME } from '../domain/periods';
import { hasLapsed } from '../domain/streak';
import type { DayKey } from '../../shared/types';
import type { ClubEvent } from './events';
import type { Store } from './store';

/** A current challenge of a held member. Days are ascending; only days with a result are kept. */
/** The days a profile's heatmap shows, today included. */
export const HEATMAP_DAYS = 84;

const NO_DAYS = new Uint16Array(0);
const NO_VALUES = new Float64Array(0);
const NO_FROZEN: DayKey[] = [];


export class HeldChallenge {
  current = 0;
  best = 0;
  lastCountedDay: DayKey | null = null;
  freezes = 0;
  /** All-time figures. */
  total = 0;
  days = 0;
  /** Day numbers (dayNumber) of the days with a result, ascending, and their values. */
  resultDays: Uint16Array = NO_DAYS;
  values: Float64Array = NO_VALUES;
  /** The newest result's row as far as a correction needs it (shown when its day is today). */
  latestId = 0;
  latestDay: DayKey | null = null;
  latestCreatedAt = 0;
  /** Days covered by a streak freeze, ascending (shared empty array for most). */
  frozen: DayKey[] = NO_FROZEN;
  constructor(readonly challengeId: number) {}
}

export interface HeldMember {
  /** By challenge id. */
  challenges: HeldChallenge[];
  /** Oldest first; replaced, never changed in place. */
  badges: BadgeRow[];
}

export class HeldProfiles {
  private readonly members = new Map<number, HeldMember>();
  private readonly loading = new Map<number, Promise<HeldMember>>();
  private readonly dayStrings = new Map<string, DayKey>();
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
      const member = this.build(rows, today).get(userId) ?? { challenges: [], badges: [] };
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
      case 'streaks.lapsed':
        this.touchEveryone();
        for (const member of this.members.values()) {
          for (const c of member.challenges) if (hasLapsed({ current: c.current, best: c.best, lastCountedDay: c.lastCountedDay }, event.yesterday)) c.current = 0;
        }
        return;
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
      challenges += m.challenges.length;
      for (const c of m.challenges) results += c.resultDays.length;
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
    const c = this.members.get(userId)?.challenges.find((x) => x.challengeId === challengeId);
    if (c) c.freezes = freezes;
    else this.members.delete(userId); // not held as a current challenge: read again
  }

  /** Notes a change of the member for the loads under way (they must not keep what they read). */
  private touch(userId: number): void {
    if (this.loadsRunning > 0) this.touched.set(userId, ++this.tick);
  }

  /** Moves a held challenge for the member's own new result; false when it is not held as one. */
  private place(event: Extract<ClubEvent, { type: 'result.stored' }>): boolean {
    this.touch(event.userId);
    const member = this.members.get(event.userId);
    if (!member) return true; // not held: nothing to move
    const c = member.challenges.find((x) => x.challengeId === event.challengeId);
    const all = event.figures.find((f) => f.kind === ALL_TIME.kind);
    const r = event.result!;
    if (!c || !all) return false;
    const day = dayNumber(r.day);
    const at = c.resultDays.indexOf(day);
    if (at >= 0) c.values[at] = r.value;
    else {
      // New arrays, exactly sized; days that left the window go, so a member held for months
      // keeps only what is shown.
      const since = day - (this.windowDays - 1);
      const days: number[] = [];
      const values: number[] = [];
      let placed = false;
      for (let i = 0; i <= c.resultDays.length; i++) {
        const d = i < c.resultDays.length ? c.resultDays[i]! : Infinity;
        if (!placed && d > day) {
          days.push(day);
          values.push(r.value);
          placed = true;
        }
        if (i < c.resultDays.length && d >= since) {
          days.push(d);
          values.push(c.values[i]!);
        }
      }
      c.resultDays = Uint16Array.from(days);
      c.values = Float64Array.from(values);
    }
    if (c.latestDay === null || c.latestDay <= r.day) {
      c.latestId = r.id;
      c.latestDay = this.intern(r.day);
      c.latestCreatedAt = r.createdAt;
    }
    c.current = r.streak.current;
    c.best = r.streak.best;
    c.lastCountedDay = r.streak.lastCountedDay;
    c.total = all.total;
    c.days = all.days;
    return true;
  }

  private build(rows: HeldProfileRows, today: DayKey): Map<number, HeldMember> {
    const out = new Map<number, HeldMember>();
    const memberOf = (userId: number): HeldMember => {
      let m = out.get(userId);
      if (!m) out.set(userId, (m = { challenges: [], badges: [] }));
      return m;
    };
    const find = (userId: number, challengeId: number) => out.get(userId)?.challenges.find((c) => c.challengeId === challengeId);
    for (const row of rows.memberships) {
      const c = new HeldChallenge(row.challengeId);
      c.current = row.currentStreak;
      c.best = row.bestStreak;
      c.lastCountedDay = row.lastCountedDay === null ? null : this.intern(row.lastCountedDay);
      c.freezes = row.freezes;
      c.total = row.total;
      c.days = row.days;
      memberOf(row.userId).challenges.push(c);
    }
    // Rows come by member, challenge and day: each run of one member's challenge fills its arrays.
    const results = rows.results;
    for (let start = 0; start < results.length; ) {
      const [userId, challengeId] = results[start]!;
      let end = start + 1;
      while (end < results.length && results[end]![0] === userId && results[end]![1] === challengeId) end++;
      const c = find(userId, challengeId);
      if (c) {
        c.resultDays = new Uint16Array(end - start);
        c.values = new Float64Array(end - start);
        for (let i = start; i < end; i++) {
          c.resultDays[i - start] = dayNumber(results[i]![2]);
          c.values[i - start] = results[i]![3];
        }
      } // else: a challenge the member left
      start = end;
    }
    for (const t of rows.todays) {
      const c = find(t.userId, t.challengeId);
      if (!c) continue;
      c.latestId = t.id;
      c.latestDay = this.intern(today);
      c.latestCreatedAt = t.createdAt;
    }
    for (const f of rows.freezeDays) {
      const c = find(f.userId, f.challengeId);
      if (c) c.frozen = [...c.frozen, this.intern(f.day)];
    }
    for (const b of rows.badges) memberOf(b.userId).badges.push(b);
    return out;
  }

  private intern(day: DayKey): DayKey {
    const known = this.dayStrings.get(day);
    if (known !== undefined) return known;
    this.dayStrings.set(day, day);
    return day;
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
