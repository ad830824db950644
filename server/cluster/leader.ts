/**
 * Leadership: the one instance that polls Telegram and runs the scheduled jobs. Only one
 * process may long-poll a bot token (Telegram answers the others 409), and a cron job must fire
 * once, so with several instances on one PostgreSQL database exactly one of them is leader.
 *
 * The leader holds a session-level advisory lock on a connection of its own. It must not be a
 * pooled connection: a pool hands connections back and forth and may close idle ones, and a
 * session lock lives exactly as long as the session that took it. When the leader dies its
 * session ends, PostgreSQL releases the lock, and the next instance to try (every
 * `intervalMs`) takes it. The leader checks its connection at the same pace and steps down
 * the moment it cannot prove it still holds the lock.
 *
 * With SQLite there is one process: it is always the leader (soleLeader).
 */
import pg from 'pg';
import type { Logger } from '../log';

/** Leadership's advisory lock: the project's class 8158 and the club's schema (one leader per club). */
const LEADER_KEY = "8158, hashtext(current_schema() || '/leader')";

export interface Duties {
  /** This instance just became leader: start polling and scheduling. */
  lead(): Promise<void> | void;
  /** It no longer is (or is stopping): stop them, and resolve once they stopped. */
  standDown(): Promise<void>;
}

export interface Leadership {
  isLeader(): boolean;
  /** Stands down (if leading), releases the lock and closes the connection. */
  stop(): Promise<void>;
}

export function soleLeader(duties: Duties): Leadership {
  let leading = true;
  const started = Promise.resolve(duties.lead());
  return {
    isLeader: () => leading,
    async stop() {
      await started;
      leading = false;
      await duties.standDown();
    },
  };
}

export function electLeader(url: string, duties: Duties, options: { intervalMs: number; log: Logger }): Leadership {
  const { intervalMs, log } = options;
  let client: pg.Client | null = null;
  let leading = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Transitions run one at a time, in order: a quick gain-lose-gain never overlaps duties.
  let transitions: Promise<void> = Promise.resolve();
  const transition = (fn: () => Promise<void> | void) => {
    transitions = transitions.then(fn).catch((error: unknown) => log.error('leadership: duties failed', { error }));
    return transitions;
  };

  function dropConnection(): void {
    const old = client;
    client = null;
    old?.end().catch(() => undefined);
    if (leading) {
      leading = false;
      log.warn('leadership: lost the lock connection, standing down');
      void transition(() => duties.standDown());
    }
  }

  async function tick(): Promise<void> {
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString: url, keepAlive: true, query_timeout: intervalMs, connectionTimeoutMillis: intervalMs });
        fresh.on('error', () => {
          if (client === fresh) dropConnection();
        });
        await fresh.connect();
        if (stopped) {
          await fresh.end();
          return;
        }
        client = fresh;
      }
      if (leading) {
        // Still ours? (The session holding it answers true; a new session would have lost it.)
        const held = await client.query<{ held: boolean }>(
          `select exists (select 1 from pg_locks where locktype = 'advisory' and classid = 8158 and objsubid = 2
             and objid = (hashtext(current_schema() || '/leader'))::oid and pid = pg_backend_pid() and granted) as held`,
        );
        if (!held.rows[0]?.held) dropConnection();
        return;
      }
      const got = await client.query<{ ok: boolean }>(`select pg_try_advisory_lock(${LEADER_KEY}) as ok`);
      if (got.rows[0]?.ok && !stopped) {
        leading = true;
        log.info('leadership: this instance is the leader (polls Telegram, runs the jobs)');
        void transition(() => duties.lead());
      }
    } catch (error) {
      log.warn('leadership: check failed', { error: error instanceof Error ? error.message : String(error) });
      dropConnection();
    } finally {
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    }
  }

  void tick();

  return {
    isLeader: () => leading,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (leading) {
        leading = false;
        await transition(() => duties.standDown());
      }
      await transitions;
      const old = client;
      client = null;
      await old?.end().catch(() => undefined); // ends the session: the lock is released
    },
  };
}
