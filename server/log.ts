/** Structured logs: one JSON object per line on stderr. Never pass tokens or initData here. */
import { writeSync } from 'node:fs';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Whether lines of `level` are written (callers skip building fields that would be dropped). */
  writes(level: Level): boolean;
}

/** Something in the line that may be a secret; most lines (access lines) have none. */
const MAY_HOLD_SECRET = /\d{5,}:|hash=|tma\s|qadam_admin=|login=|token=/i;

/**
 * Hides secrets in a log line: bot tokens (also inside Bot API URLs), signed initData, the
 * `tma` Authorization value, one-time login tokens and the admin session cookie.
 */
export function redact(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  return text
    .replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, '<bot-token>')
    .replace(/(hash=)[0-9a-f]{64}/g, '$1<redacted>')
    .replace(/(tma\s+)[^\s"]+/gi, '$1<redacted>')
    .replace(/((?:qadam_admin|login|token)=)[^\s";&]+/gi, '$1<redacted>');
}

function serializeError(e: unknown): Record<string, unknown> {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { value: String(e) };
}

/** The ISO time of a log line; under load many lines share a millisecond, and one string. */
let stampMs = -1;
let stamp = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== stampMs) {
    stampMs = ms;
    stamp = new Date(ms).toISOString();
  }
  return stamp;
}

/**
 * Writes lines to stderr once per turn of the event loop instead of once per line: a busy
 * server logs a line per request, and a write each was a system call each. Whatever is still
 * buffered when the process exits is written synchronously. One buffer per process.
 */
let buffered: string[] = [];
function flushStderr(): void {
  if (buffered.length === 0) return;
  const text = `${buffered.join('\n')}\n`;
  buffered = [];
  writeSync(2, text);
}
process.on('exit', flushStderr);

function writeStderr(line: string): void {
  if (buffered.push(line) === 1) setImmediate(flushStderr);
}

export function createLogger(level: Level | 'silent' = 'info', write: (line: string) => void = writeStderr): Logger {
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const out: Record<string, unknown> = { time: isoNow(), level: lvl, msg };
    for (const [k, v] of Object.entries(fields ?? {})) out[k] = v instanceof Error || k === 'error' ? serializeError(v) : v;
    // Redacting the serialized line covers every field, however deeply nested.
    write(redact(JSON.stringify(out)));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    writes: (lvl) => ORDER[lvl] >= ORDER[level],
  };
}

export const silentLogger: Logger = createLogger('silent');
