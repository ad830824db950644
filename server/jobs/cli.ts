/**
 * `bun run job <name> [--now <ISO-8601 instant>]`: runs one scheduled job once, now or as if at
 * that instant, against the configured database, sending through TELEGRAM_API_URL, and prints what it did.
 * Every job is idempotent: a second run for the same period sends and writes nothing new.
 */
import { fixedClock, systemClock } from '../clock';
import { ConfigError, loadConfig } from '../config';
import { openStore } from '../db/openStore';
import { createLogger } from '../log';
import type { Messenger } from '../messaging';
import { createServices } from '../services';
import { createBot } from '../bot';
import { JOBS } from './index';
import { JOB_NAMES, type JobName } from './types';

const USAGE = `usage: bun run job <${JOB_NAMES.join('|')}> [--now <ISO-8601 instant>]`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { name: JobName; now: Date | null } {
  let name: string | undefined;
  let now: Date | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--now' || arg.startsWith('--now=')) {
      const value = arg === '--now' ? argv[++i] : arg.slice('--now='.length);
      // An instant, not a wall-clock time: the zone must be explicit (Z or ±HH:MM).
      if (!value || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value) || Number.isNaN(new Date(value).getTime())) {
        fail(`--now needs an ISO-8601 instant with a zone, e.g. 2026-11-25T16:00:00Z\n${USAGE}`);
      }
      now = new Date(value);
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (!name) {
      name = arg;
    } else {
      fail(`unexpected argument: ${arg}\n${USAGE}`);
    }
  }
  if (!name || !(JOB_NAMES as readonly string[]).includes(name)) fail(name ? `unknown job: ${name}\n${USAGE}` : USAGE);
  return { name: name as JobName, now };
}

const { name, now } = parseArgs(process.argv.slice(2));
let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(e.message, 1);
  throw e;
}

const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
const clock = now ? fixedClock(now) : systemClock;
const opened = openStore(config);
const services = createServices({ store: opened.store, clock, timeZone: config.CLUB_TIMEZONE, clubChatId: config.CLUB_CHAT_ID ?? null });

// The bot's own rate-limited queue, built as the server builds it; the bot is never started
// here (only the server polls the token).
const queue = config.BOT_TOKEN ? createBot({ services, config, log, clock }, { skipSetup: true }).messenger : null;
const messenger: Messenger | null = queue;

let exitCode = 0;
try {
  const at = clock.now();
  const summary = await JOBS[name]({ services, messenger, publicUrl: config.PUBLIC_URL, log }, at);
  const out = process.stdout;
  out.write(`${name} at ${summary.at} (${config.CLUB_TIMEZONE}${messenger ? '' : ', bot off: BOT_TOKEN unset'})\n`);
  for (const line of summary.lines) out.write(`  ${line}\n`);
  out.write(`${JSON.stringify(summary.counts)}\n`);
} catch (error) {
  process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  await queue?.idle();
  queue?.stop();
  await opened.close();
}
process.exit(exitCode);
