/**
 * Posts to the club's Telegram group: the weekly and monthly winners (called by the results
 * jobs once they have written a period) and the optional evening summary (every minute; it
 * posts once, at the admins' time). Each post is recorded in group_posts before it is sent, so
 * a restart, a catch-up or a second process never posts it twice. A chat the bot cannot write
 * to (removed from the group, 403/400) is logged as an error and recorded as failed.
 */
import { eveningSummaryText, groupWinnersText } from '../../shared/i18n/clubChat';
import type { GroupPostKind } from '../db/repositories/clubChat';
import { REMINDER_GRACE_SECONDS, type ResultKind } from '../domain/schedule';
import type { JobDeps, JobSummary } from './types';

export interface GroupPostOutcome {
  lines: string[];
  posted: number;
  failed: number;
}

/** Records, sends and settles one post. */
async function post(deps: JobDeps, kind: GroupPostKind, period: string, chatId: number, text: string, now: Date): Promise<GroupPostOutcome> {
  const { clubChat } = deps.services;
  const label = `${kind} ${period}`;
  if (!(await clubChat.claimPost(kind, period, chatId, now))) return { lines: [`club chat: ${label} was posted before — nothing sent`], posted: 0, failed: 0 };
  let outcome: 'sent' | 'blocked' | 'failed';
  try {
    outcome = await deps.messenger!.send({ chatId, text });
  } catch (error) {
    deps.log.warn('club chat: sending failed', { chatId, kind, period, error });
    outcome = 'failed';
  }
  if (outcome === 'sent') {
    await clubChat.finishPost(kind, period, 'sent', null, now);
    return { lines: [`club chat ${chatId}: ${label} posted`], posted: 1, failed: 0 };
  }
  const detail = outcome === 'blocked' ? 'the bot may not write there (403: removed from the group?)' : 'Telegram refused or did not answer';
  deps.log.error('club chat: post not delivered', { chatId, kind, period, outcome, detail });
  await clubChat.finishPost(kind, period, 'failed', detail, now);
  return { lines: [`club chat ${chatId}: ${label} NOT posted — ${detail}`], posted: 0, failed: 1 };
}

/** The winners of a period just written, to the club's group (once). */
export async function postPeriodWinners(deps: JobDeps, kind: ResultKind, period: string, now: Date): Promise<GroupPostOutcome> {
  const { clubChat } = deps.services;
  const none = (line: string): GroupPostOutcome => ({ lines: [line], posted: 0, failed: 0 });
  const target = await clubChat.target();
  if (!target) return none('club chat: none set (CLUB_CHAT_ID or /clubchat) — winners not posted there');
  if (await clubChat.wasPosted(kind, period)) return none(`club chat: ${kind} ${period} was posted before — nothing sent`);
  if (!deps.messenger) return none('club chat: bot is off — winners not posted');
  const winners = await clubChat.periodWinners(kind, period, target.language);
  if (winners.challenges.length === 0) return none(`club chat: ${kind} ${period} has no winners — nothing to post`);
  const text = groupWinnersText(target.language, { kind, period, from: winners.from, to: winners.to, challenges: winners.challenges });
  return post(deps, kind, period, target.chatId, text, now);
}

/** evening-summary: every minute; posts the day's summary once, at the admins' time (within the hour). */
export async function eveningSummaryJob(deps: JobDeps, now: Date): Promise<JobSummary> {
  const { clubChat } = deps.services;
  const summary = (lines: string[], posted = 0, failed = 0): JobSummary => ({
    job: 'evening-summary',
    at: now.toISOString(),
    lines,
    counts: { posted, failed },
  });
  const due = await clubChat.summaryDue(now, REMINDER_GRACE_SECONDS);
  if (!due) return summary(['evening summary: off or not due now']);
  const target = await clubChat.target();
  if (!target) return summary(['evening summary: no club chat set (CLUB_CHAT_ID or /clubchat)']);
  if (await clubChat.wasPosted('evening', due.day)) return summary([`evening summary ${due.day}: posted before — nothing sent`]);
  if (!deps.messenger) return summary([`evening summary ${due.day}: bot is off — not posted`]);
  const figures = await clubChat.eveningSummary(due.day, target.language);
  const outcome = await post(deps, 'evening', due.day, target.chatId, eveningSummaryText(target.language, figures), now);
  return summary(outcome.lines, outcome.posted, outcome.failed);
}
