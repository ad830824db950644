/** Structured logs: one JSON object per line on stderr. Never pass tokens or initData here. */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * Hides secrets in a log line: bot tokens (also inside Bot API URLs), signed initData, the
 * `tma` Authorization value, one-time login tokens and the admin session cookie.
 */
export function redact(text: string): string {
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

export function createLogger(level: Level | 'silent' = 'info', write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const out: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg };
    for (const [k, v] of Object.entries(fields ?? {})) out[k] = v instanceof Error || k === 'error' ? serializeError(v) : v;
    // Redacting the serialized line covers every field, however deeply nested.
    write(redact(JSON.stringify(out)));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export const silentLogger: Logger = createLogger('silent');
