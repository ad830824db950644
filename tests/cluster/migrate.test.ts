/**
 * `bun run migrate-to-postgres`: an SQLite club (several weeks of results, a closed week,
 * admins, audit, a corrected result, a photo, an announcement) is copied to a fresh PostgreSQL schema, verified by the tool, and then serves
 * the same boards and profile there. PostgreSQL suite only.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../server/clock';
import { parseConfig } from '../../server/config';
import { weeklyResultsJob } from '../../server/jobs/results';
import { silentLogger } from '../../server/log';
import { createRuntime, type Runtime } from '../../server/runtime';
import { dropSchema, freshSchemaUrl, TEST_ENGINE } from '../helpers/engine';
import { challengeVia, memberVia, OWNER } from '../helpers/factories';
import { ROOT } from '../helpers/process';

describe.skipIf(TEST_ENGINE !== 'postgres')('moving a club from SQLite to PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qadam-move-'));
  const { url, schema } = TEST_ENGINE === 'postgres' ? freshSchemaUrl() : { url: '', schema: '' };
  const open = (env: Record<string, string>, now: string): Runtime =>
    createRuntime(parseConfig({ ADMIN_TELEGRAM_IDS: String(OWNER.telegramId), ...env }), { clock: fixedClock(now), log: silentLogger });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (schema) await dropSchema(schema);
  });

  test('every table is copied, counts and sums verified, and the club reads the same', async () => {
    const path = join(dir, 'club.sqlite');
    const lite = open({ DATABASE_PATH: path }, '2026-11-16T07:00:00Z');
    await lite.ready;
    const s = lite.services;
    const steps = await challengeVia(s, { title: 'Steps', emoji: '👟', unit: 'steps', minValue: 0, maxValue: 100000 } as never);
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const identity = { telegramId: 880_000 + i, firstName: `Walker${i}`, lastName: null, username: null, languageCode: 'en' };
      ids.push((await memberVia(s, identity, { join: [steps.id] })).id);
    }
    for (let day = 16; day <= 24; day++) {
      (lite.clock as ReturnType<typeof fixedClock>).set(`2026-11-${day}T07:00:00Z`);
      for (let i = 0; i < 6; i++) if ((day + i) % 3 !== 0) await s.submissions.submit(880_000 + i, steps.id, 1000 * (i + 1) + day + 0.25);
    }
    await weeklyResultsJob({ services: s, messenger: null, publicUrl: 'https://club.example', log: silentLogger }, new Date('2026-11-23T04:00:00Z'));
    await s.corrections.correctToday(880_001, steps.id, 2500);
    await s.photos.notePhoto({ telegramId: 880_002, firstName: 'Walker2', lastName: null, username: null, languageCode: 'en', photoUrl: 'https://t.me/i/userpic/320/w2.jpg' });
    await s.admin.audit.rememberAdminName(OWNER.telegramId, 'Club', 'Owner');
    const news = await s.admin.announcements.createAnnouncement(OWNER, { challengeId: steps.id, text: { uz: 'Salom', ru: 'Привет', en: null } });
    await s.admin.members.banMember(OWNER, ids[5]!, 'test');
    const board = (rt: Runtime) => rt.services.leaderboard.leaderboardForMember(880_000, { challengeId: steps.id, type: 'all', limit: 50 });
    const history = (rt: Runtime) => rt.services.history.historyOf(880_001, steps.id, 'all');
    const announcement = (rt: Runtime) => rt.services.admin.announcements.announcementStatus(OWNER, news.id);
    const audit = (rt: Runtime) => rt.services.admin.audit.auditPage(OWNER, {}, 1, 50);
    const before = { board: await board(lite), history: await history(lite), announcement: await announcement(lite), audit: await audit(lite) };
    expect(before.board.entries.find((e) => e.userId === ids[2])?.photoUrl).toBe('https://t.me/i/userpic/320/w2.jpg');
    expect(before.announcement).toMatchObject({ total: 6, pending: 6 });
    await lite.closeStore();

    const proc = Bun.spawn(['bun', 'run', 'migrate-to-postgres'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: path, DATABASE_URL: url },
      stdout: 'pipe',
      stderr: 'pipe',
    });
    const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    expect(err).not.toContain('rror');
    expect(code).toBe(0);
    expect(out).toContain('verified: every table has the same count and sums on both sides');
    expect(out).not.toContain('MISMATCH');
    expect(out).toMatch(/ok\s+submissions\s+36 rows/);
    expect(out).toMatch(/ok\s+submission_changes\s+1 rows/);
    expect(out).toMatch(/ok\s+announcements\s+1 rows/);
    expect(out).toMatch(/ok\s+announcement_recipients\s+6 rows/);

    const moved = open({ DATABASE_URL: url }, '2026-11-24T07:00:00Z');
    try {
      await moved.ready;
      expect({ board: await board(moved), history: await history(moved), announcement: await announcement(moved), audit: await audit(moved) }).toEqual(before);
      // New rows continue after the copied ids (the sequences were moved on).
      const next = await memberVia(moved.services, { telegramId: 889_999, firstName: 'New', lastName: null, username: null, languageCode: 'en' });
      expect(next.id).toBe(Math.max(...ids) + 1);
    } finally {
      await moved.closeStore();
    }

    // A second run refuses: the target is no longer empty.
    const again = Bun.spawnSync(['bun', 'run', 'migrate-to-postgres'], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path, DATABASE_URL: url } });
    expect(again.exitCode).toBe(1);
    expect(again.stderr.toString()).toContain('not empty');
  });
});
