/**
 * The pages leave compressed: the build writes brotli and gzip copies of every text asset and
 * the server sends the best one the client accepts, with Vary, a correct Content-Length and the
 * same caching as the original. Every encoding decodes to the original bytes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MIN_BYTES } from '../../scripts/compress';
import { acceptedEncodings, DIST_DIR } from '../../server/rest/static';
import { ensureBuilt } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  ensureBuilt('miniapp');
  ensureBuilt('admin');
  server = await startTestServer({ demo: true });
}, 120_000);
afterAll(() => server.stop());

async function raw(path: string, acceptEncoding?: string) {
  const res = await fetch(`${server.url}${path}`, {
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    decompress: false,
  } as RequestInit);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The page itself and every script and stylesheet its HTML loads or preloads: the first load. */
function firstLoad(mount: string, html: string): string[] {
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [mount, ...refs.map((r) => (r.startsWith('/') ? r : `${mount}${r.replace(/^\.\//, '')}`))];
}

for (const [name, mount] of [['miniapp', '/app/'], ['admin', '/admin/']] as const) {
  describe(`${name} at ${mount}`, () => {
    test('every first-load file: br and gzip decode to the original; identity is the original', async () => {
      const html = readFileSync(join(DIST_DIR, name, 'index.html'), 'utf8');
      const paths = firstLoad(mount, html);
      expect(paths.length).toBeGreaterThanOrEqual(3); // page, script, stylesheet
      const wire = { identity: 0, br: 0, gzip: 0 };
      for (const path of paths) {
        const plain = await raw(path);
        expect(plain.res.status).toBe(200);
        expect(plain.res.headers.get('content-encoding')).toBeNull();
        expect(plain.res.headers.get('vary')).toContain('Accept-Encoding');
        const onDisk = path === mount ? html : readFileSync(join(DIST_DIR, name, path.slice(mount.length)), 'utf8');
        expect(plain.bytes.toString('utf8')).toBe(onDisk);
        wire.identity += plain.bytes.length;

        const br = await raw(path, 'gzip, deflate, br');
        if (plain.bytes.length < MIN_BYTES) {
          // too small to be worth a compressed copy: sent as it is, whatever the client accepts
          expect(br.res.headers.get('content-encoding')).toBeNull();
          wire.br += plain.bytes.length;
          wire.gzip += plain.bytes.length;
          continue;
        }
        expect(br.res.headers.get('content-encoding')).toBe('br');
        expect(br.res.headers.get('vary')).toContain('Accept-Encoding');
        expect(Number(br.res.headers.get('content-length'))).toBe(br.bytes.length);
        expect(br.res.headers.get('content-type')).toBe(plain.res.headers.get('content-type'));
        expect(br.res.headers.get('cache-control')).toBe(plain.res.headers.get('cache-control'));
        expect(brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true);
        expect(br.bytes.length).toBeLessThan(plain.bytes.length);
        wire.br += br.bytes.length;

        const gz = await raw(path, 'gzip');
        expect(gz.res.headers.get('content-encoding')).toBe('gzip');
        expect(Number(gz.res.headers.get('content-length'))).toBe(gz.bytes.length);
        expect(gunzipSync(gz.bytes).equals(plain.bytes)).toBe(true);
        wire.gzip += gz.bytes.length;

        // q=0 refuses an encoding; an unknown one is never sent
        expect((await raw(path, 'br;q=0, gzip;q=0.5')).res.headers.get('content-encoding')).toBe('gzip');
        expect((await raw(path, 'zstd')).res.headers.get('content-encoding')).toBeNull();
      }
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`${name} first load on the wire: ${kb(wire.identity)} plain, ${kb(wire.gzip)} gzip, ${kb(wire.br)} brotli`);
      expect(wire.br).toBeLessThan(wire.identity / 2);
    });

    test('client-side routes get the compressed page too; assets stay immutable', async () => {
      const route = await raw(`${mount}some/deep/route`, 'br');
      expect(route.res.status).toBe(200);
      expect(route.res.headers.get('content-encoding')).toBe('br');
      expect(route.res.headers.get('cache-control')).toBe('no-cache');
      const html = readFileSync(join(DIST_DIR, name, 'index.html'), 'utf8');
      expect(brotliDecompressSync(route.bytes).toString('utf8')).toBe(html);
      const script = firstLoad(mount, html).find((p) => p.endsWith('.js'))!;
      expect((await raw(script, 'br')).res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    });
  });
}

test('Accept-Encoding is read leniently and never throws', () => {
  expect(acceptedEncodings(null)).toEqual([]);
  expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
  expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
  expect(acceptedEncodings('*;q=0, gzip')).toEqual(['gzip']);
  expect(acceptedEncodings('br;q=abc, gzip;q=-1')).toEqual([]);
  expect(acceptedEncodings(';;;,,,=,q=')).toEqual([]);
});
