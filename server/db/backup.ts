/**
 * A consistent copy of the live database. `VACUUM INTO` reads one snapshot inside a read
 * transaction, so writers (WAL mode) carry on and the copy is a compact, valid SQLite file.
 */
import { Database } from 'bun:sqlite';
import { existsSync, renameSync, rmSync } from 'node:fs';

export function backupDatabase(sourcePath: string, targetPath: string): { bytes: number; integrity: string } {
  if (!existsSync(sourcePath)) throw new Error(`no database at ${sourcePath}`);
  if (existsSync(targetPath)) throw new Error(`${targetPath} already exists; choose a new file`);
  const partial = `${targetPath}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(sourcePath, { readonly: true });
  try {
    source.run('PRAGMA busy_timeout = 5000');
    source.query('VACUUM INTO ?').run(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial, { readonly: true });
  let integrity: string;
  try {
    integrity = (copy.query('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
  } finally {
    copy.close();
  }
  if (integrity !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`the copy failed its integrity check: ${integrity}`);
  }
  // Only a complete, checked copy ever carries the requested name.
  renameSync(partial, targetPath);
  return { bytes: Bun.file(targetPath).size, integrity };
}
