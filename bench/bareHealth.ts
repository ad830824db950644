/**
 * The second baseline of `bun run bench`: a bare `Bun.serve` answering a health check, with no
 * framework, guard, log or database. It runs beside the product in the same run, so every
 * endpoint is also reported as a ratio of what Bun itself serves on this machine right now.
 *
 *   PORT=<port> bun bench/bareHealth.ts
 */
const body = JSON.stringify({ ok: true });
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  fetch: () => new Response(body, { headers: { 'content-type': 'application/json' } }),
});
process.stdout.write(`${server.port}\n`);
process.on('SIGTERM', () => {
  void server.stop(true).then(() => process.exit(0));
});
