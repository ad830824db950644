/** The one mapping from errors to API.md's shape: `{ error: { code, message } }`. */
import { Elysia } from 'elysia';
import { ZodError, type ZodType } from 'zod';
import { ServiceError, STATUS_OF_CODE } from '../domain/errors';
import type { ErrorCode } from '../../shared/types';
import { readTextWithin } from '../httpRequest';

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
    // Elysia derives `code` from an error's own `code` field, so a ServiceError('NOT_FOUND')
    // would otherwise read as an unknown route.
    if (error instanceof ServiceError) return errorResponse(error.code, error.message, error.details);
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

/** Reads a JSON body (at most MAX_BODY_BYTES, chunked or not) and validates it; empty is `{}`. */
export async function readBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
  const text = await readTextWithin(request, MAX_BODY_BYTES);
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
