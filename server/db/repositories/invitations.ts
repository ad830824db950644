/** Invite codes and who invited whom (invite_codes, invitations). */
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { shownNameSql } from '../rules';
import { invitations, inviteCodes, users } from '../schema';

export type InvitationVia = 'bot' | 'app';

/** One side of an invitation as the admin sees it: the other member, when and through which link. */
export interface InvitationPartyRow {
  userId: number;
  telegramId: number;
  name: string;
  via: InvitationVia;
  at: number;
}

export function findInviteCode(db: Db, userId: number): string | undefined {
  return db.select({ code: inviteCodes.code }).from(inviteCodes).where(eq(inviteCodes.userId, userId)).get()?.code;
}

/** Stores the member's code unless they have one or the code is taken; true when stored. */
export function insertInviteCode(db: Db, userId: number, code: string, at: number): boolean {
  return db.insert(inviteCodes).values({ userId, code, createdAt: at }).onConflictDoNothing().returning({ userId: inviteCodes.userId }).all().length > 0;
}

export function findCodeOwner(db: Db, code: string): number | undefined {
  return db.select({ userId: inviteCodes.userId }).from(inviteCodes).where(eq(inviteCodes.code, code)).get()?.userId;
}

/** Records the invitation unless the invitee already has one (never overwritten); true when recorded. */
export function recordInvitation(db: Db, row: { inviteeId: number; inviterId: number; via: InvitationVia; createdAt: number }): boolean {
  return db.insert(invitations).values(row).onConflictDoNothing().returning({ id: invitations.inviteeId }).all().length > 0;
}

export function countInvited(db: Db, inviterId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(invitations).where(eq(invitations.inviterId, inviterId)).get()?.n ?? 0;
}

const party = {
  userId: users.id,
  telegramId: users.telegramId,
  name: shownNameSql,
  via: invitations.via,
  at: invitations.createdAt,
};

export function invitedBy(db: Db, inviteeId: number): InvitationPartyRow | undefined {
  return db.select(party).from(invitations).innerJoin(users, eq(users.id, invitations.inviterId)).where(eq(invitations.inviteeId, inviteeId)).get();
}

/** The members `inviterId` invited, newest first. */
export function invitedByMember(db: Db, inviterId: number, limit: number): InvitationPartyRow[] {
  return db
    .select(party)
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.inviteeId))
    .where(eq(invitations.inviterId, inviterId))
    .orderBy(desc(invitations.createdAt), desc(invitations.inviteeId))
    .limit(limit)
    .all();
}
