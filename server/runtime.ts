/**
 * Builds the running product from a configuration: database (migrated), services, HTTP app.
 * main.ts adds listening, the bot and the scheduler; tests use this directly.
 */
import { randomBytes } from 'node:crypto';
import { createApp } from './app';
import { adminSessionResolver } from './auth/adminSession';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { listenForEvents } from './cluster/notify';
import { openStore } from './db/openStore';
import { createLogger, type Logger } from './log';
import { RateLimiter } from './rateLimit';
import { ServiceError } from './domain/errors';
import { createServices } from './services';
import { telegramLinks } from './telegramApi';

/** How often pending "last active" marks are stored: also the most a crash can lose of them. */
const ACTIVITY_FLUSH_MS = 5_000;

export interface RuntimeOptions {
  clock?: Clock;
  log?: Logger;
}

export function createRuntime(config: Config, options: RuntimeOptions = {}) {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const opened = openStore(config);
  const { store } = opened;
  let botUsername: string | null = null;
  const links = telegramLinks(config, { knownUsername: () => botUsername, log });
  const services = createServices({
    store,
    clock,
    timeZone: config.CLUB_TIMEZONE,
    correctionMinutes: config.CORRECTION_MINUTES,
    links,
    clubChatId: config.CLUB_CHAT_ID ?? null,
  });
  // Runs first on the connection: requests arriving meanwhile wait for it.
  // On PostgreSQL every store call first waits for the migrations (opened.ready).
  const ready = services.admin.access.seedOwners(config.ADMIN_TELEGRAM_IDS);
  ready.catch(() => undefined); // awaited by main.ts (and tests through `ready`)
  opened.postgres?.holdReadsUntil(ready);
  // Several instances: the others' committed writes reach this read model (server/cluster).
  const events = opened.postgres
    ? listenForEvents(config.DATABASE_URL!, { instanceId: opened.postgres.instanceId, readModel: services.readModel, log })
    : null;
  // Demo mode signs initData with a secret of its own that no Telegram bot shares.
  const signingToken = config.BOT_TOKEN ?? `demo:${randomBytes(24).toString('hex')}`;
  // Members' "last active" marks reach the users rows together (services/activityMarks.ts).
  const activityFlush = setInterval(() => {
    services.activity.flush().catch((error) => log.warn('activity marks not stored; kept for the next flush', { error: String(error) }));
  }, ACTIVITY_FLUSH_MS);
  activityFlush.unref();
  const limiter = new RateLimiter(() => clock.now().getTime());
  const minute = 60_000;
  const limitMember = (telegramId: number, write: boolean) => {
    const rule = write ? { limit: config.RATE_LIMIT_WRITES, windowMs: minute } : { limit: config.RATE_LIMIT_READS, windowMs: minute };
    const wait = limiter.hit(write ? 'w' : 'r', telegramId, rule);
    if (wait > 0) throw new ServiceError('RATE_LIMITED', 'Too many requests; try again shortly', { retryAfter: wait });
  };
  const app = createApp({
    services,
    clock,
    signingToken,
    initDataMaxAge: config.INIT_DATA_MAX_AGE,
    limitMember,
    rateLimits: { limiter, perIp: { limit: config.RATE_LIMIT_IP, windowMs: minute } },
    adminSession: adminSessionResolver(services),
    publicUrl: config.PUBLIC_URL,
    log,
    system: {
      demo: config.demo,
      botUsername: () => botUsername,
      startedAt: clock.now(),
      pingDatabase: () => store.ping(),
      profilesLoaded: () => services.readModel.profiles.loaded,
    },
  });
  return {
    config,
    clock,
    log,
    engine: opened.engine,
    /** The SQLite database, or null on PostgreSQL. */
    database: opened.sqlite,
    /** The PostgreSQL store, or null on SQLite. */
    postgres: opened.postgres,
    store,
    /** Closes the database (ends the PostgreSQL pool). */
    closeStore: async () => {
      clearInterval(activityFlush);
      await services.activity.flush().catch((error) => log.warn('activity marks not stored at close', { error: String(error) }));
      services.readModel.profiles.stop();
      await events?.stop();
      await opened.close();
    },
    /** Other instances' events (PostgreSQL only): listening state and visibility lags. */
    events,
    services,
    /** Resolves once start-up writes (owners from ADMIN_TELEGRAM_IDS) are stored. */
    ready,
    app,
    signingToken,
    setBotUsername(name: string | null) {
      botUsername = name;
    },
    /**
     * Starts serving HTTP. Bun's own body limit would answer a bare 413 (no JSON), so it is set
     * out of reach: every body reader in the app has its own limit and answers API.md's 413
     * (server/httpRequest.ts); a body nobody reads is discarded, not buffered.
     */
    listen(port: number, hostname: string) {
      return app.listen({ port, hostname, maxRequestBodySize: Number.MAX_SAFE_INTEGER });
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
