/** createApp(deps) → the Elysia app: REST, tRPC and the pages. It never listens. */
import { Elysia } from 'elysia';
import type { AuthDeps } from './auth/requestAuth';
import type { Logger } from './log';
import type { RateLimiter, RateLimitRule } from './rateLimit';
import { adminRoutes } from './rest/admin';
import { adminAnnouncementRoutes } from './rest/adminAnnouncements';
import { adminAuthRoutes } from './rest/adminAuth';
import { errorPlugin } from './rest/errors';
import { guardPlugin } from './rest/guard';
import { memberRoutes } from './rest/member';
import { staticPages } from './rest/static';
import { systemRoutes, type SystemInfo } from './rest/system';
import { trpcPlugin } from './trpc/mount';

export interface AppDeps extends AuthDeps {
  log: Logger;
  system: SystemInfo;
  /** PUBLIC_URL; under https the admin session cookie is Secure. */
  publicUrl?: string;
  rateLimits: { limiter: RateLimiter; perIp: RateLimitRule };
}

export function createApp(deps: AppDeps) {
  const logError = (error: unknown, requestId?: string) => deps.log.error('request failed', { requestId, error });
  return new Elysia()
    .use(guardPlugin({ log: deps.log, publicUrl: deps.publicUrl ?? 'http://localhost', ...deps.rateLimits }))
    .use(errorPlugin(logError))
    .use(systemRoutes(deps, deps.system))
    .use(memberRoutes(deps))
    .use(adminRoutes(deps))
    .use(adminAnnouncementRoutes(deps))
    .use(adminAuthRoutes(deps))
    .use(trpcPlugin({ services: deps.services, auth: deps }, logError))
    .use(staticPages());
}

export type App = ReturnType<typeof createApp>;
