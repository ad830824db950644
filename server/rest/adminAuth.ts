/**
 * Admin panel sign-in: `POST /api/admin/auth/login` spends a one-time link token and sets the
 * session cookie; `GET /api/admin/auth/session` tells the panel who it is (and its CSRF token);
 * `POST /api/admin/auth/logout` ends the session server-side.
 *
 * The link itself (`/admin/?login=<token>`) is a page, not an API call: link previewers that
 * fetch it do not spend the token; the page POSTs it.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { clearedSessionCookie, readCookie, ADMIN_COOKIE, requireCsrf, sessionCookie, sessionOf } from '../auth/adminSession';
import { authenticateAdmin, initDataOf, type AuthDeps } from '../auth/requestAuth';
import { ServiceError } from '../domain/errors';
import type { NewSession } from '../services/admin/login';
import { readJsonBody } from './body';
import { route } from './openapi';

const loginSchema = z.object({ token: z.string().min(1).max(200) }).strict();

export interface AdminAuthDeps extends AuthDeps {
  /** PUBLIC_URL: under https the cookie is Secure. */
  publicUrl?: string;
  /** Demo mode (no BOT_TOKEN): the panel can be tried as a demo owner. */
  system?: { demo: boolean };
}

/** The demo owner's Telegram id, beside demo mode's members (9 000 000 000 + n). */
export const DEMO_ADMIN_TELEGRAM_ID = 9_000_000_000;

const NO_STORE = 'no-store';

/**
 * Sign-in must come from the panel itself: a request carrying a foreign Origin (another site
 * posting a link token to log a victim into someone else's session) is refused. Same host or
 * PUBLIC_URL's origin passes; requests without Origin (non-browser clients) pass.
 */
function requireOwnOrigin(request: Request, publicUrl: string | undefined): void {
  const origin = request.headers.get('origin');
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new ServiceError('FORBIDDEN', 'Unexpected origin');
  }
  // The guard has refused requests whose URL (Host) does not parse; PUBLIC_URL is validated config.
  const allowed = new Set([new URL(request.url).host, request.headers.get('host') ?? '']);
  if (publicUrl) allowed.add(new URL(publicUrl).host);
  if (!allowed.has(host)) throw new ServiceError('FORBIDDEN', 'Sign in from the admin panel itself', { reason: 'ORIGIN' });
}

export function adminAuthRoutes(deps: AdminAuthDeps) {
  const { services } = deps;
  const cookieOpts = { secure: (deps.publicUrl ?? '').startsWith('https:') };

  const opened = (session: NewSession, set: { headers: Record<string, unknown> }) => {
    set.headers['set-cookie'] = sessionCookie(session.sessionToken, session.maxAgeSeconds, cookieOpts);
    set.headers['cache-control'] = NO_STORE;
    return {
      telegramId: session.actor.telegramId,
      role: session.actor.role,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      via: 'cookie' as const,
    };
  };

  const app = new Elysia({ name: 'rest-admin-session', prefix: '/api/admin/auth' })
    .onParse(readJsonBody)
    .post(
      '/login',
      async ({ request, body, set }) => {
        requireOwnOrigin(request, deps.publicUrl);
        return opened(await services.admin.login.consumeLoginLink(body.token), set);
      },
      {
        body: loginSchema,
        ...route('admin session', 'Spend a one-time login link token; sets the session cookie', { errors: ['UNAUTHORIZED', 'FORBIDDEN'] }),
      },
    )
    .get(
      '/session',
      async ({ request, set }) => {
        set.headers['cache-control'] = NO_STORE;
        if (initDataOf(request)) {
          const actor = await authenticateAdmin(deps, request);
          return { ...actor, csrfToken: null, expiresAt: null, via: 'initData' as const };
        }
        const session = await sessionOf(services, request);
        if (!session) {
          // A stale or tampered cookie is dropped so the browser stops sending it.
          if (readCookie(request, ADMIN_COOKIE) !== null) set.headers['set-cookie'] = clearedSessionCookie(cookieOpts);
          throw new ServiceError('UNAUTHORIZED', 'Sign in with the link the bot sends to /admin');
        }
        const actor = await services.admin.access.requireAdmin(session.telegramId);
        return { ...actor, csrfToken: session.csrfToken, expiresAt: session.expiresAt, via: 'cookie' as const };
      },
      route('admin session', 'Who the session (or admin initData) belongs to, and its CSRF token', { auth: 'admin' }),
    )
    .post(
      '/logout',
      async ({ request, set }) => {
        const token = readCookie(request, ADMIN_COOKIE);
        const session = await sessionOf(services, request);
        if (session && token) {
          requireCsrf(request, session);
          await services.admin.login.endSession(token);
        }
        set.headers['set-cookie'] = clearedSessionCookie(cookieOpts);
        set.headers['cache-control'] = NO_STORE;
        return { ok: true };
      },
      route('admin session', 'End the cookie’s session (if any) and clear the cookie', { errors: ['FORBIDDEN'] }),
    );

  if (!deps.system?.demo) return app;
  // Demo mode only (BOT_TOKEN unset, so no real club runs here): without a bot to send links,
  // the panel offers a clearly labelled demo owner. With a token this route does not exist.
  return app.post(
    '/demo',
    async ({ request, set }) => {
      requireOwnOrigin(request, deps.publicUrl);
      await services.admin.access.seedOwners([DEMO_ADMIN_TELEGRAM_ID]);
      const { token } = await services.admin.login.createLoginLink(DEMO_ADMIN_TELEGRAM_ID);
      return opened(await services.admin.login.consumeLoginLink(token), set);
    },
    route('admin session', 'Demo mode only: sign in as the demo owner', { errors: ['FORBIDDEN'] }),
  );
}
