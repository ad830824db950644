/**
 * Remembered rows (the read model of server/services/readModel.ts) on a real SQLite database:
 * a committed write is seen at once, and a rolled-back transaction leaves no trace of what it
 * wrote or read.
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../server/clock';
import { openDatabase, type ClubDatabase } from '../../server/db/client';
import { SqliteStore } from '../../server/db/sqliteStore';
import { DEFAULT_CORRECTION_MINUTES } from '../../server/domain/corrections';
import { write, type ServiceContext } from '../../server/services/context';
import { seeMember, markReachable, markUnreachable, findMember } from '../../server/services/members';
import { Notices } from '../../server/services/notices';
import { ActivityMarks } from '../../server/services/activityMarks';
import { ReadModel } from '../../server/services/readModel';

let database: ClubDatabase;
let ctx: ServiceContext;
function contextOn(db: ClubDatabase): ServiceContext {
  const store = new SqliteStore(db);
  return {
    store,
    readModel: new ReadModel(store),
    clock: fixedClock('2026-11-27T07:00:00Z'),
    timeZone: 'Asia/Tashkent',
    correctionMinutes: DEFAULT_CORRECTION_MINUTES,
    notices: new Notices(),
    activity: new ActivityMarks(store),
  };
}
beforeEach(() => {
  database = openDatabase(':memory:');
  ctx = contextOn(database);
});
afterEach(() => database.close());

const profile = { telegramId: 77, firstName: 'Aziza', lastName: null, username: null, languageCode: 'uz' };

test('a write through the services replaces the remembered member', async () => {
  const row = await seeMember(ctx, profile);
  expect((await findMember(ctx, 77))?.displayName).toBeNull();
  await write(ctx, async (tx, emit) => {
    await tx.users.updateUser(row.id, { displayName: 'Aziza K.' });
    emit({ type: 'member.renamed', userId: row.id, telegramId: 77, displayName: 'Aziza K.' });
  });
  expect((await findMember(ctx, 77))?.displayName).toBe('Aziza K.');
  await seeMember(ctx, { ...profile, firstName: 'Aziza2' });
  expect((await findMember(ctx, 77))?.firstName).toBe('Aziza2');
});

test('a rollback leaves no trace of rows written or read inside the transaction', async () => {
  const row = await seeMember(ctx, profile);
  expect((await findMember(ctx, 77))?.isBanned).toBe(false); // remembered
  await expect(
    write(ctx, async (tx, emit) => {
      await tx.users.updateUser(row.id, { isBanned: true });
      expect((await tx.users.findUserByTelegramId(77))?.isBanned).toBe(true); // written, not committed
      emit({ type: 'ban.changed', userId: row.id, telegramId: 77, banned: true });
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  expect((await findMember(ctx, 77))?.isBanned).toBe(false);
  expect(database.sqlite.query('select is_banned as b from users where telegram_id = 77').get()).toEqual({ b: 0 });
});

test('challenges: an update is seen at once, a rolled-back one never', async () => {
  const c = await write(ctx, (tx) => tx.challenges.insertChallenge({ title: 'Steps', unit: 'steps', createdAt: 1, updatedAt: 1 }));
  expect((await ctx.readModel.challenge(c.id))?.title).toBe('Steps');
  await write(ctx, async (tx, emit) => {
    await tx.challenges.updateChallenge(c.id, { title: 'Qadam' });
    emit({ type: 'challenge.changed', challengeId: c.id });
  });
  expect((await ctx.readModel.challenge(c.id))?.title).toBe('Qadam');
  await expect(
    write(ctx, async (tx, emit) => {
      await tx.challenges.updateChallenge(c.id, { isActive: false });
      expect((await tx.challenges.findChallenge(c.id))?.isActive).toBe(false);
      emit({ type: 'challenge.changed', challengeId: c.id });
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  expect((await ctx.readModel.challenge(c.id))?.isActive).toBe(true);
});

test('a read waits while a transaction is open on the connection: it never sees uncommitted rows', async () => {
  const row = await seeMember(ctx, profile);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const writing = write(ctx, async (tx) => {
    await tx.users.updateUser(row.id, { displayName: 'Uncommitted' });
    await gate;
    throw new Error('abort');
  }).catch(() => 'rolled back');
  const reading = ctx.store.repos.users.findUserByTelegramId(77);
  release();
  expect(await writing).toBe('rolled back');
  expect((await reading)?.displayName).toBeNull();
});

test('the "blocked the bot" flag is cleared on the stored row, even when another process set it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'qadam-rowcache-'));
  const file = openDatabase(join(dir, 'club.sqlite'));
  const fileCtx = contextOn(file);
  const other = new Database(join(dir, 'club.sqlite')); // e.g. `bun run job reminders`
  try {
    await seeMember(fileCtx, profile);
    expect((await findMember(fileCtx, 77))?.unreachable).toBe(false); // remembered
    other.run('update users set unreachable = 1 where telegram_id = 77');
    await markReachable(fileCtx, 77); // the member wrote to the bot again
    expect(other.query('select unreachable as u from users where telegram_id = 77').get()).toEqual({ u: 0 });
    await markUnreachable(fileCtx, 77);
    expect((await findMember(fileCtx, 77))?.unreachable).toBe(true);
  } finally {
    other.close();
    file.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
