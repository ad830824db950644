/** Health, the public client configuration, and demo mode's signed initData. */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { signInitData } from '../auth/initData';
import type { AuthDeps } from '../auth/requestAuth';
import { dropEmptyQueryValues, readJsonBody } from './body';
import { route } from './openapi';
import { healthSchema } from './responses';

export interface SystemInfo {
  demo: boolean;
  botUsername: () => string | null;
  startedAt: Date;
  /** Runs a trivial query; throws when the database is gone. */
  pingDatabase: () => Promise<void>;
  /** Whether every member's profile is held in memory yet (services/heldProfiles.ts). */
  profilesLoaded: () => boolean;
}

const demoQuery = z
  .object({
    user: z.coerce.number().int().min(1).max(999_999).default(1),
    /** The browser's language, so the demo member speaks it (as Telegram's language_code would). */
    lang: z.enum(['uz', 'ru', 'en']).default('uz'),
  })
  .strict();

const DEMO_NAMES = ['Aziza', 'Bekzod', 'Dilnoza', 'Jasur', 'Malika', 'Otabek', 'Sardor', 'Zarina'];

export function systemRoutes(deps: AuthDeps, info: SystemInfo) {
  const app = new Elysia({ name: 'rest-system', prefix: '/api' })
    .onParse(readJsonBody)
    .onTransform(dropEmptyQueryValues)
    .get(
      '/health',
      async ({ set }) => {
        try {
          await info.pingDatabase();
        } catch {
          set.status = 503;
          return { ok: false };
        }
        return { ok: true, demo: info.demo, uptimeSeconds: Math.round((Date.now() - info.startedAt.getTime()) / 1000), profilesLoaded: info.profilesLoaded() };
      },
      route('system', 'Liveness: `ok: true` once the database answers, else 503 with `ok: false`', { ok: [200, 'The server and its database answer', healthSchema] }),
    )
    .get('/config', () => ({ demo: info.demo, botUsername: info.botUsername() }), route('system', 'What the pages need to know: `{ demo, botUsername }`'));

  if (!info.demo) return app;
  // Demo mode only: the route does not exist when BOT_TOKEN is set.
  return app.get(
    '/demo/init-data',
    ({ query: { user, lang } }) => {
      const demoUserId = 9_000_000_000 + user;
      const initData = signInitData(
        deps.signingToken,
        { id: demoUserId, first_name: DEMO_NAMES[(user - 1) % DEMO_NAMES.length]!, last_name: 'Demo', language_code: lang },
        { authDate: deps.clock.now() },
      );
      return { initData, demo: true, telegramId: demoUserId };
    },
    { query: demoQuery, ...route('system', 'Demo mode only (no BOT_TOKEN): signed initData for demo member `user`, speaking `lang`') },
  );
}
