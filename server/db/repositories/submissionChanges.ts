/**
 * A stored result's value changing after it was sent: the new value, and the change kept in
 * submission_changes for the record (no door reads it back; tests and operators read it by SQL).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { submissionChanges, submissions } from '../schema';

export type SubmissionChangeRow = typeof submissionChanges.$inferSelect;

export function recordChange(db: Db, change: Omit<SubmissionChangeRow, 'id'>): void {
  db.insert(submissionChanges).values(change).run();
}

export function setSubmissionValue(db: Db, id: number, value: number): void {
  db.update(submissions).set({ value }).where(eq(submissions.id, id)).run();
}
