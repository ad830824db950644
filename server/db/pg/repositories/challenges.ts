/** PostgreSQL twin of db/repositories/challenges.ts. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ChallengeInsert, ChallengeRow } from '../../repositories/challenges';
import type { PgDb } from '../client';
import { eligibleSql } from '../rules';
import { challenges, userChallenges, users } from '../schema';

const uc = alias(userChallenges, 'uc');
const u = alias(users, 'u');

export async function listChallenges(db: PgDb, opts: { activeOnly: boolean }): Promise<ChallengeRow[]> {
  return db
    .select()
    .from(challenges)
    .where(opts.activeOnly ? eq(challenges.isActive, true) : undefined)
    .orderBy(asc(challenges.id));
}

export async function findChallenge(db: PgDb, id: number): Promise<ChallengeRow | undefined> {
  return (await db.select().from(challenges).where(eq(challenges.id, id)))[0];
}

export async function recountParticipants(db: PgDb, challengeIds: number[]): Promise<void> {
  if (challengeIds.length === 0) return;
  await db
    .update(challenges)
    .set({
      participants: sql`(
        select count(*) from ${userChallenges} uc join ${users} u on u.id = uc.user_id
        where uc.challenge_id = "challenges"."id" and ${eligibleSql(uc, u)}
      )`,
    })
    .where(inArray(challenges.id, challengeIds));
}

export async function activeChallengeIds(db: PgDb): Promise<number[]> {
  return (await db.select({ id: challenges.id }).from(challenges).where(eq(challenges.isActive, true))).map((r) => r.id);
}

export async function insertChallenge(db: PgDb, values: ChallengeInsert): Promise<ChallengeRow> {
  return (await db.insert(challenges).values(values).returning())[0]!;
}

export async function updateChallenge(db: PgDb, id: number, patch: Partial<ChallengeInsert>): Promise<ChallengeRow | undefined> {
  return (await db.update(challenges).set(patch).where(eq(challenges.id, id)).returning())[0];
}

export async function joinedChallengeIds(db: PgDb, userId: number): Promise<Set<number>> {
  const rows = await db
    .select({ id: userChallenges.challengeId })
    .from(userChallenges)
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.isMember, true)));
  return new Set(rows.map((r) => r.id));
}
