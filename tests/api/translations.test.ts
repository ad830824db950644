import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { Database } from 'bun:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/bun-sqlite';
import { migrate } from 'drizzle-orm/bun-sqlite/migrator';
import { openDatabase } from '../../server/db/client';
import { migrationsBefore } from '../helpers/migrations';
import { createChallenge, joinedMember } from '../helpers/factories';
import { ADMIN_USER, createTestRuntime, type TestRuntime } from '../helpers/runtime';

let rt: TestRuntime;
beforeEach(() => {
  rt = createTestRuntime();
});
afterEach(() => rt.close());

const translations = {
  ru: { title: 'Шаги', description: 'Каждый день 10 000 шагов.', unit: 'шагов' },
  en: { title: 'Steps', description: '10,000 steps every day.', unit: 'steps' },
};

describe('challenge texts in three languages', () => {
  test('each member reads title, description and unit in their language; Uzbek fills the gaps', async () => {
    const c = await createChallenge(rt, { title: 'Qadamlar', description: 'Har kuni 10 000 qadam.', unit: 'qadam', translations });
    const partial = await createChallenge(rt, { title: 'Kitob', unit: 'bet', translations: { ru: { title: 'Книга' } } });
    const ru = await joinedMember(rt, c.id, { language_code: 'ru' });
    const en = await joinedMember(rt, c.id, { language_code: 'en' });
    const uz = await joinedMember(rt, c.id, { language_code: 'uz' });
    const list = async (as: typeof ru.tg) => (await rt.request('GET', '/api/challenges', { as })).body as { id: number; title: string; description: string; unit: string }[];
    expect((await list(ru.tg)).find((x) => x.id === c.id)).toMatchObject(translations.ru);
    expect((await list(en.tg)).find((x) => x.id === c.id)).toMatchObject(translations.en);
    expect((await list(uz.tg)).find((x) => x.id === c.id)).toMatchObject({ title: 'Qadamlar', description: 'Har kuni 10 000 qadam.', unit: 'qadam' });
    // Only the Russian title entered: the unit falls back to Uzbek; English falls back entirely.
    expect((await list(ru.tg)).find((x) => x.id === partial.id)).toMatchObject({ title: 'Книга', unit: 'bet' });
    expect((await list(en.tg)).find((x) => x.id === partial.id)).toMatchObject({ title: 'Kitob', unit: 'bet' });
    // The profile follows the member's chosen language, also after a change.
    const me = await rt.request('GET', '/api/me', { as: ru.tg });
    expect(me.body.challenges[0].challenge).toMatchObject({ title: 'Шаги', unit: 'шагов' });
    await rt.request('PATCH', '/api/me', { as: ru.tg, body: { language: 'en' } });
    expect((await rt.request('GET', '/api/me', { as: ru.tg })).body.challenges[0].challenge.title).toBe('Steps');
  });

  test('admin routes carry translations; title alone sets the Uzbek title; an empty Uzbek title is refused', async () => {
    const c = await createChallenge(rt, { title: 'Qadamlar', unit: 'qadam', translations: { ru: translations.ru } });
    const list = await rt.request('GET', '/api/admin/challenges', { as: ADMIN_USER });
    const row = list.body.find((x: { id: number }) => x.id === c.id);
    expect(row.translations).toEqual({
      uz: { title: 'Qadamlar', description: '', unit: 'qadam' },
      ru: translations.ru,
      en: { title: null, description: null, unit: null },
    });
    const renamed = await rt.request('PATCH', `/api/admin/challenges/${c.id}`, { as: ADMIN_USER, body: { title: 'Kunlik qadamlar' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.translations.uz.title).toBe('Kunlik qadamlar');
    expect(renamed.body.translations.ru.title).toBe('Шаги');
    const en = await rt.request('PATCH', `/api/admin/challenges/${c.id}`, { as: ADMIN_USER, body: { translations: { en: { title: 'Daily steps' }, ru: { title: '' } } } });
    expect(en.status).toBe(200);
    expect(en.body.translations.en.title).toBe('Daily steps');
    expect(en.body.translations.ru.title).toBeNull();
    const bad = await rt.request('PATCH', `/api/admin/challenges/${c.id}`, { as: ADMIN_USER, body: { translations: { uz: { title: '' } } } });
    expect(bad.status).toBe(400);
    const unknown = await rt.request('PATCH', `/api/admin/challenges/${c.id}`, { as: ADMIN_USER, body: { translations: { de: { title: 'Schritte' } } } });
    expect(unknown.status).toBe(400);
    const after = (await rt.request('GET', '/api/admin/challenges', { as: ADMIN_USER })).body.find((x: { id: number }) => x.id === c.id);
    expect(after.translations.uz.title).toBe('Kunlik qadamlar');
  });
});

test('migration 0004 keeps the challenges, members and results stored before it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qadam-migrate-'));
  try {
    // The migrations up to 0003, as a database written before this change had them.
    const old = migrationsBefore(dir, 'drizzle', 4);
    const file = join(dir, 'qadam.sqlite');
    const before = new Database(file);
    migrate(drizzle(before), { migrationsFolder: old });
    before.run(`insert into challenges (title, description, unit, created_at, updated_at) values ('Qadamlar', 'Har kuni', 'qadam', 1, 1)`);
    before.run(`insert into users (telegram_id, first_name, display_name, registered_at, created_at) values (42, 'A', 'A', 1, 1)`);
    before.run(`insert into submissions (user_id, challenge_id, day, value, created_at) values (1, 1, '2026-11-24', 5000, 1)`);
    before.close();

    const db = openDatabase(file); // applies 0004 at start-up
    const row = db.sqlite.query('select title, description, unit, title_ru, unit_en from challenges').get();
    expect(row).toEqual({ title: 'Qadamlar', description: 'Har kuni', unit: 'qadam', title_ru: null, unit_en: null });
    expect(db.sqlite.query('select value from submissions').get()).toEqual({ value: 5000 });
    expect(db.sqlite.query('select count(*) as n from submission_changes').get()).toEqual({ n: 0 });
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
