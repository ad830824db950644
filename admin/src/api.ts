/**
 * The panel's only door to the server: a typed tRPC client (`import type` from the server, never
 * a value) and the few REST calls of sign-in, session and CSV download.
 *
 * Credentials: inside Telegram the panel sends `Authorization: tma <initData>`; in a browser it
 * relies on the HttpOnly session cookie and adds the session's CSRF token to every request.
 */
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/trpc/types';
import { AppError, appErrorOfTrpc, codeOfStatus, type AppErrorCode, type ErrorCode } from '../../shared/errors';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

const credentials = { initData: '', csrf: '' };

export function useInitData(raw: string): void {
  credentials.initData = raw;
}
export function useCsrf(token: string): void {
  credentials.csrf = token;
}
export function hasInitData(): boolean {
  return credentials.initData !== '';
}

function authHeaders(): Record<string, string> {
  if (credentials.initData) return { Authorization: `tma ${credentials.initData}` };
  if (credentials.csrf) return { 'x-csrf-token': credentials.csrf };
  return {};
}

export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${location.origin}/trpc`,
      headers: authHeaders,
      fetch: (url, init) => fetch(url, { ...(init as RequestInit), credentials: 'same-origin' }),
    }),
  ],
});

// ---- errors ----

export { AppError, type AppErrorCode };


export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCClientError) {
    return appErrorOfTrpc(error.data, error.message);
  }
  if (error instanceof TypeError) return new AppError('NETWORK', {}, error.message);
  return new AppError('INTERNAL', {}, error instanceof Error ? error.message : String(error));
}

/** A refusal because the CSRF token is stale (not a lack of rights). */
export function isCsrfError(error: unknown): boolean {
  const e = toAppError(error);
  return e.code === 'FORBIDDEN' && e.details.reason === 'CSRF';
}

// ---- REST ----

async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...authHeaders(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new AppError('NETWORK', {}, e instanceof Error ? e.message : String(e));
  }
  const json = (await res.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error?: { code?: ErrorCode; message?: string; details?: Record<string, unknown> } }
    | null;
  if (!res.ok) {
    const err = (json as { error?: { code?: ErrorCode; message?: string; details?: Record<string, unknown> } } | null)?.error;
    throw new AppError(err?.code ?? codeOfStatus(res.status), err?.details ?? {}, err?.message);
  }
  return json as T;
}

export interface SessionInfo {
  telegramId: number;
  role: 'owner' | 'admin';
  csrfToken: string | null;
  expiresAt: string | null;
  via: 'cookie' | 'initData';
}

export interface PublicConfig {
  demo: boolean;
  botUsername: string | null;
}

export const authApi = {
  session: () => rest<SessionInfo>('GET', '/api/admin/auth/session'),
  login: (token: string) => rest<SessionInfo>('POST', '/api/admin/auth/login', { token }),
  demoLogin: () => rest<SessionInfo>('POST', '/api/admin/auth/demo', {}),
  logout: () => rest<{ ok: true }>('POST', '/api/admin/auth/logout'),
  config: () => rest<PublicConfig>('GET', '/api/config'),
};

/** Downloads a CSV export with the panel's credentials (works with the cookie and with initData). */
export async function downloadCsv(path: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', headers: authHeaders() });
  } catch (e) {
    throw new AppError('NETWORK', {}, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: ErrorCode; message?: string } } | null;
    throw new AppError(body?.error?.code ?? codeOfStatus(res.status), {}, body?.error?.message);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
