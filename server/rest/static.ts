/**
 * Serves the built Mini App (/app/) and admin (/admin/): files from dist/<app>, index.html for
 * client-side routes, never a path outside the folder.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { Elysia } from 'elysia';

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

function servePage(name: 'miniapp' | 'admin', mount: string) {
  const root = join(DIST_DIR, name);
  return (path: string): Response => {
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      return new Response(`The ${name} is not built yet. Run: bun run build`, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    const relative = path.slice(mount.length);
    const file = relative ? fileIn(root, relative) : null;
    if (file) {
      const immutable = relative.startsWith('assets/');
      const html: Record<string, string> = file.endsWith('.html') ? { 'content-security-policy': PAGE_CSP } : {};
      return new Response(Bun.file(file), {
        headers: { ...SECURITY_HEADERS, ...html, 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' },
      });
    }
    if (/\.[a-z0-9]+$/i.test(relative)) return new Response('Not found', { status: 404 });
    return new Response(Bun.file(index), {
      headers: { ...SECURITY_HEADERS, 'content-security-policy': PAGE_CSP, 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8' },
    });
  };
}

const bare = (request: Request, mount: string) => new URL(request.url).pathname === mount;
const withQuery = (request: Request, path: string) => path + new URL(request.url).search;

export function staticPages() {
  const miniapp = servePage('miniapp', '/app/');
  const admin = servePage('admin', '/admin/');
  return new Elysia({ name: 'static-pages' })
    .get('/', ({ redirect }) => redirect('/app/'))
    // Elysia routes "/app" and "/app/" to the same handler: redirect only the bare form (keeping
    // the query, e.g. an admin login link), serve the page for the slash form.
    .get('/app', ({ request, redirect }) => bare(request, '/app') ? redirect(withQuery(request, '/app/')) : miniapp('/app/'))
    .get('/admin', ({ request, redirect }) => bare(request, '/admin') ? redirect(withQuery(request, '/admin/')) : admin('/admin/'))
    .get('/app/*', ({ path }) => miniapp(path))
    .get('/admin/*', ({ path }) => admin(path));
}
