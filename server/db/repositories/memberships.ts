import { and, asc, eq, gt, isNull, lt, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { challenges, userChallenges } from '../schema';

export type MembershipRow = typeof userChallenges.$inferSelect;

const membershipStatement = prepared((db) =>
  db
    .select()
    .from(userChallenges)
    .where(and(eq(userChallenges.userId, sql.placeholder('userId')), eq(userChallenges.challengeId, sql.placeholder('challengeId'))))
    .prepare(),
);

export function findMembership(db: Db, userId: number, challengeId: number): MembershipRow | undefined {
  return membershipStatement(db).get({ userId, challengeId });
}

/** Joins, or rejoins keeping the streak and history of the earlier membership. */
export function upsertMembership(db: Db, userId: number, challengeId: number, now: number): void {
  db.insert(userChallenges)
    .values({ userId, challengeId, isMember: true, joinedAt: now })
    .onConflictDoUpdate({
      target: [userChallenges.userId, userChallenges.challengeId],
      set: { isMember: true, leftAt: null },
    })
    .run();
}

export function endMembership(db: Db, userId: number, challengeId: number, now: number): void {
  db.update(userChallenges)
    .set({ isMember: false, leftAt: now })
    .where(and(eq(userChallenges.userId, userId), eq(userChallenges.challengeId, challengeId)))
    .run();
}

const setStreakStatement = prepared((db) =>
  db
    .update(userChallenges)
    .set({
      currentStreak: sql`${sql.placeholder('current')}`,
      bestStreak: sql`${sql.placeholder('best')}`,
      lastCountedDay: sql`${sql.placeholder('lastCountedDay')}`,
    })
    .where(and(eq(userChallenges.userId, sql.placeholder('userId')), eq(userChallenges.challengeId, sql.placeholder('challengeId'))))
    .prepare(),
);

export function setStreak(
  db: Db,
  userId: number,
  challengeId: number,
  streak: { current: number; best: number; lastCountedDay: string | null },
): void {
  setStreakStatement(db).run({ userId, challengeId, ...streak });
}

const membershipsStatement = (currentOnly: boolean) =>
  prepared((db) =>
    db
      .select({ membership: userChallenges, challenge: challenges })
      .from(userChallenges)
      .innerJoin(challenges, eq(challenges.id, userChallenges.challengeId))
      .where(and(eq(userChallenges.userId, sql.placeholder('userId')), currentOnly ? eq(userChallenges.isMember, true) : undefined))
      .orderBy(asc(challenges.id))
      .prepare(),
  );
const currentMemberships = membershipsStatement(true);
const everyMembership = membershipsStatement(false);

/** Memberships with their challenge (for profiles and admin details). */
export function membershipsOfUser(db: Db, userId: number, opts: { currentOnly: boolean }) {
  return (opts.currentOnly ? currentMemberships : everyMembership)(db).all({ userId });
}

/**
 * Streaks whose last counted day is before yesterday are broken: store 0 (best is kept, and
 * the last counted day stays for history). Returns how many rows changed. The same rule as
 * domain/streak.ts hasLapsed, which held profiles apply.
 */
export function resetLapsedStreaks(db: Db, yesterday: string): number {
  const changed = db
    .update(userChallenges)
    .set({ currentStreak: 0 })
    .where(
      and(
        gt(userChallenges.currentStreak, 0),
        or(isNull(userChallenges.lastCountedDay), lt(userChallenges.lastCountedDay, yesterday)),
      ),
    )
    .returning({ userId: userChallenges.userId })
    .all();
  return changed.length;
}

/** What the milestones keep on the membership (the streak, freezes held, best value, badge bits). */
export interface MilestonePatch {
  streak?: { current: number; best: number; lastCountedDay: string | null };
  freezes?: number;
  freezeEarnedOn?: string | null;
  bestValue?: number | null;
  badgeBits?: number;
}

/** Each field is written only when its flag is set: one prepared statement for any patch. */
const setMilestonesStatement = prepared((db) => {
  const maybe = (flag: string, column: SQLWrapper, value: string) =>
    sql`case when ${sql.placeholder(flag)} then ${sql.placeholder(value)} else ${column} end`;
  return db
    .update(userChallenges)
    .set({
      currentStreak: maybe('setStreak', userChallenges.currentStreak, 'current'),
      bestStreak: maybe('setStreak', userChallenges.bestStreak, 'best'),
      lastCountedDay: maybe('setStreak', userChallenges.lastCountedDay, 'lastCountedDay'),
      freezes: maybe('setFreezes', userChallenges.freezes, 'freezes'),
      freezeEarnedOn: maybe('setFreezeEarnedOn', userChallenges.freezeEarnedOn, 'freezeEarnedOn'),
      bestValue: maybe('setBestValue', userChallenges.bestValue, 'bestValue'),
      badgeBits: maybe('setBadgeBits', userChallenges.badgeBits, 'badgeBits'),
    })
    .where(and(eq(userChallenges.userId, sql.placeholder('userId')), eq(userChallenges.challengeId, sql.placeholder('challengeId'))))
    .prepare();
});

/** Writes the given fields in one statement; called only when one of them changed. */
export function setMilestones(db: Db, userId: number, challengeId: number, patch: MilestonePatch): void {
  if (Object.keys(patch).length === 0) return;
  setMilestonesStatement(db).run({
    userId,
    challengeId,
    setStreak: patch.streak ? 1 : 0,
    current: patch.streak?.current ?? null,
    best: patch.streak?.best ?? null,
    lastCountedDay: patch.streak?.lastCountedDay ?? null,
    setFreezes: 'freezes' in patch ? 1 : 0,
    freezes: patch.freezes ?? null,
    setFreezeEarnedOn: 'freezeEarnedOn' in patch ? 1 : 0,
    freezeEarnedOn: patch.freezeEarnedOn ?? null,
    setBestValue: 'bestValue' in patch ? 1 : 0,
    bestValue: patch.bestValue ?? null,
    setBadgeBits: 'badgeBits' in patch ? 1 : 0,
    badgeBits: patch.badgeBits ?? null,
  });
}

/**
 * Current memberships whose streak lapsed before `yesterday` while holding a freeze: the
 * nightly rollover covers their missed days when it can (domain/freezes.ts).
 */
export function lapsedWithFreezes(db: Db, yesterday: string): MembershipRow[] {
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
    .orderBy(asc(userChallenges.challengeId), asc(userChallenges.userId))
    .all();
}
