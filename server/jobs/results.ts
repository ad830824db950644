/** weekly-results (Monday 00:05) and monthly-results (the 1st, 00:10): write, then announce. */
import { leaderboardButtonText, winnersText } from '../../shared/i18n/jobs';
import type { ResultKind } from '../domain/schedule';
import { postPeriodWinners } from './clubChat';
import { appButton, deliverAll } from './deliver';
import type { Job, JobDeps, JobSummary } from './types';

export interface CloseOptions {
  /** False for older periods found by the catch-up: written, announcement skipped (stale news). */
  announce: boolean;
}

/** Closes one period (idempotent) and announces whatever of it is still unannounced. */
export async function closeAndAnnounce(
  deps: JobDeps,
  kind: ResultKind,
  period: string,
  now: Date,
  opts: CloseOptions = { announce: true },
): Promise<{ lines: string[]; counts: Record<string, number> }> {
  const { results } = deps.services;
  const label = `${kind === 'weekly' ? 'week' : 'month'} ${period}`;
  const closed = await results.closePeriod(kind, period, now);
  const written = Object.values(closed.written).reduce((a, b) => a + b, 0);
  const lines = [
    closed.closedNow
      ? `${label}: wrote ${written} result row(s) for ${Object.keys(closed.written).length} challenge(s)`
      : `${label}: results were already written before — nothing written`,
  ];
  const counts = { written, announced: 0, sent: 0, blocked: 0, failed: 0 };
  for (const a of await results.pendingAnnouncements(kind, period)) {
    const name = `#${a.challenge.id} ${a.challenge.title}`;
    if (!opts.announce) {
      if (await results.claimAnnouncement(kind, period, a.challenge.id, now, 'skipped: caught up late')) {
        lines.push(`${label} ${name}: winners not announced (older period caught up late)`);
      }
      continue;
    }
    if (!deps.messenger) {
      lines.push(`${label} ${name}: bot is off — winners not announced`);
      continue;
    }
    if (!(await results.claimAnnouncement(kind, period, a.challenge.id, now, 'sent'))) continue;
    const messages = (await results.announcementAudience(a.challenge.id)).map((r) => ({
      telegramId: r.telegramId,
      message: {
        chatId: r.telegramId,
        text: winnersText(r.language, {
          kind,
          period,
          from: a.from,
          to: a.to,
          emoji: a.challenge.emoji,
          title: a.challenge.texts[r.language].title,
          unit: a.challenge.texts[r.language].unit,
          top: a.top.map((w) => ({ rank: w.rank, name: w.displayName, total: w.total, days: w.days })),
        }),
        ...appButton(deps.publicUrl, leaderboardButtonText(r.language)),
      },
    }));
    const result = await deliverAll(deps, messages);
    counts.announced++;
    counts.sent += result.sent;
    counts.blocked += result.blocked;
    counts.failed += result.failed;
    const winners = a.top.map((w) => `${w.rank}. ${w.displayName} ${w.total}`).join(', ');
    lines.push(`${label} ${name}: winners ${winners} — announced to ${result.sent} of ${messages.length}`);
  }
  // The club's group hears the winners too, once per period (older periods caught up late: not).
  if (opts.announce) {
    const group = await postPeriodWinners(deps, kind, period, now);
    lines.push(...group.lines);
    Object.assign(counts, { groupPosted: group.posted, groupFailed: group.failed });
  }
  return { lines, counts };
}

function resultsJob(kind: ResultKind, job: 'weekly-results' | 'monthly-results'): Job {
  return async (deps, now): Promise<JobSummary> => {
    const period = deps.services.results.periodToClose(kind, now);
    const { lines, counts } = await closeAndAnnounce(deps, kind, period, now);
    return { job, at: now.toISOString(), lines, counts };
  };
}

export const weeklyResultsJob = resultsJob('weekly', 'weekly-results');
export const monthlyResultsJob = resultsJob('monthly', 'monthly-results');
