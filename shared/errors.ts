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

/** A code for an answer that came without one (tRPC's own refusals): read from its HTTP status. */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'ALREADY_SUBMITTED',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'OUTSIDE_TIME_WINDOW',
  429: 'RATE_LIMITED',
};

/** The code an error answer without a readable body stands for, by its HTTP status. */
export function codeOfStatus(status: number): ErrorCode {
  return CODE_OF_STATUS[status] ?? 'INTERNAL';
}

/**
 * What a failed tRPC call means to the pages, from its error's `data`: the server's code
 * (`appCode`) with its details; else the code of the HTTP status; without a status the request
 * never reached the server (NETWORK). Details keep only strings and numbers (message params).
 */
export function appErrorOfTrpc(data: unknown, message: string): AppError<Record<string, string | number>> {
  const d = (data ?? {}) as { appCode?: unknown; details?: unknown; httpStatus?: unknown };
  if (isErrorCode(d.appCode)) return new AppError(d.appCode, plainDetails(d.details), message);
  if (typeof d.httpStatus === 'number') return new AppError(codeOfStatus(d.httpStatus), {}, message);
  return new AppError('NETWORK', {}, message);
}

function plainDetails(value: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}
