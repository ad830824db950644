/**
 * HTTP over a raw TCP socket, for what `fetch` refuses to send: broken Host headers, HTTP/1.0
 * without Host, absolute-form targets, lying or huge bodies, chunked bodies of any size.
 */

export interface RawResponse {
  /** The status code, or null when the server closed the connection without answering. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

function parse(raw: Buffer): RawResponse {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: null, headers: {}, body: text };
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const bodyStart = Buffer.byteLength(text.slice(0, end + 4), 'latin1');
  return { status: Number.isFinite(status) ? status : null, headers, body: raw.subarray(bodyStart).toString('utf8') };
}

/** True once `raw` holds one whole response with a Content-Length (or none expected). */
function complete(raw: Buffer): boolean {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end + 2));
  if (!length) return false;
  return raw.length - Buffer.byteLength(text.slice(0, end + 4), 'latin1') >= Number(length[1]);
}

/**
 * Sends `request` (its pieces joined, written as given) and resolves with the first
 * response, as soon as it is whole or the server closes; at most `timeoutMs`.
 */
export function rawRequest(port: number, request: string | Buffer | (string | Buffer)[], timeoutMs = 5000): Promise<RawResponse> {
  const parts = Array.isArray(request) ? request : [request];
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    let settled = false;
    const finish = (socket?: { end(): void }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.end();
      resolve(parse(Buffer.concat(received)));
    };
    const timer = setTimeout(() => finish(), timeoutMs);
    let pending = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
    // Writes what the socket takes now; `drain` calls again when it can take more.
    const pump = (socket: { write(data: Buffer): number }) => {
      while (pending.length > 0 && !settled) {
        const n = socket.write(pending);
        // 0: the socket is full (drain calls again); -1: it is closed (the answer came early).
        if (n <= 0) return;
        pending = pending.subarray(n);
      }
    };
    Bun.connect({
      hostname: '127.0.0.1',
      port,
      socket: {
        open: pump,
        drain: pump,
        data(socket, chunk) {
          received.push(Buffer.from(chunk));
          if (complete(Buffer.concat(received))) finish(socket);
        },
        close() {
          finish();
        },
        error(_socket, error) {
          if (!settled) reject(error);
        },
      },
    }).catch(reject);
  });
}

/** A chunked body of `size` bytes of `fill`, in chunks of `chunk` bytes, with the final chunk. */
export function chunkedBody(size: number, chunk = 8192, fill = 'a'): string[] {
  const out: string[] = [];
  for (let sent = 0; sent < size; sent += chunk) {
    const n = Math.min(chunk, size - sent);
    out.push(`${n.toString(16)}\r\n${fill.repeat(n)}\r\n`);
  }
  out.push('0\r\n\r\n');
  return out;
}
