/**
 * The admin panel's cookie session, as seen by HTTP: reading the cookie, the CSRF rule, and the
 * Set-Cookie headers. Storage and token rules live in services/admin/login.ts.
 *
 * CSRF: the cookie is SameSite=Strict already; on top of that every cookie-authenticated request
 * that is not GET/HEAD/OPTIONS (REST writes and tRPC mutations alike) must carry the session's
 * CSRF token in `x-csrf-token`. The panel receives that token from /api/admin/auth/session.
 */
import { ServiceError } from '../domain/errors';
import type { Services } from '../services';
import { safeEqual, type LiveSession } from '../services/admin/login';

export const ADMIN_COOKIE = 'qadam_admin';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The live session behind the request's cookie, or null. No CSRF check here. */
export async function sessionOf(services: Services, request: Request): Promise<LiveSession | null> {
  const token = readCookie(request, ADMIN_COOKIE);
  return token ? services.admin.login.findSession(token) : null;
}

export function requireCsrf(request: Request, session: LiveSession): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const sent = request.headers.get(CSRF_HEADER);
  if (!sent || !safeEqual(sent, session.csrfToken)) {
    throw new ServiceError('FORBIDDEN', 'Missing or invalid CSRF token; reload the admin panel', { reason: 'CSRF' });
  }
}

/**
 * The `adminSession` hook of AuthDeps: the Telegram id of the cookie's session (null without a
 * valid one). Writes without the CSRF token are refused. requestAuth then runs requireAdmin, so
 * a removed or banned admin loses access on the very next request.
 */
export function adminSessionResolver(services: Services) {
  return async (request: Request): Promise<number | null> => {
    const session = await sessionOf(services, request);
    if (!session) return null;
    requireCsrf(request, session);
    return session.telegramId;
  };
}

export interface CookieOptions {
  /** Secure cookies when the public URL is https. */
  secure: boolean;
}

export function sessionCookie(value: string, maxAgeSeconds: number, opts: CookieOptions): string {
  return [
    `${ADMIN_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(opts: CookieOptions): string {
  return sessionCookie('', 0, opts) + '; Expires=Thu, 01 Jan 1970 00:00:00 GMT';
}
