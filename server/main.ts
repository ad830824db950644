/** Composition root: config → database → services → HTTP, bot and scheduler; graceful stop. */
import { createBot } from './bot';
import { ConfigError, loadConfig } from './config';
import { startScheduler } from './jobs/scheduler';
import { describeDatabase } from './db/openStore';
import { createRuntime } from './runtime';
import { announceStart } from './startBanner';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}

const runtime = createRuntime(config);
await runtime.ready;
const { log } = runtime;

// One request must never end the process: hooks catch their own errors, and this is the last
// line for anything that still escapes (logged, the server keeps serving).
process.on('uncaughtException', (error) => log.error('uncaught error; still serving', { error }));
process.on('unhandledRejection', (error) => log.error('unhandled rejection; still serving', { error }));

const server = runtime.listen(config.PORT, config.HOST);
const port = server.server?.port ?? config.PORT;
log.info('listening', {
  url: config.PUBLIC_URL,
  host: config.HOST,
  port,
  database: describeDatabase(config),
  timezone: config.CLUB_TIMEZONE,
  mode: config.demo ? 'demo (no BOT_TOKEN: bot off, /api/demo/init-data on)' : 'bot',
});

// The bot: long polling with back-off (start() resolves once Telegram answers; never rejects).
const bot = config.BOT_TOKEN ? createBot({ services: runtime.services, config, log, clock: runtime.clock }) : null;
const botStarted = bot?.start().then((info) => {
  runtime.setBotUsername(info?.username ?? null);
  return info?.username ?? null;
});
void announceStart(config, port, botStarted);

// Scheduled jobs (Bun.cron in CLUB_TIMEZONE) plus a one-time catch-up of what was missed while down.
const scheduler = startScheduler({ services: runtime.services, messenger: bot?.messenger ?? null, publicUrl: config.PUBLIC_URL, log });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('stopping', { signal });
  const jobsEnded = scheduler.stop(); // no new runs; the ones in progress end once the queue stops
  await server.stop();
  await bot?.stop();
  await jobsEnded;
  await runtime.closeStore();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
