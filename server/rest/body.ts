/**
 * How REST bodies are read: as JSON whatever the Content-Type says (clients send it without one
 * as often as with), an empty body as `{}`, at most MAX_BODY_BYTES whether the length is
 * declared or the body arrives chunked. The routes then validate it with their schema.
 */
import { ServiceError } from '../domain/errors';
import { readTextWithin } from '../httpRequest';

export const MAX_BODY_BYTES = 16 * 1024;

/** The parse hook of every REST group (`.onParse(readJsonBody)`); tRPC reads its own bodies. */
export async function readJsonBody({ request }: { request: Request }): Promise<unknown> {
  const text = await readTextWithin(request, MAX_BODY_BYTES);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ServiceError('BAD_REQUEST', 'The body is not valid JSON');
  }
}

/**
 * Query strings name a field with an empty value (`?q=&page=`) when a form leaves it blank:
 * such a field counts as absent, so its default applies (runs before validation).
 */
export function dropEmptyQueryValues({ query }: { query: Record<string, string | undefined> }): void {
  for (const key of Object.keys(query)) if (query[key] === '') delete query[key];
}
