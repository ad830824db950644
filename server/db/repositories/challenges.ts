import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { challenges, userChallenges, users } from '../schema';

export type ChallengeRow = typeof challenges.$inferSelect;
export type ChallengeInsert = typeof challenges.$inferInsert;
export type ChallengeWithCount = ChallengeRow & { participants: number };

/** Participants: current members who are not banned. (Outer columns are written qualified:
 * drizzle renders `${column}` unqualified, which a subquery would bind to its own tables.) */
const participants = sql<number>`(
  select count(*) from ${userChallenges} uc join ${users} u on u.id = uc.user_id
  where uc.challenge_id = "challenges"."id" and uc.is_member = 1 and u.is_banned = 0
)`;

export function listChallenges(db: Db, opts: { activeOnly: boolean }): ChallengeWithCount[] {
  return db
    .select({ challenge: challenges, participants })
    .from(challenges)
    .where(opts.activeOnly ? eq(challenges.isActive, true) : undefined)
    .orderBy(asc(challenges.id))
    .all()
    .map((r) => ({ ...r.challenge, participants: r.participants }));
}

export function findChallenge(db: Db, id: number): ChallengeRow | undefined {
  return db.select().from(challenges).where(eq(challenges.id, id)).get();
}

export function findChallengeWithCount(db: Db, id: number): ChallengeWithCount | undefined {
  const r = db.select({ challenge: challenges, participants }).from(challenges).where(eq(challenges.id, id)).get();
  return r ? { ...r.challenge, participants: r.participants } : undefined;
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
