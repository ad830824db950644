/**
 * `bun run test`: the whole check from a fresh clone — installs dependencies when missing,
 * type-checks the server and both front-ends, builds the pages, then runs every test. Extra
 * arguments go to `bun test` (e.g. `bun run test tests/unit`).
 */
import { ROOT } from './frontends';
import { ensureInstalled } from './install';

function run(cmd: string[]): void {
  const r = Bun.spawnSync(cmd, { cwd: ROOT, stdout: 'inherit', stderr: 'inherit' });
  if (r.exitCode !== 0) process.exit(r.exitCode ?? 1);
}

ensureInstalled();
run(['bun', 'scripts/typecheck.ts']);
run(['bun', 'scripts/build.ts']);
run(['bun', 'test', ...process.argv.slice(2)]);
