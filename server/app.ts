/** createApp(deps) → the Elysia app: REST, tRPC and the pages. It never listens. */
import { Elysia, type AnyElysia } from 'elysia';
import packageJson from '../package.json';
import type { AuthDeps } from './auth/requestAuth';
import type { Logger } from './log';
import type { RateLimiter, RateLimitRule } from './rateLimit';
import { adminRoutes } from './rest/admin';
import { adminAuthRoutes } from './rest/adminAuth';
import { errorPlugin } from './rest/errors';
import { guardPlugin } from './rest/guard';
import { memberRoutes } from './rest/member';
import { adminInvitationRoutes, sharingRoutes } from './rest/sharing';
import { memberReminderRoutes } from './rest/reminders';
import { apiReference } from './rest/openapi';
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

const API_VERSION = packageJson.version;

export function createApp(deps: AppDeps) {
  const logError = (error: unknown, requestId?: string) => deps.log.error('request failed', { requestId, error });
  const app: AnyElysia = new Elysia()
    .use(guardPlugin({ log: deps.log, publicUrl: deps.publicUrl ?? 'http://localhost', ...deps.rateLimits }))
    .use(errorPlugin(logError))
    .use(systemRoutes(deps, deps.system))
    .use(memberRoutes(deps))
    .use(memberReminderRoutes(deps))
    .use(adminRoutes(deps))
    .use(adminAuthRoutes(deps))
    .use(sharingRoutes(deps))
    .use(adminInvitationRoutes(deps))
    .use(apiReference(() => app, API_VERSION))
    .use(trpcPlugin({ services: deps.services, auth: deps }, logError))
    .use(staticPages());
  return app;
}

export type App = ReturnType<typeof createApp>;
