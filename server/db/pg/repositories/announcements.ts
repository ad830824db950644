/** PostgreSQL twin of db/repositories/announcements.ts. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AnnouncementRow, ClaimedRecipient, RecipientState } from '../../repositories/announcements';
import type { PgDb } from '../client';
import { eligibleSql, registeredSql } from '../rules';
import { announcementRecipients, announcements, userChallenges, users } from '../schema';

export async function insertAnnouncement(
  db: PgDb,
  a: { challengeId: number | null; textUz: string; textRu: string | null; textEn: string | null; createdBy: number; at: number },
): Promise<AnnouncementRow> {
  const rows = await db
    .insert(announcements)
    .values({ challengeId: a.challengeId, textUz: a.textUz, textRu: a.textRu, textEn: a.textEn, createdBy: a.createdBy, createdAt: a.at })
    .returning();
  return rows[0]!;
}

/**
 * One insert … select for the whole audience (a round trip per member would hold the write
 * lock for as long as a large club takes to list). Returns how many rows it wrote.
 */
export async function insertRecipients(db: PgDb, announcementId: number, challengeId: number | null, at: number): Promise<number> {
  const notBanned = eq(users.isBanned, false);
  // Every column of announcement_recipients, in the table's order (insert … select needs both).
  const row = {
    announcementId: sql<number>`${announcementId}::int`.as('announcement_id'),
    userId: users.id,
    state: sql<RecipientState>`'pending'`.as('state'),
    updatedAt: sql<number>`${at}::bigint`.as('updated_at'),
  };
  const audience =
    challengeId === null
      ? db.select(row).from(users).where(and(registeredSql(users), notBanned))
      : db
          .select(row)
          .from(userChallenges)
          .innerJoin(users, eq(users.id, userChallenges.userId))
          .where(and(eq(userChallenges.challengeId, challengeId), registeredSql(users), eligibleSql(userChallenges, users)));
  const written = await db.insert(announcementRecipients).select(audience).returning({ userId: announcementRecipients.userId });
  return written.length;
}

export async function findAnnouncement(db: PgDb, id: number): Promise<AnnouncementRow | undefined> {
  return (await db.select().from(announcements).where(eq(announcements.id, id)))[0];
}

export async function recipientCounts(db: PgDb, announcementId: number): Promise<Record<RecipientState, number>> {
  const counts: Record<RecipientState, number> = { pending: 0, sending: 0, delivered: 0, blocked: 0, failed: 0 };
  const rows = await db
    .select({ state: announcementRecipients.state, n: sql<number>`count(*)::int` })
    .from(announcementRecipients)
    .where(eq(announcementRecipients.announcementId, announcementId))
    .groupBy(announcementRecipients.state);
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

export async function pendingRecipients(db: PgDb, limit: number): Promise<ClaimedRecipient[]> {
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
    .limit(limit);
}

export async function setRecipientState(
  db: PgDb,
  announcementId: number,
  userId: number,
  from: RecipientState,
  to: RecipientState,
  at: number,
): Promise<boolean> {
  const res = await db
    .update(announcementRecipients)
    .set({ state: to, updatedAt: at })
    .where(and(eq(announcementRecipients.announcementId, announcementId), eq(announcementRecipients.userId, userId), eq(announcementRecipients.state, from)))
    .returning({ userId: announcementRecipients.userId });
  return res.length === 1;
}

export async function failInterrupted(db: PgDb, at: number): Promise<number> {
  const res = await db
    .update(announcementRecipients)
    .set({ state: 'failed', updatedAt: at })
    .where(eq(announcementRecipients.state, 'sending'))
    .returning({ userId: announcementRecipients.userId });
  return res.length;
}

/** An announcement not yet finished: the sender may still finish it. */
const stillSending = and(eq(announcements.status, 'sending'), isNull(announcements.finishedAt));

export async function hasUnfinishedAnnouncement(db: PgDb): Promise<boolean> {
  const rows = await db
    .select({ id: announcements.id })
    .from(announcements)
    .where(stillSending)
    .limit(1);
  return rows.length > 0;
}

export async function finishAnnouncements(db: PgDb, at: number): Promise<number> {
  const res = await db
    .update(announcements)
    .set({ status: 'done', finishedAt: at })
    .where(
      and(
        stillSending,
        sql`not exists (select 1 from ${announcementRecipients} r where r.announcement_id = ${announcements.id} and r.state in ('pending', 'sending'))`,
      ),
    )
    .returning({ id: announcements.id });
  return res.length;
}

export async function latestAnnouncements(db: PgDb, limit: number): Promise<AnnouncementRow[]> {
  return db.select().from(announcements).orderBy(desc(announcements.id)).limit(limit);
}
