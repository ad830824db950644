import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { alias } from 'drizzle-orm/sqlite-core';
import { eligibleSql } from '../rules';
import { challenges, userChallenges, users } from '../schema';

const uc = alias(userChallenges, 'uc');
const u = alias(users, 'u');

export type ChallengeRow = typeof challenges.$inferSelect;
export type ChallengeInsert = typeof challenges.$inferInsert;

export function listChallenges(db: Db, opts: { activeOnly: boolean }): ChallengeRow[] {
  return db
    .select()
    .from(challenges)
    .where(opts.activeOnly ? eq(challenges.isActive, true) : undefined)
    .orderBy(asc(challenges.id))
    .all();
}

const byId = prepared((db) => db.select().from(challenges).where(eq(challenges.id, sql.placeholder('id'))).prepare());

export function findChallenge(db: Db, id: number): ChallengeRow | undefined {
  return byId(db).get({ id });
}

/**
 * Recounts the participants (current, non-banned members) of the given challenges. Called by
 * every write that changes a membership or a ban, so reads are a plain column.
 */
export function recountParticipants(db: Db, challengeIds: number[]): void {
  if (challengeIds.length === 0) return;
  db.update(challenges)
    .set({
      participants: sql`(
        select count(*) from ${userChallenges} uc join ${users} u on u.id = uc.user_id
        where uc.challenge_id = "challenges"."id" and ${eligibleSql(uc, u)}
      )`,
    })
    .where(inArray(challenges.id, challengeIds))
    .run();
}

export function activeChallengeIds(db: Db): number[] {
  return db.select({ id: challenges.id }).from(challenges).where(eq(challenges.isActive, true)).all().map((r) => r.id);
}

export function insertChallenge(db: Db, values: ChallengeInsert): ChallengeRow {
  return db.insert(challenges).values(values).returning().get();
}

export function updateChallenge(db: Db, id: number, patch: Partial<ChallengeInsert>): ChallengeRow | undefined {
  return db.update(challenges).set(patch).where(eq(challenges.id, id)).returning().get();
}

export function joinedChallengeIds(db: Db, userId: number): Set<number> {
  const rows = db
    .select({ id: userChallenges.challengeId })
    .from(userChallenges)
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.isMember, true)))
    .all();
  return new Set(rows.map((r) => r.id));
}
