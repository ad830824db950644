/**
 * Installs the dependencies when they are missing or older than the lockfile, so each of the
 * README's commands works alone on a fresh clone with only Bun.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './frontends';

export function ensureInstalled(): void {
  const modules = join(ROOT, 'node_modules');
  const lock = join(ROOT, 'bun.lock');
  if (existsSync(modules) && statSync(lock).mtimeMs <= statSync(modules).mtimeMs) return;
  console.log('installing dependencies…');
  const r = Bun.spawnSync(['bun', 'install', '--frozen-lockfile'], { cwd: ROOT, stdout: 'inherit', stderr: 'inherit' });
  if (r.exitCode !== 0) process.exit(r.exitCode ?? 1);
}

if (import.meta.main) ensureInstalled();
