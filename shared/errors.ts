/**
 * The error codes of API.md, once: the server throws them, REST and tRPC carry them, the bot
 * and both pages localize them (shared/i18n/errors.ts), the tests expect them.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'NOT_REGISTERED',
  'BANNED',
  'NOT_JOINED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ALREADY_SUBMITTED',
  'CORRECTION_CLOSED',
  'OUTSIDE_TIME_WINDOW',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** What the pages show: an API.md code, or NETWORK when no answer came back. */
export type AppErrorCode = ErrorCode | 'NETWORK';

/** The error the pages handle, whatever the call (tRPC or REST) that failed. */
export class AppError<D extends Record<string, unknown> = Record<string, unknown>> extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly details: D = {} as D,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}
