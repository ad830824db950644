import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { shownNameSql } from '../rules';
import { invitations, submissions, userChallenges, users } from '../schema';

export type UserRow = typeof users.$inferSelect;

const byTelegramId = prepared((db) =>
  db.select().from(users).where(eq(users.telegramId, sql.placeholder('telegramId'))).prepare(),
);

export function findUserByTelegramId(db: Db, telegramId: number): UserRow | undefined {
  return byTelegramId(db).get({ telegramId });
}


const shownStatement = prepared((db) =>
  db
    .select({ name: shownNameSql, photoUrl: users.photoUrl })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

/** What a leaderboard row shows of a member: the name, and the Telegram photo when the Mini App sent one. */
export function shownOnBoards(db: Db, id: number): { displayName: string; photoUrl: string | null } {
  const row = shownStatement(db).get({ id });
  return { displayName: row?.name ?? '', photoUrl: row?.photoUrl ?? null };
}

export function setPhotoUrl(db: Db, id: number, photoUrl: string | null): void {
  db.update(users).set({ photoUrl }).where(eq(users.id, id)).run();
}

const byIdStatement = prepared((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());

/** Prepared: telling a member of a badge or freeze reads it after every such write. */
export function findUserById(db: Db, id: number): UserRow | undefined {
  return byIdStatement(db).get({ id });
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
  db
    .update(users)
    .set({ lastActiveAt: sql`max(coalesce(${users.lastActiveAt}, 0), ${sql.placeholder('at')})` })
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

/** Records members' latest activity, `[userId, at]` each; an earlier mark never replaces a later one. */
export function touchUsers(db: Db, marks: readonly (readonly [userId: number, at: number])[]): void {
  for (const [id, at] of marks) touchStatement(db).run({ id, at });
}

/**
 * Sets the "blocked the bot" flag when it differs, in one statement that reads the stored row
 * rather than a remembered one: `bun run job reminders` may have set it from another process.
 */
export function setUnreachable(db: Db, telegramId: number, unreachable: boolean): boolean {
  const changed = db
    .update(users)
    .set({ unreachable })
    .where(and(eq(users.telegramId, telegramId), eq(users.unreachable, !unreachable)))
    .returning({ id: users.id })
    .all();
  return changed.length > 0;
}

export function updateUser(db: Db, id: number, patch: Partial<typeof users.$inferInsert>): UserRow {
  const row = db.update(users).set(patch).where(eq(users.id, id)).returning().get();
  if (!row) throw new Error(`user ${id} vanished`);
  return row;
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
  /** Members who registered through this member's invite links. */
  invited: number;
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
      invited: sql<number>`(select count(*) from ${invitations} i where i.inviter_id = "users"."id")`,
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

