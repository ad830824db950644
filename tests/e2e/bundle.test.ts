/** The built pages carry no server code and no secrets (they import the server only as types). */
import { describe, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR } from '../../server/rest/static';
import { checkAdminBudget, FIRST_LOAD_BUDGET, formatReport, measure } from '../../scripts/bundleBudget';

const FORBIDDEN = [
  'bun:sqlite', // the database driver
  'drizzle-orm', // the ORM
  'BOT_TOKEN',
  'DATABASE_PATH',
  'createHmac',
  'process.env',
  'user_challenges', // SQL
];

for (const app of ['miniapp', 'admin']) {
  test(`${app}: the bundle holds no server code or secrets`, () => {
    const assets = join(DIST_DIR, app, 'assets');
    expect(existsSync(assets)).toBe(true);
    const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(join(assets, file), 'utf8');
      for (const needle of FORBIDDEN) expect(code.includes(needle) ? `${file} contains ${needle}` : '').toBe('');
      expect(code).not.toMatch(/\d{6,}:[A-Za-z0-9_-]{30,}/); // anything shaped like a bot token
    }
  });
}

describe('admin: light first load', () => {
  const root = join(DIST_DIR, '..');
  const report = () => measure(join(DIST_DIR, 'admin'), join(DIST_DIR, 'admin.chunks.json'));
  const code = (files: string[]) => files.map((f) => readFileSync(join(DIST_DIR, 'admin', f), 'utf8')).join('\n');

  // Brotli at quality 11 over ~1 MB of scripts takes seconds on a busy machine (once; then cached).
  test('sign-in then dashboard fetch at most the budget of compressed JS; Chart.js and the table component are not part of it', () => {
    const r = report();
    expect(r.ok).toBe(true);
    expect(r.firstLoad.brotli).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    const first = code(r.firstLoad.files);
    expect(first.includes('borderCapStyle')).toBe(false); // Chart.js
    expect(first.includes('n-data-table')).toBe(false); // naive-ui's data table
    const charts = r.screens.find((s) => s.name === '+ charts')!;
    expect(code(charts.files).includes('borderCapStyle')).toBe(true);
  }, 120_000);

  test('every page is its own chunk, fetched only when shown', () => {
    const r = report();
    const signIn = r.screens.find((s) => s.name === 'sign-in')!;
    for (const page of ['Dashboard', 'Challenges', 'Members', 'MemberDetail', 'Audit', 'Admins']) {
      expect(signIn.files.some((f) => f.includes(`${page}Page-`))).toBe(false);
    }
    const members = r.screens.find((s) => s.name === 'members')!;
    expect(members.files.some((f) => f.includes('ChallengesPage-'))).toBe(false);
  }, 120_000);

  test('the build check fails over the budget, and prints every screen', () => {
    const tight = measure(join(DIST_DIR, 'admin'), join(DIST_DIR, 'admin.chunks.json'), 50 * 1024);
    expect(tight.ok).toBe(false);
    const text = formatReport(tight);
    for (const name of ['sign-in', 'dashboard', 'challenges', 'members', 'member', 'audit', 'admins']) expect(text).toContain(name);
    expect(text).toContain('OVER');
    expect(() => checkAdminBudget(root)).not.toThrow();
  }, 120_000);
});
