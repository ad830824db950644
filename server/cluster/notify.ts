/**
 * Boards exact across instances: every instance LISTENs on its club's channel for the events
 * the others publish inside their write transactions (db/pg/store.ts, NOTIFY at commit) and
 * applies them to its read model, in commit order, like its own writes.
 *
 * A dedicated connection, not a pooled one: LISTEN belongs to a session. Notifications sent
 * while it was down are lost, so whenever it (re)connects, LISTEN comes first and then the read
 * model forgets its boards and rows: they reload from the database, which by then holds every
 * write the missed notifications spoke of.
 */
import pg from 'pg';
import type { ClusterMessage } from '../db/pg/store';
import type { Logger } from '../log';
import type { ReadModel } from '../services/readModel';

export interface EventListener {
  /** Resolves once LISTEN is in place (the first time). */
  listening: Promise<void>;
  /** Milliseconds from another instance's publish to this one's receipt, latest first (bounded). */
  lags(): number[];
  stop(): Promise<void>;
}

const KEPT_LAGS = 10_000;

export function listenForEvents(
  url: string,
  deps: { instanceId: string; readModel: ReadModel; log: Logger; retryMs?: number },
): EventListener {
  const retryMs = deps.retryMs ?? 1000;
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const lags: number[] = [];
  const first = Promise.withResolvers<void>();

  function receive(message: pg.Notification): void {
    let parsed: ClusterMessage;
    try {
      parsed = JSON.parse(message.payload ?? '') as ClusterMessage;
    } catch {
      return; // not one of ours
    }
    if (parsed.i === deps.instanceId) return; // applied already, as a local write
    // Wall-clock difference: meaningful between instances whose clocks agree (one host, NTP).
    lags.push(Date.now() - parsed.t);
    if (lags.length > KEPT_LAGS) lags.splice(0, lags.length - KEPT_LAGS);
    void deps.readModel.enqueue().settle([...parsed.e], parsed.v);
  }

  function retry(): void {
    const old = client;
    client = null;
    old?.end().catch(() => undefined);
    if (!stopped && !timer) timer = setTimeout(() => void connect(), retryMs);
  }

  async function connect(): Promise<void> {
    timer = null;
    const fresh = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: retryMs * 5 });
    fresh.on('notification', receive);
    fresh.on('error', () => {
      if (client === fresh) {
        deps.log.warn('cluster: event connection lost; boards reload once it is back');
        retry();
      }
    });
    fresh.on('end', () => {
      if (client === fresh && !stopped) retry();
    });
    try {
      await fresh.connect();
      client = fresh;
      const schema = (await fresh.query<{ s: string }>('select current_schema() as s')).rows[0]!.s;
      await fresh.query(`listen ${fresh.escapeIdentifier(schema)}`);
      if (stopped) return void (await fresh.end());
      deps.readModel.forgetAll(); // whatever was missed while not listening
      first.resolve();
    } catch (error) {
      deps.log.warn('cluster: cannot listen for other instances’ events', { error: error instanceof Error ? error.message : String(error) });
      if (client === fresh || client === null) {
        client = fresh;
        retry();
      }
    }
  }

  void connect();
  return {
    listening: first.promise,
    lags: () => [...lags].reverse(),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      first.resolve();
      const old = client;
      client = null;
      await old?.end().catch(() => undefined);
    },
  };
}
