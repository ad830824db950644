/**
 * Remembered rows (server/db/rowCache.ts) on a real SQLite database: a write through the
 * repository is seen at once, and a rolled-back transaction leaves no trace of what it read.
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type ClubDatabase } from '../../server/db/client';
import { findChallenge, insertChallenge, updateChallenge } from '../../server/db/repositories/challenges';
import { findUserByTelegramId, setUnreachable, updateUser, upsertTelegramProfile } from '../../server/db/repositories/users';

let database: ClubDatabase;
beforeEach(() => {
  database = openDatabase(':memory:');
});
afterEach(() => database.close());

const profile = { telegramId: 77, firstName: 'Aziza', lastName: null, username: null, languageCode: 'uz' };

test('a write through the repository replaces the remembered member', () => {
  const { db } = database;
  const row = upsertTelegramProfile(db, profile, { language: 'uz', now: 1 });
  expect(findUserByTelegramId(db, 77)?.displayName).toBeNull();
  updateUser(db, row.id, { displayName: 'Aziza K.' });
  expect(findUserByTelegramId(db, 77)?.displayName).toBe('Aziza K.');
  upsertTelegramProfile(db, { ...profile, firstName: 'Aziza2' }, { language: 'uz', now: 2 });
  expect(findUserByTelegramId(db, 77)?.firstName).toBe('Aziza2');
});

test('a rollback forgets rows read inside the transaction', () => {
  const { db } = database;
  const row = upsertTelegramProfile(db, profile, { language: 'uz', now: 1 });
  expect(() =>
    database.transaction(() => {
      updateUser(db, row.id, { isBanned: true });
      expect(findUserByTelegramId(db, 77)?.isBanned).toBe(true); // remembered, not committed
      throw new Error('abort');
    }),
  ).toThrow('abort');
  expect(findUserByTelegramId(db, 77)?.isBanned).toBe(false);
  expect(database.sqlite.query('select is_banned as b from users where telegram_id = 77').get()).toEqual({ b: 0 });
});

test('challenges: an update is seen at once, a rolled-back one never', () => {
  const { db } = database;
  const c = insertChallenge(db, { title: 'Steps', unit: 'steps', createdAt: 1, updatedAt: 1 });
  expect(findChallenge(db, c.id)?.title).toBe('Steps');
  updateChallenge(db, c.id, { title: 'Qadam' });
  expect(findChallenge(db, c.id)?.title).toBe('Qadam');
  expect(() =>
    database.transaction(() => {
      updateChallenge(db, c.id, { isActive: false });
      expect(findChallenge(db, c.id)?.isActive).toBe(false);
      throw new Error('abort');
    }),
  ).toThrow('abort');
  expect(findChallenge(db, c.id)?.isActive).toBe(true);
});

test('the "blocked the bot" flag is cleared on the stored row, even when another process set it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qadam-rowcache-'));
  const file = openDatabase(join(dir, 'club.sqlite'));
  const other = new Database(join(dir, 'club.sqlite')); // e.g. `bun run job reminders`
  try {
    upsertTelegramProfile(file.db, profile, { language: 'uz', now: 1 });
    expect(findUserByTelegramId(file.db, 77)?.unreachable).toBe(false); // remembered
    other.run('update users set unreachable = 1 where telegram_id = 77');
    setUnreachable(file.db, 77, false); // the member wrote to the bot again
    expect(other.query('select unreachable as u from users where telegram_id = 77').get()).toEqual({ u: 0 });
    setUnreachable(file.db, 77, true);
    expect(findUserByTelegramId(file.db, 77)?.unreachable).toBe(true);
  } finally {
    other.close();
    file.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
