import { afterEach, expect, test } from 'bun:test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { DIST_DIR } from '../../server/rest/static';
import { createRuntime } from '../../server/runtime';
import { createChallenge, joinedMember, submit } from '../helpers/factories';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime';
import { startTestServer } from '../helpers/server';

let rt: TestRuntime | undefined;
afterEach(() => rt?.close());

test('a member over the write limit gets 429 RATE_LIMITED with Retry-After; the next minute is free', async () => {
  rt = createTestRuntime({ env: { RATE_LIMIT_WRITES: '3', RATE_LIMIT_READS: '5' } });
  const c = await createChallenge(rt);
  const m = await joinedMember(rt, c.id); // register + join = 2 writes
  expect((await submit(rt, m.tg, c.id, 1)).status).toBe(201); // 3rd write
  const limited = await submit(rt, m.tg, c.id, 1);
  expect(limited.status).toBe(429);
  expect(limited.body.error.code).toBe('RATE_LIMITED');
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  // reads have their own budget
  expect((await rt.request('GET', '/api/me', { as: m.tg })).status).toBe(200);
  rt.clock.advance(60_000);
  expect((await submit(rt, m.tg, c.id, 1)).status).toBe(409);
});

test('the per-IP limit applies to a listening server', async () => {
  const server = await startTestServer({ env: { RATE_LIMIT_IP: '5' } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${server.url}/api/health`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get('retry-after')).not.toBeNull();
    expect(((await res.json()) as any).error.code).toBe('RATE_LIMITED');
  } finally {
    await server.stop();
  }
});

test('responses carry a request id and security headers; CORS only for PUBLIC_URL', async () => {
  rt = createTestRuntime({ env: { PUBLIC_URL: 'https://club.example' } });
  const res = await rt.request('GET', '/api/health', { headers: { origin: 'https://club.example', 'x-request-id': 'abc-123' } });
  expect(res.headers.get('x-request-id')).toBe('abc-123');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('access-control-allow-origin')).toBe('https://club.example');
  const foreign = await rt.request('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
  expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  // A made id: this process's random prefix and a counter, never the same twice.
  const made = foreign.headers.get('x-request-id')!;
  expect(made).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-z]+$/);
  const next = (await rt.request('GET', '/api/health')).headers.get('x-request-id')!;
  expect(next).not.toBe(made);
  expect(next.slice(0, 13)).toBe(made.slice(0, 13));
  const preflight = await rt.request('OPTIONS', '/api/me', { headers: { origin: 'https://evil.example' } });
  expect(preflight.status).toBe(403);
  const ok = await rt.request('OPTIONS', '/api/me', { headers: { origin: 'https://club.example' } });
  expect(ok.status).toBe(204);
});

test('static pages cannot be escaped by path traversal', async () => {
  rt = createTestRuntime();
  const probe = join(DIST_DIR, 'miniapp', '.traversal-probe');
  const built = Bun.file(join(DIST_DIR, 'miniapp', 'index.html')).size > 0;
  mkdirSync(join(DIST_DIR, 'miniapp'), { recursive: true });
  if (!built) writeFileSync(join(DIST_DIR, 'miniapp', 'index.html'), '<!doctype html><title>probe</title>');
  writeFileSync(probe, 'inside');
  try {
    for (const path of ['/app/..%2f..%2fpackage.json', '/app/%2e%2e/%2e%2e/package.json', '/app/..%5c..%5cpackage.json', '/app/%00', '/app/....//....//package.json']) {
      const res = await rt.app.handle(new Request(`http://localhost${path}`));
      const text = await res.text();
      expect(text).not.toContain('"name": "qadam-club"');
    }
    const inside = await rt.app.handle(new Request('http://localhost/app/.traversal-probe'));
    expect(await inside.text()).toBe('inside');
  } finally {
    rmSync(probe, { force: true });
    if (!built) rmSync(join(DIST_DIR, 'miniapp', 'index.html'), { force: true });
  }
});

test('JSON answers are UTF-8 JSON with the status and the guard headers, non-Latin names intact', async () => {
  rt = createTestRuntime();
  const c = await createChallenge(rt, { title: 'Qadamlar 👟', emoji: '👟' }); // 201 from the admin door
  const m = await joinedMember(rt, c.id, { first_name: 'Ulug‘bek', last_name: 'Жасур 🏃' });
  expect((await submit(rt, m.tg, c.id, 7)).status).toBe(201);
  for (const [path, status] of [
    ['/api/health', 200],
    ['/api/me', 200],
    [`/api/leaderboard?challengeId=${c.id}&type=today`, 200],
    ['/api/challenges', 200],
  ] as const) {
    const res = await rt.app.handle(
      new Request(`http://localhost${path}`, { headers: { authorization: `tma ${rt.initDataFor(m.tg)}`, 'x-request-id': 'req-1' } }),
    );
    expect([path, res.status]).toEqual([path, status]);
    expect(res.headers.get('content-type')).toStartWith('application/json');
    expect(res.headers.get('x-request-id')).toBe('req-1');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await res.arrayBuffer());
    if (path === '/api/me') expect(JSON.parse(text).user.displayName).toBe('Ulug‘bek Жасур 🏃');
    if (path.startsWith('/api/leaderboard')) expect(JSON.parse(text).entries[0].displayName).toBe('Ulug‘bek Жасур 🏃');
    if (path === '/api/challenges') expect(JSON.parse(text)[0].title).toBe('Qadamlar 👟');
  }
});

test('an error thrown after the response is logged with its request id; the server keeps serving', async () => {
  const logged: Record<string, unknown>[] = [];
  const { promise: failureLogged, resolve } = Promise.withResolvers<Record<string, unknown>>();
  // A log sink that fails for access-log lines, as a full disk or a closed pipe would.
  const log = createLogger('info', (line) => {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry.msg === 'request') throw new Error('log sink is broken');
    logged.push(entry);
    if (entry.msg === 'access log failed') resolve(entry);
  });
  const runtime = createRuntime(parseConfig({ DATABASE_PATH: ':memory:', RATE_LIMIT_IP: '0' }), { log });
  const server = runtime.listen(0, '127.0.0.1');
  try {
    const url = `http://127.0.0.1:${server.server!.port}/api/health`;
    const first = await fetch(url, { headers: { 'x-request-id': 'hook-failure-1' } });
    expect(first.status).toBe(200);
    const entry = await failureLogged;
    expect(entry).toMatchObject({ level: 'error', requestId: 'hook-failure-1', error: { message: 'log sink is broken' } });
    const second = await fetch(url);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ ok: true });
  } finally {
    await server.stop(true);
    await runtime.closeStore();
  }
});
