/**
 * Builds the running product from a configuration: database (migrated), services, HTTP app.
 * main.ts adds listening, the bot and the scheduler; tests use this directly.
 */
import { randomBytes } from 'node:crypto';
import { createApp } from './app';
import { adminSessionResolver } from './auth/adminSession';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { openDatabase } from './db/client';
import { createLogger, type Logger } from './log';
import { createServices } from './services';

export interface RuntimeOptions {
  clock?: Clock;
  log?: Logger;
}

export function createRuntime(config: Config, options: RuntimeOptions = {}) {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const database = openDatabase(config.DATABASE_PATH);
  const services = createServices({ db: database.db, clock, timeZone: config.CLUB_TIMEZONE });
  services.admin.access.seedOwners(config.ADMIN_TELEGRAM_IDS);
  // Demo mode signs initData with a secret of its own that no Telegram bot shares.
  const signingToken = config.BOT_TOKEN ?? `demo:${randomBytes(24).toString('hex')}`;
  let botUsername: string | null = null;
  const app = createApp({
    services,
    clock,
    signingToken,
    initDataMaxAge: config.INIT_DATA_MAX_AGE,
    adminSession: adminSessionResolver(services),
    publicUrl: config.PUBLIC_URL,
    log,
    system: {
      demo: config.demo,
      botUsername: () => botUsername,
      startedAt: clock.now(),
      pingDatabase: () => void database.sqlite.query('select 1').get(),
    },
  });
  return {
    config,
    clock,
    log,
    database,
    services,
    app,
    signingToken,
    setBotUsername(name: string | null) {
      botUsername = name;
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
