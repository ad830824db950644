/** PostgreSQL twin of db/repositories/memberships.ts. */
import { and, asc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { MembershipRow, MilestonePatch } from '../../repositories/memberships';
import type { PgDb } from '../client';
import { challenges, userChallenges } from '../schema';

export async function findMembership(db: PgDb, userId: number, challengeId: number): Promise<MembershipRow | undefined> {
  const rows = await db
    .select()
    .from(userChallenges)
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)));
  return rows[0];
}

export async function upsertMembership(db: PgDb, userId: number, challengeId: number, now: number): Promise<void> {
  await db
    .insert(userChallenges)
    .values({ userId, challengeId, isMember: true, joinedAt: now })
    .onConflictDoUpdate({ target: [userChallenges.userId, userChallenges.challengeId], set: { isMember: true, leftAt: null } });
}

export async function endMembership(db: PgDb, userId: number, challengeId: number, now: number): Promise<void> {
  await db
    .update(userChallenges)
    .set({ isMember: false, leftAt: now })
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)));
}

export async function setStreak(
  db: PgDb,
  userId: number,
  challengeId: number,
  streak: { current: number; best: number; lastCountedDay: string | null },
): Promise<void> {
  await db
    .update(userChallenges)
    .set({ currentStreak: streak.current, bestStreak: streak.best, lastCountedDay: streak.lastCountedDay })
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)));
}

export async function membershipsOfUser(db: PgDb, userId: number, opts: { currentOnly: boolean }) {
  return db
    .select({ membership: userChallenges, challenge: challenges })
    .from(userChallenges)
    .innerJoin(challenges, eq(challenges.id, userChallenges.challengeId))
    .where(and(eq(userChallenges.userId, userId), opts.currentOnly ? eq(userChallenges.isMember, true) : undefined))
    .orderBy(asc(challenges.id));
}

export async function resetLapsedStreaks(db: PgDb, yesterday: string): Promise<number> {
  const changed = await db
    .update(userChallenges)
    .set({ currentStreak: 0 })
    .where(and(gt(userChallenges.currentStreak, 0), or(isNull(userChallenges.lastCountedDay), lt(userChallenges.lastCountedDay, yesterday))))
    .returning({ userId: userChallenges.userId });
  return changed.length;
}

export async function setMilestones(db: PgDb, userId: number, challengeId: number, patch: MilestonePatch): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  const { streak, ...fields } = patch;
  await db
    .update(userChallenges)
    .set({ ...fields, ...(streak ? { currentStreak: streak.current, bestStreak: streak.best, lastCountedDay: streak.lastCountedDay } : {}) })
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)));
}

export async function lapsedWithFreezes(db: PgDb, yesterday: string): Promise<MembershipRow[]> {
  return db
    .select()
    .from(userChallenges)
    .where(
      and(
        eq(userChallenges.isMember, true),
        gt(userChallenges.freezes, 0),
        gt(userChallenges.currentStreak, 0),
        lt(userChallenges.lastCountedDay, yesterday),
      ),
    )
    .orderBy(asc(userChallenges.challengeId), asc(userChallenges.userId));
}
