/**
 * tRPC v11 in Elysia through the fetch adapter. `@elysiajs/trpc` bundles tRPC v10 internals and
 * fails against a v11 router, so this small named plugin hands the Request to tRPC directly.
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Elysia } from 'elysia';
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
  return new Elysia({ name: 'trpc' }).all('/trpc/*', ({ request }) => handle(request), { parse: 'none' });
}
