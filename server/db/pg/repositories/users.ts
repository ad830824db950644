/** PostgreSQL twin of db/repositories/users.ts. */
import { and, eq, or, sql } from 'drizzle-orm';
import type { TelegramProfile, UserRow, UserStatsRow } from '../../repositories/users';
import type { PgDb } from '../client';
import { shownNameSql } from '../rules';
import { invitations, submissions, userChallenges, users } from '../schema';

export async function findUserByTelegramId(db: PgDb, telegramId: number): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.telegramId, telegramId)))[0];
}

export async function shownOnBoards(db: PgDb, id: number): Promise<{ displayName: string; photoUrl: string | null }> {
  const row = (await db.select({ name: shownNameSql, photoUrl: users.photoUrl }).from(users).where(eq(users.id, id)))[0];
  return { displayName: row?.name ?? '', photoUrl: row?.photoUrl ?? null };
}

export async function setPhotoUrl(db: PgDb, id: number, photoUrl: string | null): Promise<void> {
  await db.update(users).set({ photoUrl }).where(eq(users.id, id));
}

export async function findUserById(db: PgDb, id: number): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)))[0];
}

export async function upsertTelegramProfile(
  db: PgDb,
  profile: TelegramProfile,
  defaults: { language: 'uz' | 'ru' | 'en'; now: number },
): Promise<UserRow> {
  const rows = await db
    .insert(users)
    .values({ ...profile, language: defaults.language, createdAt: defaults.now })
    .onConflictDoUpdate({
      target: users.telegramId,
      set: { firstName: profile.firstName, lastName: profile.lastName, username: profile.username, languageCode: profile.languageCode },
    })
    .returning();
  return rows[0]!;
}

/** Records members' latest activity, `[userId, at]` each; an earlier mark never replaces a later one. */
export async function touchUsers(db: PgDb, marks: readonly (readonly [userId: number, at: number])[]): Promise<void> {
  if (marks.length === 0) return;
  // One statement, whatever the number of marks (a flush carries many).
  const ids = `{${marks.map(([id]) => id).join(',')}}`;
  const ats = `{${marks.map(([, at]) => at).join(',')}}`;
  await db.execute(sql`
    update ${users} set last_active_at = greatest(coalesce(${users.lastActiveAt}, 0), m.at)
    from unnest(${ids}::integer[], ${ats}::bigint[]) as m(id, at)
    where ${users.id} = m.id`);
}

export async function setUnreachable(db: PgDb, telegramId: number, unreachable: boolean): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ unreachable })
    .where(and(eq(users.telegramId, telegramId), eq(users.unreachable, !unreachable)))
    .returning({ id: users.id });
  return changed.length > 0;
}

export async function updateUser(db: PgDb, id: number, patch: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const row = (await db.update(users).set(patch).where(eq(users.id, id)).returning())[0];
  if (!row) throw new Error(`user ${id} vanished`);
  return row;
}

function userStatsSelect(db: PgDb) {
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
      challenges: sql<number>`(select count(*)::int from ${userChallenges} uc where uc.user_id = "users"."id" and uc.is_member)`,
      submissions: sql<number>`(select count(*)::int from ${submissions} s where s.user_id = "users"."id")`,
      bestStreak: sql<number>`coalesce((select max(uc.best_streak) from ${userChallenges} uc where uc.user_id = "users"."id"), 0)`,
      invited: sql<number>`(select count(*)::int from ${invitations} i where i.inviter_id = "users"."id")`,
    })
    .from(users);
}

export async function searchUsers(db: PgDb, q: string, page: number, pageSize: number): Promise<{ rows: UserStatsRow[]; total: number }> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const telegramId = /^\d{1,16}$/.test(q) ? Number(q) : null;
  // ilike: SQLite's like ignores ASCII case, PostgreSQL's does not.
  const filter = q
    ? or(
        sql`${users.displayName} ilike ${pattern} escape '\\'`,
        sql`${users.firstName} ilike ${pattern} escape '\\'`,
        sql`${users.lastName} ilike ${pattern} escape '\\'`,
        sql`${users.username} ilike ${pattern} escape '\\'`,
        telegramId !== null ? eq(users.telegramId, telegramId) : undefined,
      )
    : undefined;
  const rows = await userStatsSelect(db)
    .where(filter)
    .orderBy(sql`${users.lastActiveAt} is null`, sql`${users.lastActiveAt} desc`, users.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = (await db.select({ n: sql<number>`count(*)::int` }).from(users).where(filter))[0]?.n ?? 0;
  return { rows, total };
}

export async function allUserStats(db: PgDb): Promise<UserStatsRow[]> {
  return userStatsSelect(db).orderBy(users.id);
}

export async function userStats(db: PgDb, id: number): Promise<UserStatsRow | undefined> {
  return (await userStatsSelect(db).where(eq(users.id, id)))[0];
}

export async function countUsers(db: PgDb): Promise<{ members: number; registered: number; banned: number }> {
  const rows = await db
    .select({
      members: sql<number>`count(*)::int`,
      registered: sql<number>`count(${users.registeredAt})::int`,
      banned: sql<number>`count(*) filter (where ${users.isBanned})::int`,
    })
    .from(users);
  return rows[0] ?? { members: 0, registered: 0, banned: 0 };
}
