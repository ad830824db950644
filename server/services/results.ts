/**
 * Closing a week or month: the full ranking of each challenge is written to weekly_results /
 * monthly_results exactly once, then the top 3 are announced once per challenge.
 *
 * Two records make this safe across crashes, restarts and two processes, both in job_runs:
 * `<kind>-results` / period — claimed in the same IMMEDIATE transaction that writes the rows
 * (the rows' unique key backs it up) — and `<kind>-announce` / "period:challenge", claimed just
 * before the announcement is sent. A crash between the two leaves the announcement pending, so
 * the next run (or the start-up catch-up) sends it.
 */
import type { Recipient } from '../db/repositories/reminders';
import { clubDay } from '../domain/clubTime';
import { KIND_OF_TYPE } from '../domain/periods';
import { lastClosedPeriod, periodBefore, periodRange, type ResultKind } from '../domain/schedule';
import { write, type ServiceContext } from './context';
import { textsByLanguage } from './mappers';
import { awardPodium } from './milestones';
import type { Language } from '../../shared/schemas';

const resultsJob = (kind: ResultKind) => `${kind}-results`;
const announceJob = (kind: ResultKind) => `${kind}-announce`;

export interface ClosedPeriod {
  kind: ResultKind;
  period: string;
  /** False when this period had been closed before (nothing written now). */
  closedNow: boolean;
  /** Rows written now, per challenge id. */
  written: Record<number, number>;
}

export function closePeriod(ctx: ServiceContext, kind: ResultKind, period: string, at: Date): Promise<ClosedPeriod> {
  return write(ctx, async (tx, emit) => {
    const written: Record<number, number> = {};
    const pending = { kind, period, closedNow: false, written };
    if (await tx.jobs.findJobRun(resultsJob(kind), period)) return pending;
    const periodKind = KIND_OF_TYPE[kind];
    for (const challengeId of await tx.jobs.challengesWithTotals(periodKind, period)) {
      const ranking = await tx.leaderboard.allTotals(challengeId, { kind: periodKind, key: period });
      written[challengeId] = await tx.results.insertResults(
        kind,
        ranking.map((r, i) => ({ challengeId, period, rank: i + 1, userId: r.userId, total: r.total, days: r.days })),
        at.getTime(),
      );
      // The top 3 earn the podium badge (once per member and challenge).
      await awardPodium(tx, emit, kind, challengeId, ranking.slice(0, 3).map((r, i) => ({ rank: i + 1, userId: r.userId })), at.getTime());
    }
    await tx.jobs.claimJobRun(resultsJob(kind), period, at.getTime(), JSON.stringify({ written }));
    return { ...pending, closedNow: true };
  });
}

/**
 * Periods not yet closed, newest first: from `lastClosed` back until one that was closed (or
 * `maxBack` periods), so a long stop is caught up without reaching into ancient history.
 */
export async function unclosedPeriods(ctx: ServiceContext, kind: ResultKind, lastClosed: string, maxBack: number): Promise<string[]> {
  const keys = Array.from({ length: maxBack }, (_, i) => periodBefore(kind, lastClosed, i));
  const done = await ctx.store.repos.jobs.jobRunKeys(resultsJob(kind), keys);
  const out: string[] = [];
  for (const key of keys) {
    if (done.has(key)) break;
    out.push(key);
  }
  return out;
}

export interface Announcement {
  kind: ResultKind;
  period: string;
  from: string;
  to: string;
  challenge: { id: number; title: string; emoji: string; unit: string; texts: Record<Language, { title: string; unit: string }> };
  top: { rank: number; userId: number; displayName: string; total: number; days: number }[];
}

/** Challenges of a closed period whose winners have not been announced (or skipped) yet. */
export async function pendingAnnouncements(ctx: ServiceContext, kind: ResultKind, period: string): Promise<Announcement[]> {
  const top = await ctx.store.repos.results.listResults(kind, { periods: [period], maxRank: 3, limit: 100_000 });
  const byChallenge = new Map<number, Announcement['top']>();
  for (const r of top) {
    const list = byChallenge.get(r.challengeId) ?? [];
    list.push({ rank: r.rank, userId: r.userId, displayName: r.displayName, total: r.total, days: r.days });
    byChallenge.set(r.challengeId, list);
  }
  const keys = [...byChallenge.keys()].map((id) => `${period}:${id}`);
  const done = await ctx.store.repos.jobs.jobRunKeys(announceJob(kind), keys);
  const { from, to } = periodRange(kind, period);
  const out: Announcement[] = [];
  for (const [challengeId, rows] of byChallenge) {
    if (done.has(`${period}:${challengeId}`)) continue;
    const c = await ctx.readModel.challenge(challengeId);
    if (!c) continue;
    out.push({
      kind,
      period,
      from,
      to,
      challenge: { id: c.id, title: c.title, emoji: c.emoji, unit: c.unit, texts: textsByLanguage(c) },
      top: rows.sort((a, b) => a.rank - b.rank),
    });
  }
  return out.sort((a, b) => a.challenge.id - b.challenge.id);
}

/**
 * Claims the announcement of one challenge's winners ("record then send"); false when another
 * run took it. `outcome` is stored for operators ("sent", "skipped: stale period", …).
 */
export function claimAnnouncement(ctx: ServiceContext, kind: ResultKind, period: string, challengeId: number, at: Date, outcome: string): Promise<boolean> {
  return ctx.store.repos.jobs.claimJobRun(announceJob(kind), `${period}:${challengeId}`, at.getTime(), outcome);
}

/** Who hears a challenge's announcement: its reachable, registered, non-banned members. */
export function announcementAudience(ctx: ServiceContext, challengeId: number): Promise<Recipient[]> {
  return ctx.store.repos.reminders.challengeAudience(challengeId);
}

/** The week (its Monday) or month that closed last before the club day of `at`. */
export function periodToClose(ctx: ServiceContext, kind: ResultKind, at: Date): string {
  return lastClosedPeriod(kind, clubDay(at, ctx.timeZone));
}
