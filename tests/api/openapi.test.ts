/**
 * GET /api/openapi.json is a valid OpenAPI 3.1 document describing every /api/ route the server
 * serves, each with its schemas, authentication and errors; a client built from the document
 * alone calls the server, and real answers validate against the documented schemas.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import { createChallenge, joinedMember } from '../helpers/factories';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime';

type Json = Record<string, any>;
let rt: TestRuntime;
let doc: Json;

beforeAll(async () => {
  // Demo mode serves every route (the demo ones too).
  rt = createTestRuntime({ env: { BOT_TOKEN: '' } });
  const res = await rt.request('GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => rt.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = () =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Json })),
  );

test('the document validates as OpenAPI 3.1', async () => {
  expect(doc.openapi).toMatch(/^3\.1\./);
  const result = await new Validator().validate(doc);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
});

test('every /api/ route the server serves is documented, and nothing else', () => {
  const served = rt.app.routes
    .filter((r) => r.path.startsWith('/api/'))
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([^/]+)/g, '{$1}')}`)
    .sort();
  expect(operations().map((o) => `${o.method} ${o.path}`).sort()).toEqual(served);
});

test('each operation has its schemas, authentication and coded errors', () => {
  for (const { path, method, op } of operations()) {
    const where = `${method} ${path}`;
    expect({ where, summary: typeof op.summary }).toEqual({ where, summary: 'string' });
    expect({ where, tags: op.tags?.length }).toEqual({ where, tags: 1 });
    expect({ where, security: Array.isArray(op.security) }).toEqual({ where, security: true });
    for (const scheme of op.security.flatMap((s: Json) => Object.keys(s))) expect(doc.components.securitySchemes[scheme]).toBeDefined();
    // every path parameter is declared with a schema
    for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
      const param = op.parameters?.find((p: Json) => p.in === 'path' && p.name === name);
      // ids are integers; a club day is a YYYY-MM-DD string
      expect({ where, name, schema: param?.schema?.type }).toEqual({ where, name, schema: name === 'day' ? 'string' : 'integer' });
    }
    // errors: at least BAD_REQUEST, each in the Error schema
    const errors = Object.entries(op.responses as Record<string, Json>).filter(([s]) => Number(s) >= 400);
    expect({ where, has400: errors.some(([s]) => s === '400') }).toEqual({ where, has400: true });
    for (const [, r] of errors) expect(r.content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    // a member or admin route says 401
    if (op.security.length) expect({ where, has401: '401' in op.responses }).toEqual({ where, has401: true });
  }
  // the routes that take a body document it
  const withBody = rt.app.routes.filter((r) => r.path.startsWith('/api/') && r.hooks?.body);
  expect(withBody.length).toBeGreaterThanOrEqual(8);
  for (const r of withBody) {
    const op = doc.paths[r.path.replace(/:([^/]+)/g, '{$1}')][r.method.toLowerCase()];
    expect({ route: r.path, body: op.requestBody?.content?.['application/json']?.schema?.type }).toEqual({ route: r.path, body: 'object' });
    expect(op.responses['413']).toBeDefined();
  }
});

/**
 * A client generated from the document: each operationId becomes a function that fills the
 * path, query and body from its arguments and sends the documented security header.
 */
function clientFrom(document: Json, send: (request: Request) => Promise<Response>) {
  const byId = new Map<string, { method: string; path: string; op: Json }>();
  for (const { path, method, op } of operations()) byId.set(op.operationId, { method, path, op });
  return (operationId: string, args: { params?: Json; query?: Json; body?: unknown; initData?: string } = {}) => {
    const entry = byId.get(operationId);
    if (!entry) throw new Error(`no operation ${operationId}`);
    const path = entry.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(args.params?.[name])));
    const query = new URLSearchParams(Object.entries(args.query ?? {}).map(([k, v]) => [k, String(v)])).toString();
    const headers: Record<string, string> = {};
    const scheme = document.components.securitySchemes.tma;
    if (args.initData && entry.op.security.some((s: Json) => 'tma' in s)) headers[scheme.name.toLowerCase()] = `tma ${args.initData}`;
    if (args.body !== undefined) headers['content-type'] = 'application/json';
    return send(new Request(`http://localhost${path}${query ? `?${query}` : ''}`, { method: entry.method.toUpperCase(), headers, body: args.body === undefined ? undefined : JSON.stringify(args.body) }));
  };
}

describe('a client generated from the document', () => {
  const ajv = new Ajv2020({ strict: false });
  const responseSchema = (operationId: string, status: number) => {
    const op = operations().find((o) => o.op.operationId === operationId)!.op;
    const schema = op.responses[String(status)].content['application/json'].schema as Json;
    return schema.$ref ? doc.components.schemas.Error : schema;
  };
  const conforms = (operationId: string, status: number, body: unknown) => {
    const validate = ajv.compile(responseSchema(operationId, status));
    if (!validate(body)) throw new Error(`${operationId} ${status}: ${ajv.errorsText(validate.errors)}`);
  };

  test('health, a submission and its refusals answer as documented', async () => {
    // A club with a bot token, where the test signs initData as Telegram would.
    const club = createTestRuntime();
    const call = clientFrom(doc, (r) => club.app.handle(r));
    const health = await call('getApiHealth');
    expect(health.status).toBe(200);
    conforms('getApiHealth', 200, await health.json());

    const c = await createChallenge(club);
    const m = await joinedMember(club, c.id);
    const initData = club.initDataFor(m.tg);
    const ok = await call('postApiChallengesByIdSubmit', { params: { id: c.id }, body: { value: '12,5' }, initData });
    expect(ok.status).toBe(201);
    const stored = await ok.json();
    conforms('postApiChallengesByIdSubmit', 201, stored);
    expect(stored.submission.value).toBe(12.5);

    for (const [args, status] of [
      [{ params: { id: c.id }, body: { value: 1 }, initData }, 409],
      [{ params: { id: c.id }, body: { value: 1 } }, 401],
      [{ params: { id: c.id }, body: { value: 1, extra: true }, initData }, 400],
      [{ params: { id: 424242 }, body: { value: 1 }, initData }, 404],
    ] as const) {
      const res = await call('postApiChallengesByIdSubmit', args);
      expect(res.status).toBe(status);
      expect(String(status) in operations().find((o) => o.op.operationId === 'postApiChallengesByIdSubmit')!.op.responses).toBe(true);
      conforms('postApiChallengesByIdSubmit', status, await res.json());
    }
    club.close();
  });
});

test('the reference page lists every operation', async () => {
  const res = await rt.app.handle(new Request('http://localhost/api/docs'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  const html = await res.text();
  for (const { path, op } of operations()) {
    expect(html).toContain(`id="${op.operationId}"`);
    expect(html).toContain(path.replace(/&/g, '&amp;'));
  }
});
