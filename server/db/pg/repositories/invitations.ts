/** PostgreSQL twin of db/repositories/invitations.ts. */
import { desc, eq, sql } from 'drizzle-orm';
import type { InvitationPartyRow, InvitationVia } from '../../repositories/invitations';
import type { PgDb } from '../client';
import { shownNameSql } from '../rules';
import { invitations, inviteCodes, users } from '../schema';

export async function findInviteCode(db: PgDb, userId: number): Promise<string | undefined> {
  return (await db.select({ code: inviteCodes.code }).from(inviteCodes).where(eq(inviteCodes.userId, userId)))[0]?.code;
}

export async function insertInviteCode(db: PgDb, userId: number, code: string, at: number): Promise<boolean> {
  const rows = await db.insert(inviteCodes).values({ userId, code, createdAt: at }).onConflictDoNothing().returning({ userId: inviteCodes.userId });
  return rows.length > 0;
}

export async function findCodeOwner(db: PgDb, code: string): Promise<number | undefined> {
  return (await db.select({ userId: inviteCodes.userId }).from(inviteCodes).where(eq(inviteCodes.code, code)))[0]?.userId;
}

export async function recordInvitation(
  db: PgDb,
  row: { inviteeId: number; inviterId: number; via: InvitationVia; createdAt: number },
): Promise<boolean> {
  const rows = await db.insert(invitations).values(row).onConflictDoNothing().returning({ id: invitations.inviteeId });
  return rows.length > 0;
}

export async function countInvited(db: PgDb, inviterId: number): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(invitations).where(eq(invitations.inviterId, inviterId));
  return rows[0]?.n ?? 0;
}

const party = {
  userId: users.id,
  telegramId: users.telegramId,
  name: shownNameSql,
  via: invitations.via,
  at: invitations.createdAt,
};

export async function invitedBy(db: PgDb, inviteeId: number): Promise<InvitationPartyRow | undefined> {
  return (await db.select(party).from(invitations).innerJoin(users, eq(users.id, invitations.inviterId)).where(eq(invitations.inviteeId, inviteeId)))[0];
}

export async function invitedByMember(db: PgDb, inviterId: number, limit: number): Promise<InvitationPartyRow[]> {
  return db
    .select(party)
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.inviteeId))
    .where(eq(invitations.inviterId, inviterId))
    .orderBy(desc(invitations.createdAt), desc(invitations.inviteeId))
    .limit(limit);
}
