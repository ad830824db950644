/**
 * Request-line and header abuse against the real server process over raw TCP: malformed Host
 * headers, HTTP/1.0 without Host, absolute-form targets, bodies past every limit (declared or
 * chunked), then a seeded fuzz of request lines and headers. Never a 5xx, never a dead process,
 * API.md's error JSON on /api/*, and the club keeps working afterwards.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../helpers/browser';
import { api, demoInitData, spawnServer, type ServerProcess } from '../helpers/process';
import { seededRandom } from '../helpers/random';
import { chunkedBody, rawRequest, type RawResponse } from '../helpers/rawHttp';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const FUZZ_REQUESTS = Number(process.env.FUZZ_HTTP_REQUESTS ?? 400);

const dir = mkdtempSync(join(tmpdir(), 'qadam-hostile-http-'));
let server: ServerProcess;
let port: number;
let member: string;
let challengeId: number;

beforeAll(async () => {
  // The pages are among the targets: a missing build would answer 503 "not built yet".
  ensureBuilt('miniapp');
  ensureBuilt('admin');
  server = await spawnServer(join(dir, 'club.sqlite'));
  port = Number(new URL(server.url).port);
  const admin = await demoInitData(server.url, 1);
  challengeId = (await api(server.url, 'POST', '/api/admin/challenges', admin, { title: 'Steps', maxValue: 100000 })).body.id;
  member = await demoInitData(server.url, 2);
  expect((await api(server.url, 'POST', '/api/auth/register', member, {})).status).toBe(201);
  expect((await api(server.url, 'POST', `/api/challenges/${challengeId}/join`, member)).status).toBe(200);
}, 120_000);

afterAll(async () => {
  server.proc.kill();
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
});

function errorCode(res: RawResponse): string | undefined {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

async function expectStillServing() {
  expect(server.proc.exitCode).toBeNull();
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true });
}

/** Nothing the server logged was an unexpected error (a 5xx, a failed hook, an escaped throw). */
function expectNoErrorLogged() {
  const errors = server.logs.filter((l) => l.includes('"level":"error"'));
  expect(errors).toEqual([]);
}

describe('malformed Host headers', () => {
  const BROKEN_HOSTS: [string, string][] = [
    ['a space', 'Host: a b\r\n'],
    ['empty', 'Host: \r\n'],
    ['unclosed IPv6 bracket', 'Host: [::1\r\n'],
    ['port past 65535', 'Host: x:99999\r\n'],
    ['negative port', 'Host: x:-1\r\n'],
    ['port not a number', 'Host: x:port\r\n'],
    ['percent sign', 'Host: %zz\r\n'],
  ];
  const PATHS = ['/api/health', '/api/me', `/api/challenges/${1}/submit`, '/trpc/me.get', '/app/', '/admin/', '/'];

  for (const [name, hostLine] of BROKEN_HOSTS) {
    test(`${name}: 400 with the error JSON, and the server keeps serving`, async () => {
      for (const path of PATHS) {
        const res = await rawRequest(port, `GET ${path} HTTP/1.1\r\n${hostLine}Connection: close\r\n\r\n`);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        if (path.startsWith('/api/') || path.startsWith('/trpc/')) expect(errorCode(res)).toBe('BAD_REQUEST');
      }
      await expectStillServing();
    });
  }

  test('HTTP/1.0 without Host: 400 with the error JSON, and the server keeps serving', async () => {
    const res = await rawRequest(port, 'GET /api/health HTTP/1.0\r\n\r\n');
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BAD_REQUEST');
    await expectStillServing();
  });

  test('HTTP/1.1 without Host: the HTTP layer answers a plain 400 (RFC 9112 §3.2)', async () => {
    const res = await rawRequest(port, 'GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    await expectStillServing();
  });

  test('absolute-form targets are answered for the Host sent, never a 5xx', async () => {
    const ok = await rawRequest(port, 'GET http://evil.example/api/health HTTP/1.1\r\nHost: club.example\r\nConnection: close\r\n\r\n');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    for (const target of ['http://[::1/api/health', 'http://x:99999/api/health', 'http:/api/health', '//evil.example/api/health', 'http://a@b/api/me']) {
      const res = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: club.example\r\nConnection: close\r\n\r\n`);
      expect({ target, answered: res.status !== null && res.status < 500 }).toEqual({ target, answered: true });
    }
    await expectStillServing();
  });
});

describe('bodies past the limit get the JSON 413, declared or chunked', () => {
  const auth = () => `Authorization: tma ${member}\r\n`;

  test('a declared length past the limit is refused before the body is read', async () => {
    const res = await rawRequest(
      port,
      `POST /api/auth/register HTTP/1.1\r\nHost: club.example\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n{"displayName":"`,
    );
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a chunked REST body past 16 KB', async () => {
    const res = await rawRequest(port, [
      `POST /api/challenges/${challengeId}/submit HTTP/1.1\r\nHost: club.example\r\n${auth()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      ...chunkedBody(20_000),
    ]);
    expect(res.status).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a chunked tRPC body past 1 MiB, and one of 64 MiB', async () => {
    for (const size of [1024 * 1024 + 1, 64 * 1024 * 1024]) {
      const res = await rawRequest(port, [
        `POST /trpc/auth.register HTTP/1.1\r\nHost: club.example\r\n${auth()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
        ...chunkedBody(size, 256 * 1024),
      ], 20_000);
      expect(res.status).toBe(413);
      expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  test('a chunked body at the limit still works, and nothing was stored by the refusals', async () => {
    const body = JSON.stringify({ value: 7000 });
    const res = await rawRequest(port, [
      `POST /api/challenges/${challengeId}/submit HTTP/1.1\r\nHost: club.example\r\n${auth()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    ]);
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ submission: { value: 7000 } });
    const me = await api(server.url, 'GET', '/api/me', member);
    expect(me.body.challenges.find((c: { challenge: { id: number } }) => c.challenge.id === challengeId).today).toMatchObject({ value: 7000 });
  });

  test('a broken Content-Length is a 400, not a crash', async () => {
    for (const length of ['abc', '-1', '1e3', '99999999999999999999']) {
      const res = await rawRequest(port, `POST /api/auth/register HTTP/1.1\r\nHost: club.example\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n{}`);
      expect({ length, status: res.status === null ? 400 : res.status }).toEqual({ length, status: res.status === 413 ? 413 : 400 });
    }
    await expectStillServing();
  });
});

describe('seeded fuzz of request lines and headers', () => {
  const rand = seededRandom(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT', 'FOO', 'get', 'G ET', ''];
  const TARGETS = [
    '/api/health', '/api/me', '/api/challenges', '/api/leaderboard?type=all&limit=5', `/api/challenges/1/submit`, '/api/admin/users',
    '/trpc/me.get', '/trpc/challenges.list?batch=1&input={}', '/app/', '/app/assets/x.js', '/admin/', '/', '/app',
    '*', '/%zz', '/%00', '/api/%2e%2e/%2e%2e/etc/passwd', '/app/../../etc/passwd', '//api//health', '/api/health?%', '/?' + 'q'.repeat(9000),
    '/' + 'a'.repeat(9000), 'http://evil.example/api/health', 'http://[::1/api/me', 'https://x:99999/app/', 'mailto:x@y', '../api/health',
    '/api/leaderboard?challengeId=' + '9'.repeat(40), '/api/health#frag', '/api/health\t', '/ä', '/api/\u0001',
  ];
  const VERSIONS = ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra', 'http/1.1', ''];
  const HOSTS = ['Host: x', 'Host: 127.0.0.1', 'Host: a b', 'Host: ', 'Host: [::1', 'Host: x:99999', 'Host: x\r\nHost: y', 'Host: ' + 'h'.repeat(5000), 'Host: x:0', 'Host: ::1', 'Host: [::1]:80', ''];
  const EXTRA = [
    'X-Request-Id: ../../etc', 'X-Request-Id: ' + 'r'.repeat(500), 'Origin: null', 'Origin: http://a b', 'Origin: ' + 'o'.repeat(3000),
    'Cookie: qadam_admin=%ZZ; x', 'Cookie: ' + ';'.repeat(2000), 'Accept-Encoding: br;q=abc, gzip;q=-1, *;q=NaN', 'Accept-Encoding: ' + 'x,'.repeat(2000),
    'Authorization: tma ' + 'a'.repeat(8000), 'Authorization: tma hash=00&user=%7B', 'Content-Type: application/json; charset=ebcdic',
    'Transfer-Encoding: gzip, chunked', 'Transfer-Encoding: identity', 'Content-Length: 2\r\nContent-Length: 3', 'no colon here',
    ' folded: continuation', 'X-Null: a\u0000b', 'X-Big: ' + 'b'.repeat(20_000), 'Expect: 100-continue', 'Upgrade: websocket', 'Range: bytes=0-1',
    'If-None-Match: *', 'X-Forwarded-For: 1.1.1.1, <script>',
  ];
  const BODIES = ['', '', '{}', '{"value":1}', '{', 'null', '\u0000'.repeat(10)];

  /**
   * Bun's HTTP parser answers a request line it cannot read as HTTP/1.x (another version, or a
   * control character in the target) with 505 before the app sees it: the status for an
   * unsupported protocol version, not a server failure.
   */
  function unsupportedVersion(request: string): boolean {
    return !/^[^ ]* [\x21-\x7e]+ HTTP\/1\.[01]\r\n/.test(request);
  }

  function randomRequest(): string {
    const method = pick(METHODS);
    const target = pick(TARGETS);
    const version = pick(VERSIONS);
    const lines = [`${method} ${target} ${version}`.trim()];
    const host = pick(HOSTS);
    if (host) lines.push(host);
    for (let i = Math.floor(rand() * 4); i > 0; i--) lines.push(pick(EXTRA));
    if (rand() < 0.3) lines.push(`Authorization: tma ${member}`);
    const body = pick(BODIES);
    // Never a declared length longer than the body: the server would rightly wait for the rest.
    if (body && !lines.some((l) => /content-length|transfer-encoding/i.test(l))) lines.push(`Content-Length: ${Buffer.byteLength(body, 'latin1')}`);
    lines.push('Connection: close');
    return `${lines.join('\r\n')}\r\n\r\n${body}`;
  }

  test(`${FUZZ_REQUESTS} hostile requests: never a 5xx, /api/* errors in API.md's shape, the server alive`, async () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < FUZZ_REQUESTS; i++) {
      const request = randomRequest();
      const res = await rawRequest(port, request);
      const status = res.status ?? 'closed';
      seen.set(String(status), (seen.get(String(status)) ?? 0) + 1);
      if (res.status !== null && res.status >= 500 && !unsupportedVersion(request)) throw new Error(`5xx for ${JSON.stringify(request.slice(0, 300))}: ${res.body.slice(0, 300)}`);
      const json = res.headers['content-type']?.startsWith('application/json');
      if (json && res.status !== null && res.status >= 400 && res.body) {
        expect(errorCode(res)).toMatch(/^[A-Z_]+$/);
      }
      if (i % 50 === 49) await expectStillServing();
    }
    // The fuzz reached both the routes and the refusals (not just one kind of answer).
    expect([...seen.keys()].some((s) => s.startsWith('2'))).toBe(true);
    expect([...seen.keys()].some((s) => s.startsWith('4'))).toBe(true);
    await expectStillServing();
  }, 120_000);

  test('after all of it: a normal submission still works and nothing was logged as an error', async () => {
    const other = await demoInitData(server.url, 3);
    expect((await api(server.url, 'POST', '/api/auth/register', other, { displayName: 'Nodira 🏃‍♀️' })).status).toBe(201);
    expect((await api(server.url, 'POST', `/api/challenges/${challengeId}/join`, other)).status).toBe(200);
    const res = await api(server.url, 'POST', `/api/challenges/${challengeId}/submit`, other, { value: '5,5' });
    expect(res.status).toBe(201);
    expect(res.body.submission.value).toBe(5.5);
    await expectStillServing();
    expectNoErrorLogged();
  });
});
