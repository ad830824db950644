/**
 * The OpenAPI 3.1 document of the REST door, generated from the same zod schemas the routes
 * validate with (@elysiajs/openapi walks the routes, zod writes the JSON Schema), served at
 * GET /api/openapi.json, and what each route says about itself (`route(...)`).
 */
import { toOpenAPISchema } from '@elysiajs/openapi';
import { Elysia, type AnyElysia } from 'elysia';
import { z } from 'zod';
import { STATUS_OF_CODE } from './errors';
import type { ErrorCode } from '../../shared/errors';
import { renderReference } from './reference';

export type Tag = 'system' | 'member' | 'admin' | 'admin session' | 'exports';
type Auth = 'none' | 'member' | 'admin';

const AUTH_OF_TAG: Record<Tag, Auth> = { system: 'none', member: 'member', admin: 'admin', exports: 'admin', 'admin session': 'none' };
const SECURITY: Record<Auth, Record<string, string[]>[]> = {
  none: [],
  member: [{ tma: [] }],
  admin: [{ tma: [] }, { adminSession: [] }],
};
const AUTH_ERRORS: Record<Auth, ErrorCode[]> = { none: [], member: ['UNAUTHORIZED'], admin: ['UNAUTHORIZED', 'FORBIDDEN'] };

export interface RouteDoc {
  /** Success status, what it carries (default 200, "OK"), and its schema where one is written. */
  ok?: [number, string, z.ZodType?];
  /** The coded errors this route may answer besides those of its authentication. */
  errors?: ErrorCode[];
  /** Who may call it, when not the tag's default. */
  auth?: Auth;
}

/** Documents one route: its tag, summary, authentication and every error it may answer. */
export function route(tag: Tag, summary: string, doc: RouteDoc = {}) {
  const auth = doc.auth ?? AUTH_OF_TAG[tag];
  const [okStatus, okText, okSchema] = doc.ok ?? [200, 'OK'];
  const codes = new Set<ErrorCode>(['BAD_REQUEST', ...AUTH_ERRORS[auth], ...(doc.errors ?? []), 'RATE_LIMITED']);
  const responses: Record<string, { description: string; content?: Record<string, { schema: object }> }> = {
    [String(okStatus)]: {
      description: okText,
      ...(okSchema ? { content: { 'application/json': { schema: z.toJSONSchema(okSchema, { io: 'output', unrepresentable: 'any' }) } } } : {}),
    },
  };
  for (const code of codes) {
    const status = String(STATUS_OF_CODE[code]);
    const known = responses[status]?.description;
    responses[status] = {
      description: known ? `${known}, \`${code}\`` : `\`${code}\``,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return { detail: { tags: [tag], summary, security: SECURITY[auth], responses } };
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(STATUS_OF_CODE) },
        message: { type: 'string', description: 'Human text (English); the pages translate by code' },
        details: { type: 'object', description: 'e.g. `retryAfter` seconds on RATE_LIMITED' },
      },
    },
  },
};

const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>> };

/**
 * The document for every `/api/` route of `app`. Request bodies are written here: the routes
 * read them with the REST body reader (server/rest/body.ts), which the generator cannot see.
 */
export function openApiDocument(app: AnyElysia, version: string): OpenApiDocument {
  const generated = toOpenAPISchema(app, { paths: [/^(?!\/api\/)/], staticFile: false }, undefined, { zod: jsonSchemaOf }, '3.1.1') as unknown as OpenApiDocument;
  for (const r of app.routes) {
    const operation = generated.paths[r.path.replace(/:([^/]+)/g, '{$1}')]?.[r.method.toLowerCase()];
    if (!operation) continue;
    const body = r.hooks?.body as z.ZodType | undefined;
    if (body instanceof z.ZodType) {
      operation.requestBody = {
        required: !body.safeParse({}).success,
        content: { 'application/json': { schema: jsonSchemaOf(body) } },
      };
      const responses = operation.responses as Record<string, { description: string }>;
      responses['413'] = { ...errorResponse('`PAYLOAD_TOO_LARGE` (over 16 KB, declared or chunked)') };
    }
  }
  return {
    openapi: '3.1.1',
    info: {
      title: 'Qadam Club API',
      version,
      description:
        'The REST API of a Qadam Club server. Members authenticate with `Authorization: tma <initData>` (the Telegram Mini App’s signed launch data); admins with an admin’s initData or the admin panel’s session cookie. Every error is `{ "error": { "code", "message" } }`.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'system', description: 'Health, client configuration, demo mode, this document' },
      { name: 'member', description: 'What a member does: register, join, submit, race' },
      { name: 'admin', description: 'Running the club: challenges, members, fixes, insight' },
      { name: 'admin session', description: 'The admin panel’s cookie session' },
      { name: 'exports', description: 'CSV downloads for admins' },
    ],
    paths: generated.paths,
    components: {
      securitySchemes: {
        tma: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: '`tma <initData>`: the raw initData of the Telegram Mini App (or of demo mode), HMAC-signed with the bot token',
        },
        adminSession: { type: 'apiKey', in: 'cookie', name: 'qadam_admin', description: 'The admin panel’s session; writes also need `x-csrf-token`' },
      },
      schemas: { Error: errorSchema },
    },
  };
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

/** GET /api/openapi.json and the reference page GET /api/docs, built once from `app()`. */
export function apiReference(app: () => AnyElysia, version: string) {
  let document: OpenApiDocument | null = null;
  const current = () => (document ??= openApiDocument(app(), version));
  return new Elysia({ name: 'rest-api-reference', prefix: '/api' })
    .get('/openapi.json', () => current(), route('system', 'This document (OpenAPI 3.1)'))
    .get(
      '/docs',
      () => new Response(renderReference(current()), { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } }),
      route('system', 'A reference page for people, rendered from this document'),
    );
}
