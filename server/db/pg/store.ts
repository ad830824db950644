/**
 * The store contract (services/store.ts) on PostgreSQL through drizzle's node-postgres driver.
 *
 * Reads outside a transaction go through the pool, concurrently with each other: PostgreSQL
 * shows them only committed data. Like SQLite's, a read still waits for the writes this
 * process had already queued when it was issued (not for later ones), so a write started and
 * not awaited (the bot marking a member unreachable) is seen by the next read, as on SQLite.
 *
 * Writes keep SQLite's semantics exactly: one write transaction at a time across every
 * instance. Each transaction first takes a transaction-scoped advisory lock (WRITE_LOCK),
 * which serializes writers cluster-wide as SQLite's BEGIN IMMEDIATE serializes processes; so
 * the services' read-then-write steps (streaks, eligibility, participant counts) cannot
 * interleave with another instance's, and commit order is one total order — which is what
 * lets a version taken under the lock order the read-model events of every instance.
 * In this process transactions also queue for one writer connection (the read model's turns
 * follow commit order), and grouped writes share a transaction in savepoints, as on SQLite,
 * so one lock and one commit serve a whole burst.
 */
import { GroupCommit } from '../groupCommit';
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { ClubEvent } from '../../services/events';
import type { Repositories, Store, TransactionOptions, Tx } from '../../services/store';
import type { PgDatabaseHandle, PgDb } from './client';
import * as schema from './schema';
import * as admins from './repositories/admins';
import * as adminSessions from './repositories/adminSessions';
import * as announcements from './repositories/announcements';
import * as audit from './repositories/audit';
import * as badges from './repositories/badges';
import * as challenges from './repositories/challenges';
import * as clubChat from './repositories/clubChat';
import * as exports from './repositories/exports';
import * as invitations from './repositories/invitations';
import * as jobs from './repositories/jobs';
import * as leaderboard from './repositories/leaderboard';
import * as memberships from './repositories/memberships';
import * as profiles from './repositories/profiles';
import * as reminders from './repositories/reminders';
import * as streakFreezes from './repositories/streakFreezes';
import * as results from './repositories/results';
import * as submissionChanges from './repositories/submissionChanges';
import * as submissions from './repositories/submissions';
import * as users from './repositories/users';

const MODULES = { admins, adminSessions, announcements, audit, badges, challenges, clubChat, exports, invitations, jobs, leaderboard, memberships, profiles, reminders, results, streakFreezes, submissionChanges, submissions, users };

/** Each PostgreSQL repository module offers exactly the functions of its SQLite twin. */
type Bound<M> = {
  [K in keyof M as M[K] extends (db: PgDb, ...args: never[]) => unknown ? K : never]: M[K] extends (db: PgDb, ...args: infer A) => infer R
    ? (...args: A) => R
    : never;
};
type PgRepositories = { [K in keyof typeof MODULES]: Bound<(typeof MODULES)[K]> };
// Fails to compile when a PostgreSQL repository's functions differ from the contract.
export const repositoriesMatch: PgRepositories extends Repositories ? (Repositories extends PgRepositories ? true : never) : never = true;

/**
 * The advisory lock every write transaction takes: the project's class 8158 and the club's
 * schema, so clubs in different schemas of one database (and parallel test runs) do not
 * serialize each other.
 */
export const WRITE_LOCK_SQL = "select pg_advisory_xact_lock(8158, hashtext(current_schema() || '/write'))";

function bindRepositories(db: PgDb, before: () => Promise<void>): Repositories {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, module] of Object.entries(MODULES)) {
    const bound: Record<string, unknown> = {};
    for (const [fnName, fn] of Object.entries(module)) {
      if (typeof fn !== 'function') continue;
      const f = fn as (db: PgDb, ...args: unknown[]) => Promise<unknown>;
      bound[fnName] = async (...args: unknown[]) => {
        await before();
        return f(db, ...args);
      };
    }
    out[name] = bound;
  }
  return out as unknown as Repositories;
}

/**
 * One notification between instances, on the channel named after the club's schema: the
 * sender, the write's version, when it was sent (ms since the epoch) and its events.
 */
export interface ClusterMessage {
  i: string;
  v: number;
  t: number;
  e: readonly ClubEvent[];
}

/** NOTIFY payloads stay under PostgreSQL's 8000 bytes: a write with many events sends several. */
const MAX_PAYLOAD = 7000;

function* chunks(events: readonly ClubEvent[]): Generator<ClubEvent[]> {
  let chunk: ClubEvent[] = [];
  let size = 0;
  for (const event of events) {
    const bytes = Buffer.byteLength(JSON.stringify(event));
    if (chunk.length > 0 && size + bytes > MAX_PAYLOAD) {
      yield chunk;
      chunk = [];
      size = 0;
    }
    chunk.push(event);
    size += bytes;
  }
  if (chunk.length > 0) yield chunk;
}


/** Called inside each write transaction, under the write lock, just before COMMIT. */
export type BeforeCommit = (client: pg.PoolClient) => Promise<void>;

export class PostgresStore implements Store {
  readonly repos: Repositories;
  private held = false;
  private readonly waiting: (() => void)[] = [];
  private readonly group = new GroupCommit((body) => this.exclusive(() => this.inTransaction(body)));
  private writer: { client: pg.PoolClient; tx: Tx } | null = null;
  /** Settles when the last write queued so far has ended (committed or not). */
  private tail: Promise<void> = Promise.resolve();
  /** Hooks run before COMMIT (the cluster's event publishing). */
  readonly beforeCommit: BeforeCommit[] = [];

  /** What reads outside transactions wait for: the migrations, then the start-up writes. */
  private gate: Promise<unknown>;

  constructor(readonly database: PgDatabaseHandle) {
    this.gate = database.ready;
    this.repos = bindRepositories(database.db, () => {
      const tail = this.tail;
      return Promise.all([this.gate, tail]).then(() => undefined);
    });
  }

  /**
   * Reads outside transactions wait until `writes` settle. On SQLite the start-up writes run
   * first on the one connection and every request queues behind them; here reads run on the
   * pool, so the composition root holds them back explicitly (owners seeded before any check).
   */
  holdReadsUntil(writes: Promise<unknown>): void {
    this.gate = Promise.all([this.gate, writes.catch(() => undefined)]);
  }

  /** The writer connection, opened on first use and again after it broke. */
  private async writerConnection(): Promise<{ client: pg.PoolClient; tx: Tx }> {
    if (this.writer) return this.writer;
    await this.database.ready;
    const client = await this.database.pool.connect();
    const db = drizzle(client, { schema }) as unknown as PgDb;
    const tx: Tx = Object.assign(bindRepositories(db, async () => undefined), {
      publish: (events: readonly ClubEvent[]) => this.publish(client, events),
      savepoint: async <T>(fn: () => Promise<T>): Promise<T> => {
        await client.query('savepoint sp');
        try {
          const value = await fn();
          await client.query('release savepoint sp');
          return value;
        } catch (error) {
          await client.query('rollback to savepoint sp');
          await client.query('release savepoint sp');
          throw error;
        }
      },
    });
    const writer = { client, tx };
    client.on('error', () => {
      if (this.writer === writer) this.writer = null;
    });
    this.writer = writer;
    return writer;
  }

  /** This process among the instances: its own notifications are not applied twice. */
  readonly instanceId = randomUUID();

  /**
   * NOTIFY inside the write transaction: PostgreSQL delivers it at commit, in commit order, and
   * drops it on rollback (a refused grouped write's savepoint included). The version is the
   * transaction id, taken under the write lock and so increasing in commit order; the time
   * stamp measures how long other instances take to see the write.
   */
  private async publish(client: pg.PoolClient, events: readonly ClubEvent[]): Promise<number> {
    const version = Number((await client.query<{ v: string }>('select txid_current() as v')).rows[0]!.v);
    for (const chunk of chunks(events)) {
      const payload: ClusterMessage = { i: this.instanceId, v: version, t: Date.now(), e: chunk };
      await client.query('select pg_notify(current_schema(), $1)', [JSON.stringify(payload)]);
    }
    return version;
  }

  /** Runs `fn` alone on the writer connection: callers queue in arrival order. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.exclusiveRun(fn);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async exclusiveRun<T>(fn: () => Promise<T>): Promise<T> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held = true;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // hand over: `held` stays true
      else this.held = false;
    }
  }

  private async inTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const writer = await this.writerConnection();
    const { client } = writer;
    await client.query('begin');
    try {
      await client.query(WRITE_LOCK_SQL);
      const value = await fn(writer.tx);
      for (const hook of this.beforeCommit) await hook(client);
      await client.query('commit');
      return value;
    } catch (error) {
      try {
        await client.query('rollback');
      } catch {
        // The connection broke: PostgreSQL rolled back; forget it so the next write reconnects.
        if (this.writer === writer) this.writer = null;
        client.release(true);
      }
      throw error;
    }
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (!options.grouped) return this.exclusive(() => this.inTransaction(fn));
    return this.group.add(fn);
  }

  async ping(): Promise<void> {
    await this.database.ready;
    await this.database.pool.query('select 1');
  }

  /** Lets the queued writes end, returns the connections; resolves once the pool has ended. */
  async close(): Promise<void> {
    await this.tail;
    const writer = this.writer;
    this.writer = null;
    writer?.client.release();
    await this.database.close();
  }
}
