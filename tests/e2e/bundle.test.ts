/** The built pages carry no server code and no secrets (they import the server only as types). */
import { expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR } from '../../server/rest/static';

const FORBIDDEN = [
  'bun:sqlite', // the database driver
  'drizzle-orm', // the ORM
  'BOT_TOKEN',
  'DATABASE_PATH',
  'createHmac',
  'process.env',
  'leaderboard_totals', // SQL
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
