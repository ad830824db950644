/** Databases as an older version of the project left them: its migrations up to a point. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A copy of a migrations folder (`drizzle` or `drizzle-pg`) in `dir` whose journal stops before
 * migration `idx`: migrating with it gives the schema a club had before that change.
 */
export function migrationsBefore(dir: string, folder: 'drizzle' | 'drizzle-pg', idx: number): string {
  const copy = join(dir, folder);
  cpSync(join(import.meta.dir, '../..', folder), copy, { recursive: true });
  const journalPath = join(copy, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx < idx) }));
  return copy;
}
