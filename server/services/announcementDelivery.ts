/**
 * The delivery side of announcements, for the sender in server/jobs/announcements.ts: claim
 * recipients (each marked 'sending' and committed before it is handed to the bot's queue),
 * record each outcome, finish announcements, and after a restart settle the rows whose fate is
 * unknown as 'failed' so that nobody gets a message twice.
 */
import {
  failInterrupted,
  findAnnouncement,
  finishAnnouncements,
  pendingRecipients,
  setRecipientState,
  type AnnouncementRow,
} from '../db/repositories/announcements';
import { inTransaction, now, type ServiceContext } from './context';

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
  if (pendingRecipients(ctx.db, 1).length === 0) return [];
  const t = now(ctx);
  return inTransaction(ctx, (db) => {
    const cache = new Map<number, AnnouncementRow | undefined>();
    const out: ClaimedMessage[] = [];
    for (const r of pendingRecipients(db, limit)) {
      if (!cache.has(r.announcementId)) cache.set(r.announcementId, findAnnouncement(db, r.announcementId));
      const a = cache.get(r.announcementId);
      if (!a || !setRecipientState(db, r.announcementId, r.userId, 'pending', 'sending', t.ms)) continue;
      out.push({ announcementId: r.announcementId, userId: r.userId, telegramId: r.telegramId, text: textFor(a, r.language) });
    }
    return out;
  });
}

export async function recordOutcome(ctx: ServiceContext, m: Pick<ClaimedMessage, 'announcementId' | 'userId'>, outcome: 'delivered' | 'blocked' | 'failed'): Promise<void> {
  const t = now(ctx);
  inTransaction(ctx, (db) => {
    setRecipientState(db, m.announcementId, m.userId, 'sending', outcome, t.ms);
  });
}

/** Announcements whose every recipient has an outcome become 'done'. Returns how many. */
export async function finishDelivered(ctx: ServiceContext): Promise<number> {
  const t = now(ctx);
  return inTransaction(ctx, (db) => finishAnnouncements(db, t.ms));
}

/** At start-up: rows a stopped process left 'sending' end as 'failed' (never sent twice). */
export async function settleInterrupted(ctx: ServiceContext): Promise<number> {
  const t = now(ctx);
  return inTransaction(ctx, (db) => failInterrupted(db, t.ms));
}
