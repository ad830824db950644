/** The environment, parsed once with zod: the only reader of process.env. */
import { z } from 'zod';
import { isValidTimeZone } from './domain/clubTime';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Bind address: an IPv4/IPv6 address or a host name (no scheme, port or spaces). */
  HOST: optionalText
    .pipe(z.string().regex(/^[A-Za-z0-9.:_-]{1,253}$/, 'HOST must be an address such as 0.0.0.0, 127.0.0.1 or ::').optional())
    .transform((h) => h ?? '0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('./data/qadam.sqlite'),
  /** postgres://…: PostgreSQL instead of the SQLite file (several instances may share it). */
  DATABASE_URL: optionalText.pipe(
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a postgres:// or postgresql:// URL').optional(),
  ),
  BOT_TOKEN: optionalText.pipe(
    z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'BOT_TOKEN must look like 123456:ABC…').optional(),
  ),
  TELEGRAM_API_URL: z.string().url().default('https://api.telegram.org').transform((u) => u.replace(/\/+$/, '')),
  PUBLIC_URL: optionalText.pipe(z.string().url().optional()),
  /** The Mini App's short name from @BotFather (/newapp): links become t.me/<bot>/<name>?startapp=…; unset: the bot's Main Mini App. */
  MINIAPP_SHORT_NAME: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9_]{3,30}$/, 'MINIAPP_SHORT_NAME must be the short name given to @BotFather (3–30 letters, digits or _)').optional(),
  ),
  ADMIN_TELEGRAM_IDS: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const ids = s.split(',').map((p) => p.trim()).filter(Boolean);
      const bad = ids.filter((p) => !/^\d{1,16}$/.test(p));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `not a Telegram id: ${bad.join(', ')}` });
      return ids.map(Number);
    }),
  /** The club's Telegram group (a chat id such as -1001234567890): winners and the evening summary go there. */
  CLUB_CHAT_ID: optionalText.pipe(
    z
      .string()
      .regex(/^-?\d{1,16}$/, 'CLUB_CHAT_ID must be a Telegram chat id such as -1001234567890')
      .transform(Number)
      .optional(),
  ),
  CLUB_TIMEZONE: z.string().default('Asia/Tashkent').refine(isValidTimeZone, 'unknown IANA time zone'),
  INIT_DATA_MAX_AGE: z.coerce.number().int().positive().default(86400),
  /** Requests per minute; 0 turns a limit off. */
  RATE_LIMIT_READS: z.coerce.number().int().min(0).default(300),
  RATE_LIMIT_WRITES: z.coerce.number().int().min(0).default(30),
  RATE_LIMIT_IP: z.coerce.number().int().min(0).default(1200),
  /** Updates per minute one Telegram chat may send the bot before it is politely ignored. */
  RATE_LIMIT_BOT: z.coerce.number().int().min(0).default(30),
  /** Minutes after sending during which a member may correct today's result. */
  CORRECTION_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  /** PostgreSQL: how often an instance tries to become leader, and the leader checks it still is. */
  LEADER_CHECK_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Config = Omit<z.output<typeof envSchema>, 'PUBLIC_URL'> & {
  PUBLIC_URL: string;
  /** Demo mode: no bot token. Never on when BOT_TOKEN is set. */
  demo: boolean;
};

export class ConfigError extends Error {}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.') || 'env'}: ${issue.message}`);
  }
  const c = parsed.data;
  return {
    ...c,
    PUBLIC_URL: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    demo: c.BOT_TOKEN === undefined,
  };
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
