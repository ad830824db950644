/** The audit log names an admin who is not a member by the Telegram name the bot saw at /admin. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { ADMIN_USER } from '../helpers/runtime';
import { BotHarness } from './harness';

let h: BotHarness;
beforeAll(async () => {
  h = await new BotHarness().start();
});
afterAll(() => h.stop());

test('after /admin, the owner’s entries carry their Telegram name; before it, only the id', async () => {
  const owner = h.member({ id: ADMIN_USER.id, first_name: 'Gulnora', last_name: 'Karimova', language_code: 'en' });
  const created = await h.runtime.request('POST', '/api/admin/challenges', { as: ADMIN_USER, body: { title: 'Steps' } });
  expect(created.status).toBe(201);
  const before = (await h.runtime.request('GET', `/api/admin/audit?actor=${ADMIN_USER.id}`, { as: ADMIN_USER })).body.items[0];
  expect(before).toMatchObject({ action: 'challenge.create', actorName: null });

  const reply = await owner.ask('/admin');
  expect(reply.text).toContain('sign-in link');
  const after = (await h.runtime.request('GET', `/api/admin/audit?actor=${ADMIN_USER.id}`, { as: ADMIN_USER })).body.items;
  expect(after.find((e: { action: string }) => e.action === 'challenge.create')).toMatchObject({ actorName: 'Gulnora Karimova' });
  // Still not a member: the members list does not gain the admin.
  expect((await h.runtime.request('GET', '/api/admin/users', { as: ADMIN_USER })).body.total).toBe(0);
});
