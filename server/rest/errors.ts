/**
 * The one mapping from errors to API.md's shape, `{ error: { code, message } }`: service
 * errors, Elysia's own (validation of params, query and body; unknown routes; unreadable
 * bodies) and anything unexpected (logged, answered as INTERNAL).
 */
import { Elysia, ValidationError } from 'elysia';
import { ZodError } from 'zod';
import { ServiceError } from '../domain/errors';
import type { ErrorCode } from '../../shared/errors';

/** The HTTP status of each API.md code. */
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

export function errorBody(code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...(details && Object.keys(details).length ? { details } : {}) } };
}

export function errorResponse(code: ErrorCode, message: string, details?: Record<string, unknown>): Response {
  const headers: Record<string, string> = {};
  if (code === 'RATE_LIMITED' && typeof details?.retryAfter === 'number') headers['retry-after'] = String(details.retryAfter);
  return Response.json(errorBody(code, message, details), { status: STATUS_OF_CODE[code], headers });
}

/** "field: what is wrong", from the first issue of a zod (or Standard Schema) failure. */
function firstIssue(issue: { path?: readonly PropertyKey[]; message?: string } | undefined): string {
  const where = issue?.path?.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue?.message ?? 'Invalid input'}`;
}

export function toErrorResponse(error: unknown, log: (e: unknown) => void): Response {
  if (error instanceof ServiceError) return errorResponse(error.code, error.message, error.details);
  if (error instanceof ZodError) return errorResponse('BAD_REQUEST', firstIssue(error.issues[0]));
  log(error);
  return errorResponse('INTERNAL', 'Internal error');
}

export function errorPlugin(log: (e: unknown, requestId: string | undefined) => void) {
  return new Elysia({ name: 'rest-errors' }).onError({ as: 'global' }, ({ code, error, set }) => {
    const requestId = set.headers['x-request-id'];
    // Elysia derives `code` from an error's own `code` field, so a ServiceError('NOT_FOUND')
    // would otherwise read as an unknown route; one thrown by the body reader arrives wrapped
    // in Elysia's ParseError.
    const service = error instanceof ServiceError ? error : code === 'PARSE' && error.cause instanceof ServiceError ? error.cause : null;
    if (service) return errorResponse(service.code, service.message, service.details);
    if (error instanceof ValidationError) {
      const issue = error.valueError as { path?: readonly PropertyKey[]; message?: string } | undefined;
      return errorResponse('BAD_REQUEST', firstIssue(issue));
    }
    switch (code) {
      case 'NOT_FOUND':
        return errorResponse('NOT_FOUND', 'No such route');
      case 'PARSE':
      case 'INVALID_COOKIE_SIGNATURE':
        return errorResponse('BAD_REQUEST', 'Malformed request');
      default:
        return toErrorResponse(error, (e) => log(e, typeof requestId === 'string' ? requestId : undefined));
    }
  });
}
