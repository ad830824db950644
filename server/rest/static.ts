/**
 * Serves the built Mini App (/app/) and admin (/admin/): files from dist/<app>, index.html for
 * client-side routes, never a path outside the folder. The build writes a brotli (`.br`) and a
 * gzip (`.gz`) copy beside every text file; the best one the client accepts is sent.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { Elysia } from 'elysia';
import { pathOf, searchOf } from '../httpRequest';

export const DIST_DIR = resolve(import.meta.dir, '..', '..', 'dist');

function fileIn(root: string, relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = normalize(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return existsSync(full) && statSync(full).isFile() ? full : null;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * The pages load only their own bundles and talk only to this server. Telegram's web clients
 * show a Mini App in a frame, so they (and only they) may frame the pages.
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' https://telegram.org",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The encodings an Accept-Encoding header allows (q > 0), best first. Never throws. */
export function acceptedEncodings(header: string | null): Encoding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const weight = params.find((p) => p.startsWith('q='));
    const value = weight ? Number(weight.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const allows = (e: Encoding) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(allows);
}

/** The file to send for `full`: its best precompressed copy the client accepts, or itself. */
function sendFile(full: string, request: Request, headers: Record<string, string>): Response {
  const type = Bun.file(full).type;
  for (const encoding of acceptedEncodings(request.headers.get('accept-encoding'))) {
    const copy = full + SUFFIX[encoding];
    if (existsSync(copy)) {
      return new Response(Bun.file(copy), {
        headers: { ...headers, 'content-type': type, 'content-encoding': encoding, vary: 'Accept-Encoding' },
      });
    }
  }
  return new Response(Bun.file(full), { headers: { ...headers, 'content-type': type, vary: 'Accept-Encoding' } });
}

function servePage(name: 'miniapp' | 'admin', mount: string) {
  const root = join(DIST_DIR, name);
  return (path: string, request: Request): Response => {
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      return new Response(`The ${name} is not built yet. Run: bun run build`, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    const relative = path.slice(mount.length);
    const file = relative ? fileIn(root, relative) : null;
    if (file) {
      const immutable = relative.startsWith('assets/');
      const html: Record<string, string> = file.endsWith('.html') ? { 'content-security-policy': PAGE_CSP } : {};
      return sendFile(file, request, { ...SECURITY_HEADERS, ...html, 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
    }
    if (/\.[a-z0-9]+$/i.test(relative)) return new Response('Not found', { status: 404 });
    return sendFile(index, request, { ...SECURITY_HEADERS, 'content-security-policy': PAGE_CSP, 'cache-control': 'no-cache' });
  };
}

const bare = (request: Request, mount: string) => pathOf(request.url) === mount;
const withQuery = (request: Request, path: string) => path + searchOf(request.url);

export function staticPages() {
  const miniapp = servePage('miniapp', '/app/');
  const admin = servePage('admin', '/admin/');
  return new Elysia({ name: 'static-pages' })
    .get('/', ({ redirect }) => redirect('/app/'))
    // Elysia routes "/app" and "/app/" to the same handler: redirect only the bare form (keeping
    // the query, e.g. an admin login link), serve the page for the slash form.
    .get('/app', ({ request, redirect }) => bare(request, '/app') ? redirect(withQuery(request, '/app/')) : miniapp('/app/', request))
    .get('/admin', ({ request, redirect }) => bare(request, '/admin') ? redirect(withQuery(request, '/admin/')) : admin('/admin/', request))
    .get('/app/*', ({ path, request }) => miniapp(path, request))
    .get('/admin/*', ({ path, request }) => admin(path, request));
}
