/**
 * Announcements written by admins: stored with one row per recipient in one transaction, then
 * sent by the delivery side (server/services/announcementDelivery.ts, driven by
 * server/jobs/announcements.ts) through the bot's queue.
 */
import type { AnnouncementRow } from '../../db/repositories/announcements';
import { ServiceError } from '../../domain/errors';
import type { AnnouncementStatusDto } from '../../../shared/announcements';
import { now, write, type ServiceContext } from '../context';
import type { Repositories } from '../store';
import { requireAdmin, type AdminActor } from './access';

export interface NewAnnouncement {
  challengeId: number | null;
  text: { uz: string; ru: string | null; en: string | null };
}

async function statusOf(repos: Repositories, a: AnnouncementRow): Promise<AnnouncementStatusDto> {
  const c = await repos.announcements.recipientCounts(a.id);
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
  await requireAdmin(ctx, actor.telegramId);
  const when = now(ctx);
  return write(ctx, async (tx) => {
    if (input.challengeId !== null && !(await tx.challenges.findChallenge(input.challengeId))) throw new ServiceError('NOT_FOUND', 'No such challenge');
    const row = await tx.announcements.insertAnnouncement({ challengeId: input.challengeId, textUz: input.text.uz, textRu: input.text.ru, textEn: input.text.en, createdBy: actor.telegramId, at: when.ms });
    const total = await tx.announcements.insertRecipients(row.id, input.challengeId, when.ms);
    if (total === 0) await tx.announcements.finishAnnouncements(when.ms);
    await tx.admins.insertAudit({
      actorTelegramId: actor.telegramId,
      action: 'announcement.create',
      targetType: 'announcement',
      targetId: row.id,
      after: { challengeId: input.challengeId, recipients: total, text: input.text },
      at: when.ms,
    });
    return { id: row.id, total };
  });
}

export async function announcementStatus(ctx: ServiceContext, actor: AdminActor, id: number): Promise<AnnouncementStatusDto> {
  await requireAdmin(ctx, actor.telegramId);
  const row = await ctx.store.repos.announcements.findAnnouncement(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'No such announcement');
  return statusOf(ctx.store.repos, row);
}

/** The latest announcements, newest first. */
export async function recentAnnouncements(ctx: ServiceContext, actor: AdminActor, limit = 20): Promise<AnnouncementStatusDto[]> {
  await requireAdmin(ctx, actor.telegramId);
  const rows = await ctx.store.repos.announcements.latestAnnouncements(limit);
  return Promise.all(rows.map((a) => statusOf(ctx.store.repos, a)));
}
