import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { rowCache } from '../rowCache';
import { recountParticipants } from './challenges';
import { leaderboardTotals, submissions, userChallenges, users } from '../schema';

export type UserRow = typeof users.$inferSelect;

const byTelegramId = prepared((db) =>
  db.select().from(users).where(eq(users.telegramId, sql.placeholder('telegramId'))).prepare(),
);

/**
 * Every member request starts with this lookup; the writers below forget what they change.
 * 20,000 rows (about 7 MB of heap) hold a day's active members of a large club.
 */
const usersByTelegramId = rowCache<number, UserRow>(20_000);

export function findUserByTelegramId(db: Db, telegramId: number): UserRow | undefined {
  return usersByTelegramId.get(db, telegramId, () => byTelegramId(db).get({ telegramId }));
}

/** The name a member is shown under (leaderboards, results, exports): chosen, else Telegram's. */
export const shownName = sql<string>`coalesce(${users.displayName}, ${users.firstName})`;

const displayNameStatement = prepared((db) =>
  db
    .select({ name: shownName })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

/** The name a member is shown under on leaderboards. */
export function displayNameOf(db: Db, id: number): string {
  return displayNameStatement(db).get({ id })?.name ?? '';
}

/** The member's Telegram photo, when the Mini App sent one. */
export function photoUrlOf(db: Db, id: number): string | null {
  return db.select({ photoUrl: users.photoUrl }).from(users).where(eq(users.id, id)).get()?.photoUrl ?? null;
}

/** Records a changed Telegram photo; true when it changed. */
export function setPhotoUrl(db: Db, user: { id: number; telegramId: number; photoUrl: string | null }, photoUrl: string | null): boolean {
  if (user.photoUrl === photoUrl) return false;
  usersByTelegramId.forget(db, user.telegramId);
  db.update(users).set({ photoUrl }).where(eq(users.id, user.id)).run();
  return true;
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export interface TelegramProfile {
  telegramId: number;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
}

/** Creates the row on first sight or refreshes the Telegram names; never registers. */
export function upsertTelegramProfile(
  db: Db,
  profile: TelegramProfile,
  defaults: { language: 'uz' | 'ru' | 'en'; now: number },
): UserRow {
  usersByTelegramId.forget(db, profile.telegramId);
  return db
    .insert(users)
    .values({ ...profile, language: defaults.language, createdAt: defaults.now })
    .onConflictDoUpdate({
      target: users.telegramId,
      set: {
        firstName: profile.firstName,
        lastName: profile.lastName,
        username: profile.username,
        languageCode: profile.languageCode,
      },
    })
    .returning()
    .get();
}

const touchStatement = prepared((db) =>
  db.update(users).set({ lastActiveAt: sql`${sql.placeholder('at')}` }).where(eq(users.id, sql.placeholder('id'))).prepare(),
);

/** Records the member's latest activity (every submit). */
export function touchUser(db: Db, user: { id: number; telegramId: number }, at: number): void {
  usersByTelegramId.forget(db, user.telegramId);
  touchStatement(db).run({ id: user.id, at });
}

/**
 * Sets the "blocked the bot" flag when it differs, in one statement that reads the stored row
 * rather than a remembered one: `bun run job reminders` may have set it from another process.
 */
export function setUnreachable(db: Db, telegramId: number, unreachable: boolean): void {
  const changed = db
    .update(users)
    .set({ unreachable })
    .where(and(eq(users.telegramId, telegramId), eq(users.unreachable, !unreachable)))
    .returning({ id: users.id })
    .all();
  if (changed.length > 0) usersByTelegramId.forget(db, telegramId);
}

export function updateUser(db: Db, id: number, patch: Partial<typeof users.$inferInsert>): UserRow {
  const row = db.update(users).set(patch).where(eq(users.id, id)).returning().get();
  if (!row) throw new Error(`user ${id} vanished`);
  usersByTelegramId.forget(db, row.telegramId);
  return row;
}

/**
 * After a membership or ban change: keeps the leaderboard index's "eligible" flag equal to
 * "member and not banned", and the challenges' participant counts exact.
 */
export function refreshEligibility(db: Db, userId: number, challengeId?: number): void {
  const scope = challengeId === undefined
    ? eq(leaderboardTotals.userId, userId)
    : and(eq(leaderboardTotals.userId, userId), eq(leaderboardTotals.challengeId, challengeId));
  db.update(leaderboardTotals)
    .set({
      eligible: sql`coalesce((
        select uc.is_member and not u.is_banned
        from ${userChallenges} uc join ${users} u on u.id = uc.user_id
        where uc.user_id = "leaderboard_totals"."user_id" and uc.challenge_id = "leaderboard_totals"."challenge_id"
      ), 0)`,
    })
    .where(scope)
    .run();
  const affected =
    challengeId !== undefined
      ? [challengeId]
      : db.select({ id: userChallenges.challengeId }).from(userChallenges).where(eq(userChallenges.userId, userId)).all().map((r) => r.id);
  recountParticipants(db, affected);
}

export interface UserStatsRow {
  id: number;
  telegramId: number;
  displayName: string | null;
  firstName: string;
  lastName: string | null;
  username: string | null;
  language: string;
  registeredAt: number | null;
  isBanned: boolean;
  banReason: string | null;
  lastActiveAt: number | null;
  challenges: number;
  submissions: number;
  bestStreak: number;
}

function userStatsSelect(db: Db) {
  return db
    .select({
      id: users.id,
      telegramId: users.telegramId,
      displayName: users.displayName,
      firstName: users.firstName,
      lastName: users.lastName,
      username: users.username,
      language: users.language,
      registeredAt: users.registeredAt,
      isBanned: users.isBanned,
      banReason: users.banReason,
      lastActiveAt: users.lastActiveAt,
      challenges: sql<number>`(select count(*) from ${userChallenges} uc where uc.user_id = "users"."id" and uc.is_member = 1)`,
      submissions: sql<number>`(select count(*) from ${submissions} s where s.user_id = "users"."id")`,
      bestStreak: sql<number>`coalesce((select max(uc.best_streak) from ${userChallenges} uc where uc.user_id = "users"."id"), 0)`,
    })
    .from(users);
}

export function searchUsers(db: Db, q: string, page: number, pageSize: number): { rows: UserStatsRow[]; total: number } {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const telegramId = /^\d{1,16}$/.test(q) ? Number(q) : null;
  const filter = q
    ? or(
        sql`${users.displayName} like ${pattern} escape '\\'`,
        sql`${users.firstName} like ${pattern} escape '\\'`,
        sql`${users.lastName} like ${pattern} escape '\\'`,
        sql`${users.username} like ${pattern} escape '\\'`,
        telegramId !== null ? eq(users.telegramId, telegramId) : undefined,
      )
    : undefined;
  const rows = userStatsSelect(db)
    .where(filter)
    .orderBy(sql`${users.lastActiveAt} is null`, sql`${users.lastActiveAt} desc`, users.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(users).where(filter).get()?.n ?? 0;
  return { rows, total };
}

/** Every member with their stats, oldest first (the members CSV export). */
export function allUserStats(db: Db): UserStatsRow[] {
  return userStatsSelect(db).orderBy(users.id).all();
}

export function userStats(db: Db, id: number): UserStatsRow | undefined {
  return userStatsSelect(db).where(eq(users.id, id)).get();
}

export function countUsers(db: Db): { members: number; registered: number; banned: number } {
  const row = db
    .select({
      members: sql<number>`count(*)`,
      registered: sql<number>`coalesce(sum(${users.registeredAt} is not null), 0)`,
      banned: sql<number>`coalesce(sum(${users.isBanned}), 0)`,
    })
    .from(users)
    .get();
  return row ?? { members: 0, registered: 0, banned: 0 };
}

