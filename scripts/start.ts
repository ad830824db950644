/**
 * `bun run start`: one command from a fresh clone to a running club — installs dependencies when
 * missing, builds the pages when missing or stale, then starts the server (which migrates the
 * database on its own).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildFrontend, isStale, presentFrontends, ROOT } from './frontends';

const modules = join(ROOT, 'node_modules');
const lock = join(ROOT, 'bun.lock');
if (!existsSync(modules) || statSync(lock).mtimeMs > statSync(modules).mtimeMs) {
  console.log('installing dependencies…');
  const r = Bun.spawnSync(['bun', 'install', '--frozen-lockfile'], { cwd: ROOT, stdout: 'inherit', stderr: 'inherit' });
  if (r.exitCode !== 0) process.exit(r.exitCode ?? 1);
}

for (const f of presentFrontends()) if (isStale(f)) buildFrontend(f);

process.env.NODE_ENV ??= 'production';
await import('../server/main');
