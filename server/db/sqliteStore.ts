/**
 * The store contract (services/store.ts) on one bun:sqlite connection.
 *
 * bun:sqlite is synchronous, so a repository call runs at once and answers with a settled
 * promise. A transaction, though, spans awaits: while one is open, every other use of the
 * connection (another transaction, or a read that would see its uncommitted writes) waits its
 * turn. Transactions begin IMMEDIATE, so the writer lock is taken up front and two processes
 * cannot interleave read-then-write.
 *
 * Group commit. Each commit writes every B-tree page it touched to the WAL, and submissions
 * arriving together touch many of the same pages (the newest submissions, today's, this
 * week's and this month's totals), so grouped writes that arrive while the event loop is busy
 * share one transaction and those pages are written once. Each runs in its own savepoint, so a
 * refused one leaves the others intact; every caller hears back only after the transaction
 * holding its write has committed, so an acknowledged write is as durable as with its own.
 */
import { GroupCommit } from './groupCommit';
import type { Repositories, Store, TransactionOptions, Tx } from '../services/store';
import type { ClubDatabase, Db } from './client';
import * as admins from './repositories/admins';
import * as announcements from './repositories/announcements';
import * as audit from './repositories/audit';
import * as badges from './repositories/badges';
import * as adminSessions from './repositories/adminSessions';
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


type Run = <R>(call: () => R) => Promise<R>;

function settle<R>(call: () => R): Promise<R> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Every repository function with the connection bound, each call passed through `run`. */
function bindRepositories(db: Db, run: Run): Repositories {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, module] of Object.entries(MODULES)) {
    const bound: Record<string, unknown> = {};
    for (const [fnName, fn] of Object.entries(module)) {
      if (typeof fn !== 'function') continue;
      const f = fn as (db: Db, ...args: unknown[]) => unknown;
      bound[fnName] = (...args: unknown[]) => run(() => f(db, ...args));
    }
    out[name] = bound;
  }
  return out as unknown as Repositories;
}

/** Transaction control statements, compiled once: `Database.run(sql)` compiles on every call. */
interface Bracket {
  begin: () => void;
  commit: () => void;
  rollback: () => void;
}

function bracketOf(sqlite: ClubDatabase['sqlite'], begin: string, commit: string, rollback: string[]): Bracket {
  const [b, c, ...r] = [begin, commit, ...rollback].map((sql) => sqlite.prepare(sql));
  return { begin: () => void b!.run(), commit: () => void c!.run(), rollback: () => r.forEach((st) => st.run()) };
}

/** Runs `fn` between `begin` and `commit`, or the `rollback` statements when it throws. */
async function bracket<T>(sqlite: ClubDatabase['sqlite'], statements: Bracket, fn: () => Promise<T>): Promise<T> {
  statements.begin();
  try {
    const value = await fn();
    statements.commit();
    return value;
  } catch (error) {
    if (sqlite.inTransaction) statements.rollback();
    throw error;
  }
}

export class SqliteStore implements Store {
  readonly repos: Repositories;
  private readonly tx: Tx;
  private held = false;
  private readonly waiting: (() => void)[] = [];
  private readonly group = new GroupCommit((body) => this.exclusive(() => this.inTransaction(() => body(this.tx))));

  private readonly transactionBracket: Bracket;

  constructor(readonly database: ClubDatabase) {
    const { db, sqlite } = database;
    this.repos = bindRepositories(db, (call) => (this.held ? this.exclusive(async () => call()) : settle(call)));
    const savepoint = bracketOf(sqlite, 'SAVEPOINT sp', 'RELEASE sp', ['ROLLBACK TO sp', 'RELEASE sp']);
    this.tx = Object.assign(bindRepositories(db, settle), {
      savepoint: <T>(fn: () => Promise<T>): Promise<T> => bracket(sqlite, savepoint, fn),
    });
    this.transactionBracket = bracketOf(sqlite, 'BEGIN IMMEDIATE', 'COMMIT', ['ROLLBACK']);
  }

  /** Runs `fn` alone on the connection: callers queue in arrival order. */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
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

  private inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    return bracket(this.database.sqlite, this.transactionBracket, fn);
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (!options.grouped) return this.exclusive(() => this.inTransaction(() => fn(this.tx)));
    return this.group.add(fn);
  }

  ping(): Promise<void> {
    const call = () => void this.database.sqlite.query('select 1').get();
    return this.held ? this.exclusive(async () => call()) : settle(call);
  }

  close(): void {
    this.database.close();
  }
}
