/**
 * docs/API.md stays true: its route table is exactly the server's /api/ routes, each with the
 * authentication it claims, and its error table is exactly the server's codes and statuses.
 */
import { afterAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATUS_OF_CODE } from '../../server/rest/errors';
import { ROOT } from '../helpers/process';
import { createTestRuntime } from '../helpers/runtime';

const doc = readFileSync(join(ROOT, 'docs/API.md'), 'utf8');
// Demo mode serves every route (the demo ones too).
const rt = createTestRuntime({ env: { BOT_TOKEN: '' } });
afterAll(() => rt.close());

const documented = [...doc.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \| (—|member|admin) \|/gm)].map((m) => ({
  method: m[1]!,
  path: m[2]!,
  auth: m[3]!,
}));

test('the route table lists exactly the /api/ routes the server serves', () => {
  const served = rt.app.routes.filter((r) => r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`);
  expect(documented.length).toBeGreaterThan(20);
  expect(documented.map((r) => `${r.method} ${r.path}`).sort()).toEqual(served.sort());
});

test('each route asks for the authentication the table claims', async () => {
  for (const route of documented) {
    const path = route.path.replace(/:[A-Za-z]+/g, '1');
    const res = await rt.request(route.method, path, route.method === 'GET' ? {} : { body: {} });
    const code = (res.body as { error?: { code?: string } })?.error?.code;
    if (route.auth === '—') expect({ route: route.path, code }).not.toEqual({ route: route.path, code: 'UNAUTHORIZED' });
    else expect({ route: route.path, status: res.status, code }).toEqual({ route: route.path, status: 401, code: 'UNAUTHORIZED' });
  }
});

test('the error table is the server’s codes with their statuses', () => {
  const rows = [...doc.matchAll(/^\| (\d{3}) \| `([A-Z_]+)` \|/gm)].map((m) => [m[2]!, Number(m[1])] as const);
  expect(Object.fromEntries(rows)).toEqual(STATUS_OF_CODE);
});
