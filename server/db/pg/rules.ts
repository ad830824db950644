/** The member rules of domain/members.ts as SQL, for PostgreSQL (mirror of db/rules.ts). */
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { users } from './schema';

type Members = Record<'registeredAt' | 'displayName' | 'isBanned', PgColumn>;
type Memberships = Record<'isMember', PgColumn>;

export function registeredSql(member: Pick<Members, 'registeredAt' | 'displayName'>): SQL {
  return and(isNotNull(member.registeredAt), isNotNull(member.displayName))!;
}

export function eligibleSql(membership: Memberships, member: Pick<Members, 'isBanned'>): SQL {
  return and(eq(membership.isMember, true), eq(member.isBanned, false))!;
}

export function shownNameOf(member: Record<'displayName' | 'firstName', PgColumn>): SQL<string> {
  return sql<string>`coalesce(${member.displayName}, ${member.firstName})`;
}

export const shownNameSql = shownNameOf(users);
