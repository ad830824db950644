/**
 * Writes the REST API's OpenAPI document to dist/openapi.json, so a client can be generated
 * without a running server. The same document is served at GET /api/openapi.json; it is built
 * from a demo-mode app (which has every route) over an in-memory database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../server/config';
import { silentLogger } from '../server/log';
import { openApiDocument } from '../server/rest/openapi';
import { createRuntime } from '../server/runtime';
import packageJson from '../package.json';
import { ROOT } from './frontends';

export function writeOpenApiDocument(): void {
  const runtime = createRuntime(parseConfig({ DATABASE_PATH: ':memory:' }), { log: silentLogger });
  try {
    const document = openApiDocument(runtime.app, packageJson.version);
    mkdirSync(join(ROOT, 'dist'), { recursive: true });
    writeFileSync(join(ROOT, 'dist', 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
    const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    console.log(`openapi: ${operations} operations → dist/openapi.json`);
  } finally {
    void runtime.closeStore();
  }
}

if (import.meta.main) writeOpenApiDocument();
