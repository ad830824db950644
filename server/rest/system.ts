/** Health, the public client configuration, and demo mode's signed initData. */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { signInitData } from '../auth/initData';
import type { AuthDeps } from '../auth/requestAuth';
import { readQuery } from './errors';

export interface SystemInfo {
  demo: boolean;
  botUsername: () => string | null;
  startedAt: Date;
  /** Runs a trivial query; throws when the database is gone. */
  pingDatabase: () => void;
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
  const app = new Elysia({ name: 'rest-system' })
    .get('/api/health', ({ set }) => {
      try {
        info.pingDatabase();
      } catch {
        set.status = 503;
        return { ok: false };
      }
      return { ok: true, demo: info.demo, uptimeSeconds: Math.round((Date.now() - info.startedAt.getTime()) / 1000) };
    })
    .get('/api/config', () => ({ demo: info.demo, botUsername: info.botUsername() }));

  if (!info.demo) return app;
  // Demo mode only: the route does not exist when BOT_TOKEN is set.
  return app.get('/api/demo/init-data', ({ query }) => {
    const { user, lang } = readQuery(query, demoQuery);
    const demoUserId = 9_000_000_000 + user;
    const initData = signInitData(
      deps.signingToken,
      { id: demoUserId, first_name: DEMO_NAMES[(user - 1) % DEMO_NAMES.length]!, last_name: 'Demo', language_code: lang },
      { authDate: deps.clock.now() },
    );
    return { initData, demo: true, telegramId: demoUserId };
  });
}
