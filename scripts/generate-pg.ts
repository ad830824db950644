/**
 * `bun run db:generate:pg`: generates the PostgreSQL migration for changes to
 * server/db/pg/schema.ts (drizzle-kit, drizzle.pg.config.ts), then drops the "public".
 * qualifier drizzle-kit writes into foreign keys: unqualified names resolve through the
 * connection's search_path, so a club may live in a schema of its own (and every test in one).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './frontends';

const r = Bun.spawnSync(['bunx', 'drizzle-kit', 'generate', '--config', 'drizzle.pg.config.ts', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdout: 'inherit',
  stderr: 'inherit',
});
if (r.exitCode !== 0) process.exit(r.exitCode ?? 1);
const folder = join(ROOT, 'drizzle-pg');
for (const name of readdirSync(folder).filter((n) => n.endsWith('.sql'))) {
  const path = join(folder, name);
  const text = readFileSync(path, 'utf8');
  const unqualified = text.replaceAll('"public".', '');
  if (unqualified !== text) writeFileSync(path, unqualified);
}
