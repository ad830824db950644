/** PostgreSQL twin of db/repositories/clubChat.ts. */
import { and, countDistinct, eq } from 'drizzle-orm';
import type { ClubChatSettingsPatch, ClubChatSettingsRow, GroupPostKind, GroupPostRow, GroupPostState } from '../../repositories/clubChat';
import type { PgDb } from '../client';
import { clubChatSettings, groupPosts, submissions, users } from '../schema';

const ROW = 1;

export async function findClubChatSettings(db: PgDb): Promise<ClubChatSettingsRow | undefined> {
  const rows = await db.select().from(clubChatSettings).where(eq(clubChatSettings.id, ROW));
  return rows[0];
}

export async function saveClubChatSettings(db: PgDb, patch: ClubChatSettingsPatch, at: number): Promise<ClubChatSettingsRow> {
  const rows = await db
    .insert(clubChatSettings)
    .values({ ...patch, id: ROW, updatedAt: at })
    .onConflictDoUpdate({ target: clubChatSettings.id, set: { ...patch, updatedAt: at } })
    .returning();
  return rows[0]!;
}

export async function claimGroupPost(db: PgDb, kind: GroupPostKind, period: string, chatId: number, at: number): Promise<boolean> {
  const rows = await db
    .insert(groupPosts)
    .values({ kind, period, chatId, state: 'sending', createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning({ kind: groupPosts.kind });
  return rows.length > 0;
}

export async function finishGroupPost(db: PgDb, kind: GroupPostKind, period: string, state: GroupPostState, detail: string | null, at: number): Promise<void> {
  await db
    .update(groupPosts)
    .set({ state, detail, updatedAt: at })
    .where(and(eq(groupPosts.kind, kind), eq(groupPosts.period, period)));
}

export async function findGroupPost(db: PgDb, kind: GroupPostKind, period: string): Promise<GroupPostRow | undefined> {
  const rows = await db
    .select()
    .from(groupPosts)
    .where(and(eq(groupPosts.kind, kind), eq(groupPosts.period, period)));
  return rows[0];
}

export async function submittersOn(db: PgDb, day: string): Promise<number> {
  const rows = await db
    .select({ n: countDistinct(submissions.userId) })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(and(eq(submissions.day, day), eq(users.isBanned, false)));
  return Number(rows[0]?.n ?? 0);
}
