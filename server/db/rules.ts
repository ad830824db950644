/**
 * The member rules of domain/members.ts as SQL, for the queries that filter or count by them.
 * Pass the tables (or their aliases) the query reads.
 */
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './schema';

type Members = Record<'registeredAt' | 'displayName' | 'isBanned', SQLiteColumn>;
type Memberships = Record<'isMember', SQLiteColumn>;

/** isRegistered: chose (or accepted) a name. */
export function registeredSql(member: Pick<Members, 'registeredAt' | 'displayName'>): SQL {
  return and(isNotNull(member.registeredAt), isNotNull(member.displayName))!;
}

/** isEligible: a current member of the challenge and not banned. */
export function eligibleSql(membership: Memberships, member: Pick<Members, 'isBanned'>): SQL {
  return and(eq(membership.isMember, true), eq(member.isBanned, false))!;
}

/** shownName: the chosen name, else Telegram's first name (leaderboards, results, exports). */
export function shownNameOf(member: Record<'displayName' | 'firstName', SQLiteColumn>): SQL<string> {
  return sql<string>`coalesce(${member.displayName}, ${member.firstName})`;
}

export const shownNameSql = shownNameOf(users);
