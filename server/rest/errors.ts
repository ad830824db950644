/** The one mapping from errors to API.md's shape: `{ error: { code, message } }`. */
import { Elysia } from 'elysia';
import { ZodError, type ZodType } from 'zod';
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

export function toErrorResponse(error: unknown, log: (e: unknown) => void): Response {
  if (error instanceof ServiceError) return errorResponse(error.code, error.message, error.details);
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return errorResponse('BAD_REQUEST', `${where}${issue?.message ?? 'Invalid input'}`);
  }
  log(error);
  return errorResponse('INTERNAL', 'Internal error');
}

export function errorPlugin(log: (e: unknown, requestId: string | undefined) => void) {
  return new Elysia({ name: 'rest-errors' }).onError({ as: 'global' }, ({ code, error, set }) => {
    const requestId = set.headers['x-request-id'];
    switch (code) {
      case 'NOT_FOUND':
        return errorResponse('NOT_FOUND', 'No such route');
      case 'PARSE':
      case 'VALIDATION':
      case 'INVALID_COOKIE_SIGNATURE':
        return errorResponse('BAD_REQUEST', 'Malformed request');
      default:
        return toErrorResponse(error, (e) => log(e, typeof requestId === 'string' ? requestId : undefined));
    }
  });
}

export const MAX_BODY_BYTES = 16 * 1024;

/** Reads a JSON body and validates it; an empty body is `{}`. */
export async function readBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new ServiceError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ServiceError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  let json: unknown = {};
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ServiceError('BAD_REQUEST', 'The body is not valid JSON');
    }
  }
  return schema.parse(json);
}

/** Validates query parameters (strings) with a schema that coerces. */
export function readQuery<T>(query: Record<string, string | undefined>, schema: ZodType<T>): T {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''));
  return schema.parse(clean);
}
