/** The club's Telegram group: the admins' settings (one row) and the record of every post to it. */
import { and, countDistinct, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { clubChatSettings, groupPosts, submissions, users } from '../schema';

export type ClubChatSettingsRow = typeof clubChatSettings.$inferSelect;
export type ClubChatSettingsPatch = Partial<Omit<ClubChatSettingsRow, 'id' | 'updatedAt'>>;
export type GroupPostKind = (typeof groupPosts.$inferSelect)['kind'];
export type GroupPostState = (typeof groupPosts.$inferSelect)['state'];
export type GroupPostRow = typeof groupPosts.$inferSelect;

const ROW = 1;

export function findClubChatSettings(db: Db): ClubChatSettingsRow | undefined {
  return db.select().from(clubChatSettings).where(eq(clubChatSettings.id, ROW)).get();
}

export function saveClubChatSettings(db: Db, patch: ClubChatSettingsPatch, at: number): ClubChatSettingsRow {
  return db
    .insert(clubChatSettings)
    .values({ ...patch, id: ROW, updatedAt: at })
    .onConflictDoUpdate({ target: clubChatSettings.id, set: { ...patch, updatedAt: at } })
    .returning()
    .get();
}

/**
 * Records a post before it is sent ("record then send"); false when one was recorded for this
 * kind and period already (another run, another process, or before a restart).
 */
export function claimGroupPost(db: Db, kind: GroupPostKind, period: string, chatId: number, at: number): boolean {
  return !!db
    .insert(groupPosts)
    .values({ kind, period, chatId, state: 'sending', createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ kind: groupPosts.kind })
    .get();
}

export function finishGroupPost(db: Db, kind: GroupPostKind, period: string, state: GroupPostState, detail: string | null, at: number): void {
  db.update(groupPosts)
    .set({ state, detail, updatedAt: at })
    .where(and(eq(groupPosts.kind, kind), eq(groupPosts.period, period)))
    .run();
}

export function findGroupPost(db: Db, kind: GroupPostKind, period: string): GroupPostRow | undefined {
  return db
    .select()
    .from(groupPosts)
    .where(and(eq(groupPosts.kind, kind), eq(groupPosts.period, period)))
    .get();
}

/** Members (not banned) with at least one result on a club day. */
export function submittersOn(db: Db, day: string): number {
  const row = db
    .select({ n: countDistinct(submissions.userId) })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(and(eq(submissions.day, day), eq(users.isBanned, false)))
    .get();
  return Number(row?.n ?? 0);
}
