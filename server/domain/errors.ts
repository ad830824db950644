/**
 * The one family of coded errors thrown below the adapters; the codes are shared/errors.ts's.
 * Each adapter says what a code means to its callers (HTTP status: rest/errors.ts).
 */
import type { ErrorCode } from '../../shared/errors';

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
}
