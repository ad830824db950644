/**
 * The delivery side of announcements, for the sender in server/jobs/announcements.ts: claim
 * recipients (each marked 'sending' and committed before it is handed to the bot's queue),
 * record each outcome, finish announcements, and after a restart settle the rows whose fate is
 * unknown as 'failed' so that nobody gets a message twice.
 */
import type { AnnouncementRow } from '../db/repositories/announcements';
import { now, write, type ServiceContext } from './context';

export interface ClaimedMessage {
  announcementId: number;
  userId: number;
  telegramId: number;
  text: string;
}

const textFor = (a: AnnouncementRow, language: 'uz' | 'ru' | 'en'): string => (language === 'ru' ? a.textRu : language === 'en' ? a.textEn : null) ?? a.textUz;

/** Marks up to `limit` waiting recipients 'sending' (one commit) and returns their messages. */
export async function claimRecipients(ctx: ServiceContext, limit: number): Promise<ClaimedMessage[]> {
  // A plain read first: the sender asks every few seconds, mostly with nothing to send.
  if ((await ctx.store.repos.announcements.pendingRecipients(1)).length === 0) return [];
  const when = now(ctx);
  return write(ctx, async (tx) => {
    const cache = new Map<number, AnnouncementRow | undefined>();
    const out: ClaimedMessage[] = [];
    for (const r of await tx.announcements.pendingRecipients(limit)) {
      if (!cache.has(r.announcementId)) cache.set(r.announcementId, await tx.announcements.findAnnouncement(r.announcementId));
      const a = cache.get(r.announcementId);
      if (!a || !(await tx.announcements.setRecipientState(r.announcementId, r.userId, 'pending', 'sending', when.ms))) continue;
      out.push({ announcementId: r.announcementId, userId: r.userId, telegramId: r.telegramId, text: textFor(a, r.language) });
    }
    return out;
  });
}

export async function recordOutcome(ctx: ServiceContext, m: Pick<ClaimedMessage, 'announcementId' | 'userId'>, outcome: 'delivered' | 'blocked' | 'failed'): Promise<void> {
  const when = now(ctx);
  await write(ctx, (tx) => tx.announcements.setRecipientState(m.announcementId, m.userId, 'sending', outcome, when.ms));
}

/** Announcements whose every recipient has an outcome become 'done'. Returns how many. */
export async function finishDelivered(ctx: ServiceContext): Promise<number> {
  // A plain read first: the sender asks after every pass, mostly with nothing being sent, and
  // a write transaction takes the store's write lock (on PostgreSQL the club-wide one).
  if (!(await ctx.store.repos.announcements.hasUnfinishedAnnouncement())) return 0;
  const when = now(ctx);
  return write(ctx, (tx) => tx.announcements.finishAnnouncements(when.ms));
}

/** At start-up: rows a stopped process left 'sending' end as 'failed' (never sent twice). */
export async function settleInterrupted(ctx: ServiceContext): Promise<number> {
  const when = now(ctx);
  return write(ctx, (tx) => tx.announcements.failInterrupted(when.ms));
}
