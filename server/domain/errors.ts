/** The one family of coded errors thrown below the adapters; codes are API.md's. */
import type { ErrorCode } from '../../shared/types';

export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_REGISTERED: 403,
  BANNED: 403,
  NOT_JOINED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_SUBMITTED: 409,
  CORRECTION_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  OUTSIDE_TIME_WINDOW: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Structured facts for clients to localize the message (e.g. the window, the bounds). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  get status(): number {
    return STATUS_OF_CODE[this.code];
  }
}
