/** A stored result's value changing after it was sent, and the history of such changes. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { submissionChanges, submissions } from '../schema';

export type SubmissionChangeRow = typeof submissionChanges.$inferSelect;

export function recordChange(db: Db, change: Omit<SubmissionChangeRow, 'id'>): void {
  db.insert(submissionChanges).values(change).run();
}

export function setSubmissionValue(db: Db, id: number, value: number): void {
  db.update(submissions).set({ value }).where(eq(submissions.id, id)).run();
}

export function changesOfSubmission(db: Db, submissionId: number): SubmissionChangeRow[] {
  return db.select().from(submissionChanges).where(eq(submissionChanges.submissionId, submissionId)).orderBy(asc(submissionChanges.id)).all();
}
