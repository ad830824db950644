/** Announcements and their per-recipient delivery state (see the schema for why it is stored). */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { eligibleSql, registeredSql } from '../rules';
import { announcementRecipients, announcements, userChallenges, users } from '../schema';

export type AnnouncementRow = typeof announcements.$inferSelect;
export type RecipientState = (typeof announcementRecipients.$inferSelect)['state'];

export function insertAnnouncement(
  db: Db,
  a: { challengeId: number | null; textUz: string; textRu: string | null; textEn: string | null; createdBy: number; at: number },
): AnnouncementRow {
  return db
    .insert(announcements)
    .values({ challengeId: a.challengeId, textUz: a.textUz, textRu: a.textRu, textEn: a.textEn, createdBy: a.createdBy, createdAt: a.at })
    .returning()
    .get();
}

/**
 * Writes one pending row per recipient: registered, non-banned members (of the challenge, when
 * one is given). Returns how many.
 */
export function insertRecipients(db: Db, announcementId: number, challengeId: number | null, at: number): number {
  const notBanned = eq(users.isBanned, false);
  const audience =
    challengeId === null
      ? db.select({ userId: users.id }).from(users).where(and(registeredSql(users), notBanned)).all()
      : db
          .select({ userId: users.id })
          .from(userChallenges)
          .innerJoin(users, eq(users.id, userChallenges.userId))
          .where(and(eq(userChallenges.challengeId, challengeId), registeredSql(users), eligibleSql(userChallenges, users)))
          .all();
  for (const r of audience) {
    db.insert(announcementRecipients).values({ announcementId, userId: r.userId, updatedAt: at }).run();
  }
  return audience.length;
}

export function findAnnouncement(db: Db, id: number): AnnouncementRow | undefined {
  return db.select().from(announcements).where(eq(announcements.id, id)).get();
}

export function recipientCounts(db: Db, announcementId: number): Record<RecipientState, number> {
  const counts: Record<RecipientState, number> = { pending: 0, sending: 0, delivered: 0, blocked: 0, failed: 0 };
  const rows = db
    .select({ state: announcementRecipients.state, n: sql<number>`count(*)` })
    .from(announcementRecipients)
    .where(eq(announcementRecipients.announcementId, announcementId))
    .groupBy(announcementRecipients.state)
    .all();
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

export interface ClaimedRecipient {
  announcementId: number;
  userId: number;
  telegramId: number;
  language: 'uz' | 'ru' | 'en';
}

/** Up to `limit` pending recipients of announcements still sending, oldest announcement first. */
export function pendingRecipients(db: Db, limit: number): ClaimedRecipient[] {
  return db
    .select({
      announcementId: announcementRecipients.announcementId,
      userId: announcementRecipients.userId,
      telegramId: users.telegramId,
      language: users.language,
    })
    .from(announcementRecipients)
    .innerJoin(users, eq(users.id, announcementRecipients.userId))
    .where(eq(announcementRecipients.state, 'pending'))
    .orderBy(announcementRecipients.announcementId, announcementRecipients.userId)
    .limit(limit)
    .all();
}

export function setRecipientState(db: Db, announcementId: number, userId: number, from: RecipientState, to: RecipientState, at: number): boolean {
  const res = db
    .update(announcementRecipients)
    .set({ state: to, updatedAt: at })
    .where(and(eq(announcementRecipients.announcementId, announcementId), eq(announcementRecipients.userId, userId), eq(announcementRecipients.state, from)))
    .returning({ userId: announcementRecipients.userId })
    .all();
  return res.length === 1;
}

/**
 * Rows left 'sending' by a process that stopped: whether Telegram got them is unknown, so they
 * end as 'failed' rather than risk a second copy.
 */
export function failInterrupted(db: Db, at: number): number {
  return db
    .update(announcementRecipients)
    .set({ state: 'failed', updatedAt: at })
    .where(eq(announcementRecipients.state, 'sending'))
    .returning({ userId: announcementRecipients.userId })
    .all().length;
}

/** An announcement not yet finished: the sender may still finish it. */
const stillSending = and(eq(announcements.status, 'sending'), isNull(announcements.finishedAt));

/** Whether any announcement is still being sent: only then may one be finished. */
export function hasUnfinishedAnnouncement(db: Db): boolean {
  return db
    .select({ id: announcements.id })
    .from(announcements)
    .where(stillSending)
    .limit(1)
    .all().length > 0;
}

/** Marks announcements whose every recipient has an outcome as done. */
export function finishAnnouncements(db: Db, at: number): number {
  return db
    .update(announcements)
    .set({ status: 'done', finishedAt: at })
    .where(
      and(
        stillSending,
        sql`not exists (select 1 from ${announcementRecipients} r where r.announcement_id = ${announcements.id} and r.state in ('pending', 'sending'))`,
      ),
    )
    .returning({ id: announcements.id })
    .all().length;
}

/** The latest announcements, newest first. */
export function latestAnnouncements(db: Db, limit: number): AnnouncementRow[] {
  return db.select().from(announcements).orderBy(desc(announcements.id)).limit(limit).all();
}
