/**
 * The README's commands stand alone on a fresh clone: with no node_modules, the step that
 * `bun run test` and `bun run start` run first installs the dependencies — among them the type
 * definitions whose absence stopped the type-check at "Cannot find type definition file for
 * 'bun'". (CI runs the README's whole test command on a clean clone.)
 */
import { afterAll, expect, test } from 'bun:test';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/process';

const clone = mkdtempSync(join(tmpdir(), 'qadam-clone-'));
afterAll(() => rmSync(clone, { recursive: true, force: true }), 60_000);

function run(cmd: string[], cwd: string) {
  const r = Bun.spawnSync(cmd, { cwd, env: { ...process.env, NODE_ENV: '' }, stdout: 'pipe', stderr: 'pipe' });
  return { code: r.exitCode, out: `${r.stdout.toString()}${r.stderr.toString()}` };
}

test('a clone without node_modules installs what the type-check and the tests need', () => {
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
  for (const needed of ['@types/bun', 'typescript', 'vue-tsc', 'vite', 'playwright-core', 'telegram-test-api']) {
    expect({ needed, installed: existsSync(join(clone, 'node_modules', needed, 'package.json')) }).toEqual({ needed, installed: true });
  }

  // A second run finds everything in place and does nothing.
  expect(run(['bun', 'scripts/install.ts'], clone).out).not.toContain('installing dependencies');
}, 180_000);
