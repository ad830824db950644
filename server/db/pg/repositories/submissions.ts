/** PostgreSQL twin of db/repositories/submissions.ts. */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { SubmissionRow } from '../../repositories/submissions';
import type { PgDb } from '../client';
import { submissions } from '../schema';

/** Inserts unless a result for (member, challenge, day) exists; the unique key decides races. */
export async function insertSubmissionOnce(
  db: PgDb,
  values: { userId: number; challengeId: number; day: string; value: number; createdAt: number },
): Promise<SubmissionRow | undefined> {
  return (await db.insert(submissions).values(values).onConflictDoNothing().returning())[0];
}

export async function findSubmission(db: PgDb, id: number): Promise<SubmissionRow | undefined> {
  return (await db.select().from(submissions).where(eq(submissions.id, id)))[0];
}

export async function findSubmissionOnDay(db: PgDb, userId: number, challengeId: number, day: string): Promise<SubmissionRow | undefined> {
  const rows = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.userId, userId), eq(submissions.challengeId, challengeId), eq(submissions.day, day)));
  return rows[0];
}

export async function deleteSubmission(db: PgDb, id: number): Promise<void> {
  await db.delete(submissions).where(eq(submissions.id, id));
}

export async function submissionsOf(db: PgDb, userId: number, challengeId: number, fromDay?: string): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(submissions)
    .where(and(eq(submissions.userId, userId), eq(submissions.challengeId, challengeId), fromDay ? gte(submissions.day, fromDay) : undefined))
    .orderBy(asc(submissions.day));
}

export async function recentSubmissionsOfUser(db: PgDb, userId: number, limit: number): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(submissions)
    .where(eq(submissions.userId, userId))
    .orderBy(desc(submissions.day), desc(submissions.id))
    .limit(limit);
}

export async function totalsInRange(
  db: PgDb,
  userId: number,
  challengeId: number,
  from: string | null,
  to: string | null,
): Promise<{ total: number; days: number; lastAt: number | null }> {
  const rows = await db
    .select({
      total: sql<number>`round(coalesce(sum(${submissions.value}), 0)::numeric, 6)::float8`,
      days: sql<number>`count(*)::int`,
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
    );
  return rows[0] ?? { total: 0, days: 0, lastAt: null };
}

export async function dailyActivity(db: PgDb, from: string, to: string): Promise<{ day: string; members: number; submissions: number }[]> {
  return db
    .select({
      day: submissions.day,
      members: sql<number>`count(distinct ${submissions.userId})::int`,
      submissions: sql<number>`count(*)::int`,
    })
    .from(submissions)
    .where(and(gte(submissions.day, from), lte(submissions.day, to)))
    .groupBy(submissions.day)
    .orderBy(submissions.day);
}

export async function submissionsPerChallenge(db: PgDb, from: string, to: string): Promise<Map<number, number>> {
  const rows = await db
    .select({ challengeId: submissions.challengeId, n: sql<number>`count(*)::int` })
    .from(submissions)
    .where(and(gte(submissions.day, from), lte(submissions.day, to)))
    .groupBy(submissions.challengeId);
  return new Map(rows.map((r) => [r.challengeId, r.n]));
}

export async function countSubmissions(db: PgDb): Promise<number> {
  return (await db.select({ n: sql<number>`count(*)::int` }).from(submissions))[0]?.n ?? 0;
}
