/**
 * Announcements end to end against the local fake Telegram: written through REST (202), sent by
 * the sender through the bot's real queue, each member once in their language, a member who
 * blocked the bot counted as blocked, and a restart in the middle of sending resumes with the
 * members still waiting without sending anyone a second copy.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { deliverAnnouncements, startAnnouncementSender } from '../../server/jobs/announcements';
import type { JobDeps } from '../../server/jobs/types';
import type { Messenger } from '../../server/messaging';
import { ADMIN_USER } from '../helpers/runtime';
import { BotHarness, captureLogger, type Member } from './harness';

let h: BotHarness;
let proxy: ReturnType<typeof Bun.serve>;
const blockedChats = new Set<number>();
/** sendMessage calls that reached the fake Telegram, per chat. */
const delivered = new Map<number, string[]>();

beforeAll(async () => {
  h = new BotHarness();
  // A proxy in front of the fake: counts every message per chat and refuses blocked chats.
  proxy = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    async fetch(req) {
      const url = new URL(req.url);
      const body = req.method === 'POST' ? await req.text() : undefined;
      if (url.pathname.endsWith('/sendMessage') && body) {
        const { chat_id, text } = JSON.parse(body) as { chat_id: number; text: string };
        if (blockedChats.has(Number(chat_id))) {
          return Response.json({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }, { status: 403 });
        }
        delivered.set(Number(chat_id), [...(delivered.get(Number(chat_id)) ?? []), text]);
      }
      return fetch(`${h.fakeUrl}${url.pathname}`, { method: req.method, headers: req.headers, body });
    },
  });
  await h.start({ env: { TELEGRAM_API_URL: `http://127.0.0.1:${proxy.port}` } });
});
afterAll(async () => {
  await h.stop();
  proxy.stop(true);
});

const deps = (messenger: Messenger = h.qadam.messenger): JobDeps => ({ services: h.services, messenger, publicUrl: 'https://qadam.example', log: captureLogger(h.logs) });
const status = async (id: number) => (await h.runtime.request('GET', `/api/admin/announcements/${id}`, { as: ADMIN_USER })).body;
const announce = (body: unknown) => h.runtime.request('POST', '/api/admin/announcements', { as: ADMIN_USER, body });

async function members(challengeId: number, n: number, language_code = 'uz'): Promise<Member[]> {
  const out: Member[] = [];
  for (let i = 0; i < n; i++) {
    const m = await h.registered({ language_code });
    await h.join(m, challengeId);
    out.push(m);
  }
  return out;
}

describe('announcements', () => {
  test('N members receive it once, in their language; a blocked member is counted; outsiders get nothing', async () => {
    const c = await h.challenge({ title: 'Steps' });
    const uz = await members(c.id, 3, 'uz');
    const [ru] = await members(c.id, 1, 'ru');
    const [en] = await members(c.id, 1, 'en');
    const [blocked] = await members(c.id, 1, 'en');
    const outsider = await h.registered({ language_code: 'uz' });
    const banned = (await members(c.id, 1))[0]!;
    await h.ban(banned);
    blockedChats.add(blocked!.id);

    const res = await announce({ challengeId: c.id, text: { uz: 'Ertaga marafon!', ru: 'Завтра марафон!', en: 'Marathon tomorrow!' } });
    expect(res.status).toBe(202);
    const id = res.body.id as number;
    expect(await status(id)).toEqual({ status: 'sending', total: 6, delivered: 0, blocked: 0, failed: 0, pending: 6 });

    const counts = await deliverAnnouncements(deps());
    expect(counts).toMatchObject({ delivered: 5, blocked: 1, failed: 0, finished: 1 });
    expect(await status(id)).toEqual({ status: 'done', total: 6, delivered: 5, blocked: 1, failed: 0, pending: 0 });

    for (const m of uz) expect(delivered.get(m.id)).toEqual(['Ertaga marafon!']);
    expect(delivered.get(ru!.id)).toEqual(['Завтра марафон!']);
    expect(delivered.get(en!.id)).toEqual(['Marathon tomorrow!']);
    expect((await en!.next()).text).toBe('Marathon tomorrow!'); // it really reached the member's chat
    expect(delivered.get(blocked!.id)).toBeUndefined();
    expect(delivered.get(outsider.id)).toBeUndefined();
    expect(delivered.get(banned.id)).toBeUndefined();
    expect((await h.services.members.findMember(blocked!.id))?.unreachable).toBe(true);

    // Another pass sends nothing again.
    expect(await deliverAnnouncements(deps())).toMatchObject({ delivered: 0, blocked: 0, failed: 0 });
    for (const m of uz) expect(delivered.get(m.id)).toHaveLength(1);

    // Audited, with the text and the number of recipients.
    const audit = (await h.runtime.request('GET', '/api/admin/audit?action=announcement.create', { as: ADMIN_USER })).body.items[0];
    expect(audit).toMatchObject({ targetId: String(id), after: { challengeId: c.id, recipients: 6, text: { uz: 'Ertaga marafon!' } } });
    blockedChats.clear();
  }, 30_000);

  test('a restart in the middle resumes the waiting members and sends nobody a second copy', async () => {
    const c = await h.challenge({ title: 'Reading' });
    const group = await members(c.id, 6, 'en');
    const { body } = await announce({ challengeId: c.id, text: { uz: 'Kitob kuni', en: 'Book day' } });
    const id = body.id as number;

    // The first process: two messages go out, then it dies with the next two in flight.
    const inFlight: (() => void)[] = [];
    let calls = 0;
    const dying: Messenger = {
      send(message) {
        calls++;
        if (calls <= 2) return h.qadam.messenger.send(message);
        return new Promise((resolve) => inFlight.push(() => resolve('failed'))); // never answered: the process is gone
      },
    };
    void deliverAnnouncements(deps(dying), { batch: 2 });
    const deadline = Date.now() + 10_000;
    while (inFlight.length < 2 && Date.now() < deadline) await Bun.sleep(10);
    expect(inFlight).toHaveLength(2);
    expect(await status(id)).toMatchObject({ status: 'sending', delivered: 2, pending: 4 });

    // The restarted process: the two in flight are settled as failed, the other two are sent.
    const sender = startAnnouncementSender(deps(), { intervalMs: 60_000 });
    await sender.ready;
    await sender.stop();
    expect(await status(id)).toEqual({ status: 'done', total: 6, delivered: 4, blocked: 0, failed: 2, pending: 0 });
    const copies = group.map((m) => delivered.get(m.id)?.length ?? 0);
    expect(copies.filter((n) => n === 1)).toHaveLength(4);
    expect(copies.filter((n) => n === 0)).toHaveLength(2);
    expect(copies.every((n) => n <= 1)).toBe(true);

    // The dead process's messages finally "answer": nothing changes.
    for (const release of inFlight) release();
    await Bun.sleep(0);
    expect(await status(id)).toMatchObject({ delivered: 4, failed: 2 });
  }, 30_000);

  test('bad input is refused with a clear message and writes nothing', async () => {
    const before = (await h.runtime.request('GET', '/api/admin/audit?action=announcement.create', { as: ADMIN_USER })).body.total;
    for (const body of [
      { challengeId: null, text: { uz: '   ' } },
      { challengeId: null, text: { ru: 'Только по-русски' } },
      { challengeId: null, text: { uz: 'x'.repeat(4097) } },
      { challengeId: null, text: { uz: 'Salom', de: 'Hallo' } },
      { text: { uz: 'Salom' } },
    ]) {
      const res = await announce(body);
      expect({ body, status: res.status, code: res.body.error?.code }).toEqual({ body, status: 400, code: 'BAD_REQUEST' });
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
    expect((await announce({ challengeId: 9999, text: { uz: 'Salom' } })).status).toBe(404);
    expect((await h.runtime.request('GET', '/api/admin/announcements/9999', { as: ADMIN_USER })).status).toBe(404);
    const member = await h.registered();
    expect((await h.runtime.request('POST', '/api/admin/announcements', { as: { id: member.id, first_name: 'M' }, body: { challengeId: null, text: { uz: 'Salom' } } })).status).toBe(403);
    expect((await h.runtime.request('GET', '/api/admin/audit?action=announcement.create', { as: ADMIN_USER })).body.total).toBe(before);
  });

  test('to all members: every registered, non-banned member', async () => {
    const everyone = (await h.runtime.request('GET', '/api/admin/users?pageSize=100', { as: ADMIN_USER })).body.items.filter(
      (u: { registered: boolean; isBanned: boolean }) => u.registered && !u.isBanned,
    ).length;
    const res = await announce({ challengeId: null, text: { uz: 'Hammaga salom' } });
    expect(res.status).toBe(202);
    expect((await status(res.body.id)).total).toBe(everyone);
    await deliverAnnouncements(deps());
    const s = await status(res.body.id);
    expect(s).toMatchObject({ status: 'done', pending: 0 });
    expect(s.delivered + s.blocked + s.failed).toBe(everyone);
  }, 30_000);

  test('a pass with nothing to send takes no write transaction; one with something finishes it', async () => {
    await deliverAnnouncements(deps()); // whatever the tests before left
    const store = h.runtime.store;
    const transaction = store.transaction;
    let writes = 0;
    store.transaction = ((...args: Parameters<typeof transaction>) => {
      writes++;
      return transaction.apply(store, args);
    }) as typeof transaction;
    try {
      expect(await deliverAnnouncements(deps())).toEqual({ delivered: 0, blocked: 0, failed: 0, finished: 0 });
      expect(writes).toBe(0);

      const [member] = await members((await h.challenge({ title: 'Quiet' })).id, 1);
      const res = await announce({ challengeId: null, text: { uz: 'Yana salom' } });
      expect(res.status).toBe(202);
      writes = 0;
      const counts = await deliverAnnouncements(deps());
      expect(counts.finished).toBe(1);
      expect(writes).toBeGreaterThan(0);
      expect(await status(res.body.id)).toMatchObject({ status: 'done', pending: 0 });
      expect(delivered.get(member!.id)).toContain('Yana salom');
    } finally {
      store.transaction = transaction;
    }
  }, 30_000);
});
