/** The two Vite front-ends, and whether their build output is missing or older than their sources. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressDir } from './compress';

export const ROOT = resolve(import.meta.dir, '..');

export const FRONTENDS = [
  { name: 'miniapp', config: 'miniapp/vite.config.ts', out: 'dist/miniapp/index.html', sources: ['miniapp', 'shared'] },
  { name: 'admin', config: 'admin/vite.config.ts', out: 'dist/admin/index.html', sources: ['admin', 'shared'] },
] as const;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function presentFrontends() {
  return FRONTENDS.filter((f) => existsSync(join(ROOT, f.config)));
}

export function isStale(f: (typeof FRONTENDS)[number]): boolean {
  const out = join(ROOT, f.out);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return f.sources.some((s) => newestMtime(join(ROOT, s)) > built);
}

export function buildFrontend(f: (typeof FRONTENDS)[number]): void {
  console.log(`building ${f.name}…`);
  const result = Bun.spawnSync(['bun', 'x', 'vite', 'build', '--config', f.config, '--logLevel', 'warn'], {
    cwd: ROOT,
    // A build started from `bun test` (NODE_ENV=test) would otherwise ship Vue's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdout: 'inherit',
    stderr: 'inherit',
  });
  if (result.exitCode !== 0) throw new Error(`building ${f.name} failed`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const sizes = compressDir(join(ROOT, 'dist', f.name));
  console.log(`${f.name}: ${sizes.files} text files, ${kb(sizes.raw)} → brotli ${kb(sizes.br)}, gzip ${kb(sizes.gzip)}`);
}
