/** PostgreSQL twin of db/repositories/submissionChanges.ts. */
import { eq } from 'drizzle-orm';
import type { SubmissionChangeRow } from '../../repositories/submissionChanges';
import type { PgDb } from '../client';
import { submissionChanges, submissions } from '../schema';

export async function recordChange(db: PgDb, change: Omit<SubmissionChangeRow, 'id'>): Promise<void> {
  await db.insert(submissionChanges).values(change);
}

export async function setSubmissionValue(db: PgDb, id: number, value: number): Promise<void> {
  await db.update(submissions).set({ value }).where(eq(submissions.id, id));
}
