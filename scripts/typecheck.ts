/** Type-checks the server (tsc) and every front-end present (vue-tsc), all strict. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './frontends';

const checks: string[][] = [['bun', 'x', 'tsc', '--noEmit', '-p', 'tsconfig.json']];
for (const app of ['miniapp', 'admin']) {
  if (existsSync(join(ROOT, app, 'tsconfig.json'))) checks.push(['bun', 'x', 'vue-tsc', '--noEmit', '-p', `${app}/tsconfig.json`]);
}
for (const cmd of checks) {
  console.log(`$ ${cmd.slice(2).join(' ')}`);
  const r = Bun.spawnSync(cmd, { cwd: ROOT, stdout: 'inherit', stderr: 'inherit' });
  if (r.exitCode !== 0) process.exit(r.exitCode ?? 1);
}
