/**
 * Announcements written by admins: stored with one row per recipient in one transaction, then
 * sent by the delivery side (server/services/announcementDelivery.ts, driven by
 * server/jobs/announcements.ts) through the bot's queue.
 */
import { desc } from 'drizzle-orm';
import { insertAudit } from '../../db/repositories/admins';
import { findAnnouncement, finishAnnouncements, insertAnnouncement, insertRecipients, recipientCounts, type AnnouncementRow } from '../../db/repositories/announcements';
import { findChallenge } from '../../db/repositories/challenges';
import { announcements } from '../../db/schema';
import { ServiceError } from '../../domain/errors';
import type { AnnouncementStatusDto } from '../../../shared/announcements';
import { inTransaction, now, type ServiceContext } from '../context';
import { requireAdmin, type AdminActor } from './access';

export interface NewAnnouncement {
  challengeId: number | null;
  text: { uz: string; ru: string | null; en: string | null };
}

function statusOf(ctx: ServiceContext, a: AnnouncementRow): AnnouncementStatusDto {
  const c = recipientCounts(ctx.db, a.id);
  return {
    id: a.id,
    challengeId: a.challengeId,
    status: a.status,
    total: c.pending + c.sending + c.delivered + c.blocked + c.failed,
    delivered: c.delivered,
    blocked: c.blocked,
    failed: c.failed,
    pending: c.pending + c.sending,
    text: { uz: a.textUz, ru: a.textRu, en: a.textEn },
    createdAt: new Date(a.createdAt).toISOString(),
    finishedAt: a.finishedAt === null ? null : new Date(a.finishedAt).toISOString(),
  };
}

export async function createAnnouncement(ctx: ServiceContext, actor: AdminActor, input: NewAnnouncement): Promise<{ id: number; total: number }> {
  requireAdmin(ctx, actor.telegramId);
  const t = now(ctx);
  return inTransaction(ctx, (db) => {
    if (input.challengeId !== null && !findChallenge(db, input.challengeId)) throw new ServiceError('NOT_FOUND', 'No such challenge');
    const row = insertAnnouncement(db, { challengeId: input.challengeId, textUz: input.text.uz, textRu: input.text.ru, textEn: input.text.en, createdBy: actor.telegramId, at: t.ms });
    const total = insertRecipients(db, row.id, input.challengeId, t.ms);
    if (total === 0) finishAnnouncements(db, t.ms);
    insertAudit(db, {
      actorTelegramId: actor.telegramId,
      action: 'announcement.create',
      targetType: 'announcement',
      targetId: row.id,
      after: { challengeId: input.challengeId, recipients: total, text: input.text },
      at: t.ms,
    });
    return { id: row.id, total };
  });
}

export async function announcementStatus(ctx: ServiceContext, actor: AdminActor, id: number): Promise<AnnouncementStatusDto> {
  requireAdmin(ctx, actor.telegramId);
  const row = findAnnouncement(ctx.db, id);
  if (!row) throw new ServiceError('NOT_FOUND', 'No such announcement');
  return statusOf(ctx, row);
}

/** The latest announcements, newest first. */
export async function recentAnnouncements(ctx: ServiceContext, actor: AdminActor, limit = 20): Promise<AnnouncementStatusDto[]> {
  requireAdmin(ctx, actor.telegramId);
  return ctx.db
    .select()
    .from(announcements)
    .orderBy(desc(announcements.id))
    .limit(limit)
    .all()
    .map((a) => statusOf(ctx, a));
}
