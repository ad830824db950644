/**
 * A real listening server on 127.0.0.1 (random port) over a temp SQLite file (or a PostgreSQL schema, helpers/engine.ts), for browser and
 * client tests. The clock is fixed unless `now: null` is given.
 */
import { createTestRuntime, type TestRuntimeOptions } from './runtime';

export async function startTestServer(options: TestRuntimeOptions & { demo?: boolean } = {}) {
  // Every browser request comes from 127.0.0.1 and the clock stands still, so a per-address
  // window would never roll over: page tests turn that limit off unless they test it.
  const env: Record<string, string> = { RATE_LIMIT_IP: '0', ...options.env };
  if (options.demo) env.BOT_TOKEN = '';
  const runtime = createTestRuntime({ ...options, env, file: true });
  const server = runtime.listen(0, '127.0.0.1');
  const port = server.server!.port;
  return {
    ...runtime,
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      await server.stop(true);
      await runtime.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
