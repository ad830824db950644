import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { submissions } from '../schema';

export type SubmissionRow = typeof submissions.$inferSelect;

const insertOnceStatement = prepared((db) =>
  db
    .insert(submissions)
    .values({
      userId: sql.placeholder('userId'),
      challengeId: sql.placeholder('challengeId'),
      day: sql.placeholder('day'),
      value: sql.placeholder('value'),
      createdAt: sql.placeholder('createdAt'),
    })
    .onConflictDoNothing()
    .returning()
    .prepare(),
);

/** Inserts unless a result for (member, challenge, day) exists; the unique key decides races. */
export function insertSubmissionOnce(
  db: Db,
  values: { userId: number; challengeId: number; day: string; value: number; createdAt: number },
): SubmissionRow | undefined {
  return insertOnceStatement(db).get(values);
}

export function findSubmission(db: Db, id: number): SubmissionRow | undefined {
  return db.select().from(submissions).where(eq(submissions.id, id)).get();
}

const onDayStatement = prepared((db) =>
  db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.userId, sql.placeholder('userId')),
        eq(submissions.challengeId, sql.placeholder('challengeId')),
        eq(submissions.day, sql.placeholder('day')),
      ),
    )
    .prepare(),
);

export function findSubmissionOnDay(db: Db, userId: number, challengeId: number, day: string): SubmissionRow | undefined {
  return onDayStatement(db).get({ userId, challengeId, day });
}

export function deleteSubmission(db: Db, id: number): void {
  db.delete(submissions).where(eq(submissions.id, id)).run();
}

export function submissionsOf(db: Db, userId: number, challengeId: number, fromDay?: string): SubmissionRow[] {
  return db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.userId, userId),
        eq(submissions.challengeId, challengeId),
        fromDay ? gte(submissions.day, fromDay) : undefined,
      ),
    )
    .orderBy(asc(submissions.day))
    .all();
}

export function recentSubmissionsOfUser(db: Db, userId: number, limit: number): SubmissionRow[] {
  return db
    .select()
    .from(submissions)
    .where(eq(submissions.userId, userId))
    .orderBy(desc(submissions.day), desc(submissions.id))
    .limit(limit)
    .all();
}

/** Sum, count and latest time of a member's results in a day range (null bounds = open). */
export function totalsInRange(
  db: Db,
  userId: number,
  challengeId: number,
  from: string | null,
  to: string | null,
): { total: number; days: number; lastAt: number | null } {
  const row = db
    .select({
      total: sql<number>`round(coalesce(sum(${submissions.value}), 0), 6)`,
      days: sql<number>`count(*)`,
      lastAt: sql<number | null>`max(${submissions.createdAt})`,
    })
    .from(submissions)
    .where(
      and(
        eq(submissions.userId, userId),
        eq(submissions.challengeId, challengeId),
        from ? gte(submissions.day, from) : undefined,
        to ? lte(submissions.day, to) : undefined,
      ),
    )
    .get();
  return row ?? { total: 0, days: 0, lastAt: null };
}

/** Distinct active members and submissions per day in [from, to]. */
export function dailyActivity(db: Db, from: string, to: string): { day: string; members: number; submissions: number }[] {
  return db
    .select({
      day: submissions.day,
      members: sql<number>`count(distinct ${submissions.userId})`,
      submissions: sql<number>`count(*)`,
    })
    .from(submissions)
    .where(and(gte(submissions.day, from), lte(submissions.day, to)))
    .groupBy(submissions.day)
    .all();
}

export function submissionsPerChallenge(db: Db, from: string, to: string): Map<number, number> {
  const rows = db
    .select({ challengeId: submissions.challengeId, n: sql<number>`count(*)` })
    .from(submissions)
    .where(and(gte(submissions.day, from), lte(submissions.day, to)))
    .groupBy(submissions.challengeId)
    .all();
  return new Map(rows.map((r) => [r.challengeId, r.n]));
}

export function countSubmissions(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(submissions).get()?.n ?? 0;
}
