/** Composition root: config → database → services → HTTP, bot and scheduler; graceful stop. */
import { ConfigError, loadConfig } from './config';
import { leaderDuties } from './cluster/duties';
import { electLeader, soleLeader } from './cluster/leader';
import { describeDatabase } from './db/openStore';
import { clubDay } from './domain/clubTime';
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

// Every member's profile into memory (GET /api/me answers from it), a few hundred members at a
// time while requests are served; until a member is loaded, their first read loads them.
const profilesStarted = performance.now();
void runtime.services.readModel.profiles
  .loadAll(() => clubDay(runtime.clock.now(), config.CLUB_TIMEZONE))
  .then((loaded) => {
    // One full collection now hands the load's garbage back to the system (at 100,000 members
    // about 200 MB of RSS that would otherwise stay until the collector's next full pass).
    Bun.gc(true);
    log.info('profiles held', { loaded, ms: Math.round(performance.now() - profilesStarted), ...runtime.services.readModel.profiles.stats() });
  })
  .catch((error) => log.error('loading profiles failed; they load on first read', { error }));

// The bot's polling, the scheduled jobs and the announcement sender run on the leader only:
// with SQLite that is this process; on PostgreSQL the instance holding the leader lock
// (server/cluster/leader.ts).
const duties = leaderDuties(runtime, config, log);
const leadership = config.DATABASE_URL
  ? electLeader(config.DATABASE_URL, duties, { intervalMs: config.LEADER_CHECK_MS, log })
  : soleLeader(duties);
void announceStart(config, port, config.DATABASE_URL ? undefined : duties.botStarted);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('stopping', { signal });
  const dutiesEnded = leadership.stop(); // no new polls, job runs or announcement passes; those in progress end
  await server.stop();
  await dutiesEnded;
  await runtime.closeStore();
  log.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
