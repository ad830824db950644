/**
 * What every HTTP request passes through: a request id, refusal of requests whose URL or body
 * size is unusable, a per-IP rate limit, CORS for PUBLIC_URL only, baseline security headers
 * and one structured access-log line. Nothing here may throw on what a client sent: a hook that
 * throws after the response has no error boundary left, and would end the process.
 */
import { Elysia } from 'elysia';
import type { Logger } from '../log';
import type { RateLimiter, RateLimitRule } from '../rateLimit';
import { errorResponse } from './errors';
import { hasValidUrl, MAX_REQUEST_BYTES, pathOf } from '../httpRequest';

export interface GuardOptions {
  log: Logger;
  publicUrl: string;
  limiter: RateLimiter;
  perIp: RateLimitRule;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const DECLARED_LENGTH = /^\d{1,15}$/;

/** Why a request is refused before routing, or null: an unusable Host, or a body too large. */
function unusable(request: Request): Response | null {
  if (!hasValidUrl(request)) {
    return errorResponse('BAD_REQUEST', 'Malformed request: the Host header is missing or invalid');
  }
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (!DECLARED_LENGTH.test(declared)) return errorResponse('BAD_REQUEST', 'Malformed request: invalid Content-Length');
    if (Number(declared) > MAX_REQUEST_BYTES) return errorResponse('PAYLOAD_TOO_LARGE', 'The request body is too large');
  }
  return null;
}

/**
 * Request ids: this process's random prefix and a counter. Unique across instances and
 * restarts like a UUID, without drawing 16 random bytes for every request.
 */
const processPrefix = crypto.randomUUID().slice(0, 13);
let requestCount = 0;
const nextRequestId = () => `${processPrefix}-${(++requestCount).toString(36)}`;

export function guardPlugin(options: GuardOptions) {
  const allowedOrigin = new URL(options.publicUrl).origin;
  const started = new WeakMap<Request, { id: string; at: number; path: string }>();
  const limitsIps = options.perIp.limit > 0;
  // The access line is an info line: below that level there is no after-response hook at all
  // (Elysia runs one in its own setImmediate task for every request).
  const logsRequests = options.log.writes('info');

  const guard = new Elysia({ name: 'guard' })
    .onRequest(({ request, server, set }) => {
      const incoming = request.headers.get('x-request-id');
      const id = incoming && REQUEST_ID.test(incoming) ? incoming : nextRequestId();
      const path = pathOf(request.url);
      if (logsRequests) started.set(request, { id, at: performance.now(), path });
      set.headers['x-request-id'] = id;
      set.headers['x-content-type-options'] = 'nosniff';
      set.headers['referrer-policy'] = 'strict-origin-when-cross-origin';

      const refused = unusable(request);
      if (refused) {
        refused.headers.set('x-request-id', id);
        return refused;
      }

      const origin = request.headers.get('origin');
      if (origin === allowedOrigin) {
        set.headers['access-control-allow-origin'] = origin;
        set.headers['vary'] = 'Origin';
        set.headers['access-control-allow-credentials'] = 'true';
      }
      if (request.method === 'OPTIONS') {
        if (origin !== allowedOrigin) return new Response(null, { status: 403 });
        return new Response(null, {
          status: 204,
          headers: {
            'access-control-allow-origin': origin,
            'access-control-allow-credentials': 'true',
            'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
            'access-control-allow-headers': 'authorization, content-type, x-csrf-token, x-request-id, trpc-accept',
            'access-control-max-age': '600',
            vary: 'Origin',
          },
        });
      }

      // Finding the client's address costs more than the rest of this hook: only when limited.
      const ip = limitsIps ? server?.requestIP(request)?.address : undefined;
      if (ip && (path.startsWith('/api/') || path.startsWith('/trpc/'))) {
        const wait = options.limiter.hit('ip', ip, options.perIp);
        if (wait > 0) {
          const res = errorResponse('RATE_LIMITED', 'Too many requests from this address', { retryAfter: wait });
          res.headers.set('x-request-id', id);
          return res;
        }
      }
    });
  if (!logsRequests) return guard;
  return guard.onAfterResponse({ as: 'global' }, ({ request, set }) => {
    const s = started.get(request);
    try {
      if (!s) return;
      options.log.info('request', {
        requestId: s.id,
        method: request.method,
        path: s.path,
        status: typeof set.status === 'number' ? set.status : undefined,
        ms: Math.round((performance.now() - s.at) * 10) / 10,
      });
    } catch (error) {
      options.log.error('access log failed', { requestId: s?.id, error });
    }
  });
}
