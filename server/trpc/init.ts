/**
 * initTRPC once; every route goes through these base procedures. Service errors become tRPC
 * errors here, in one place, carrying API.md's code as `data.appCode`.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { authenticateAdmin, authenticateMember } from '../auth/requestAuth';
import { ServiceError } from '../domain/errors';
import type { ErrorCode } from '../../shared/types';
import type { TrpcContext } from './context';

type TRPC_ERROR_CODE_KEY = TRPCError['code'];

const TRPC_CODE: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  NOT_REGISTERED: 'FORBIDDEN',
  BANNED: 'FORBIDDEN',
  NOT_JOINED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_SUBMITTED: 'CONFLICT',
  CORRECTION_CLOSED: 'CONFLICT',
  OUTSIDE_TIME_WINDOW: 'UNPROCESSABLE_CONTENT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

function appCodeOf(error: TRPCError): { appCode: ErrorCode; details: Record<string, unknown> } {
  if (error.cause instanceof ServiceError) return { appCode: error.cause.code, details: error.cause.details };
  if (error.cause instanceof ZodError) {
    return { appCode: 'BAD_REQUEST', details: { issues: error.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } };
  }
  const byTrpc: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
    BAD_REQUEST: 'BAD_REQUEST',
    PARSE_ERROR: 'BAD_REQUEST',
    NOT_FOUND: 'NOT_FOUND',
    UNAUTHORIZED: 'UNAUTHORIZED',
    FORBIDDEN: 'FORBIDDEN',
    METHOD_NOT_SUPPORTED: 'BAD_REQUEST',
    PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
    TOO_MANY_REQUESTS: 'RATE_LIMITED',
  };
  return { appCode: byTrpc[error.code] ?? 'INTERNAL', details: {} };
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const { appCode, details } = appCodeOf(error);
    const message = appCode === 'INTERNAL' ? 'Internal error' : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, appCode, details } };
  },
});

/** Service errors keep their meaning across the tRPC boundary. */
const mapServiceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ServiceError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapServiceErrors);

export const memberProcedure = publicProcedure.use(({ ctx, next }) => {
  const identity = authenticateMember(ctx.auth, ctx.request);
  return next({ ctx: { identity } });
});

export const adminProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const actor = await authenticateAdmin(ctx.auth, ctx.request);
  return next({ ctx: { actor } });
});
