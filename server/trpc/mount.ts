/**
 * tRPC v11 in Elysia through the fetch adapter. `@elysiajs/trpc` bundles tRPC v10 internals and
 * fails against a v11 router, so this small named plugin hands the Request to tRPC directly.
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Elysia } from 'elysia';
import { MAX_REQUEST_BYTES, readTextWithin } from '../httpRequest';
import type { TrpcContext } from './context';
import { appRouter } from './router';

export function trpcPlugin(context: Omit<TrpcContext, 'request'>, onError?: (error: unknown) => void) {
  const handle = (request: Request) =>
    fetchRequestHandler({
      endpoint: '/trpc',
      req: request,
      router: appRouter,
      createContext: () => ({ ...context, request }),
      onError: ({ error }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') onError?.(error.cause ?? error);
      },
    });
  return new Elysia({ name: 'trpc' }).all('/trpc/*', async ({ request }) => handle(await withinLimit(request)), { parse: 'none' });
}

/**
 * The guard refuses a declared length past the limit; a chunked body declares none, so it is
 * read here up to the limit (a refusal is the JSON 413 of every other route).
 */
async function withinLimit(request: Request): Promise<Request> {
  if (!request.body || request.headers.has('content-length')) return request;
  const body = await readTextWithin(request, MAX_REQUEST_BYTES);
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}
