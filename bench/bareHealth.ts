/**
 * The second baseline of `bun run bench`: a bare `Bun.serve` with no framework, guard, log or
 * database, run beside the product in the same run, so every endpoint is also reported as a
 * ratio of what Bun itself serves on this machine right now.
 *
 * - `GET /` (any path but the one below): a health check, `{"ok":true}`.
 * - `GET /body/<n>`: a JSON body of exactly n bytes (n ≤ 1 MiB), the same for every request —
 *   what Bun alone costs to send a response the size of a board or a profile, the floor under
 *   those endpoints' figures.
 *
 *   PORT=<port> bun bench/bareHealth.ts
 */
const health = JSON.stringify({ ok: true });
const headers = { 'content-type': 'application/json' };
const bodies = new Map<number, string>();

/** `{"pad":"xxx…"}` of exactly `n` bytes (at least the 10 of an empty pad). */
function bodyOf(n: number): string {
  let body = bodies.get(n);
  if (body === undefined) {
    body = `{"pad":"${'x'.repeat(Math.max(0, n - 10))}"}`;
    bodies.set(n, body);
  }
  return body;
}

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  fetch(request) {
    const url = request.url;
    const at = url.indexOf('/body/');
    if (at >= 0) {
      const n = Number(url.slice(at + 6));
      if (Number.isInteger(n) && n >= 0 && n <= 1 << 20) return new Response(bodyOf(n), { headers });
    }
    return new Response(health, { headers });
  },
});
process.stdout.write(`${server.port}\n`);
process.on('SIGTERM', () => {
  void server.stop(true).then(() => process.exit(0));
});
