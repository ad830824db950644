/**
 * The README's commands stand alone on a fresh clone: with no node_modules, the step that
 * `bun run test` and `bun run start` run first installs the dependencies, after which the
 * type-check that used to stop at "Cannot find type definition file for 'bun'" passes.
 */
import { afterAll, expect, test } from 'bun:test';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/process';

const clone = mkdtempSync(join(tmpdir(), 'qadam-clone-'));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

function run(cmd: string[], cwd: string) {
  const r = Bun.spawnSync(cmd, { cwd, env: { ...process.env, NODE_ENV: '' }, stdout: 'pipe', stderr: 'pipe' });
  return { code: r.exitCode, out: `${r.stdout.toString()}${r.stderr.toString()}` };
}

test('a clone without node_modules installs, then type-checks', () => {
  // The files a clone would hold (tracked, plus new ones not ignored), copied without node_modules.
  const files = run(['git', 'ls-files', '--cached', '--others', '--exclude-standard'], ROOT);
  expect(files.code).toBe(0);
  for (const file of files.out.split('\n').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(clone, file));
  }
  expect(existsSync(join(clone, 'node_modules'))).toBe(false);

  const install = run(['bun', 'scripts/install.ts'], clone);
  expect(install.code).toBe(0);
  expect(install.out).toContain('installing dependencies');
  expect(existsSync(join(clone, 'node_modules/@types/bun/package.json'))).toBe(true);

  const typecheck = run(['bun', 'x', 'tsc', '--noEmit', '-p', 'tsconfig.json'], clone);
  expect(typecheck.out).toBe('');
  expect(typecheck.code).toBe(0);

  // A second run finds everything in place and does nothing.
  expect(run(['bun', 'scripts/install.ts'], clone).out).not.toContain('installing dependencies');
}, 180_000);
