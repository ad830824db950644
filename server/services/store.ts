/**
 * The persistence contract the services see: the repositories, and transactions that hand
 * them a transaction-bound set of the same repositories. The SQLite store
 * (server/db/sqliteStore.ts) implements it today; nothing here names a SQL dialect.
 *
 * Inside `transaction(async (tx) => …)` every read and write goes through `tx`: the store
 * serializes transactions on its connection, so the outer repositories wait until it ends.
 */
import type * as admins from '../db/repositories/admins';
import type * as adminSessions from '../db/repositories/adminSessions';
import type * as announcements from '../db/repositories/announcements';
import type * as audit from '../db/repositories/audit';
import type * as badges from '../db/repositories/badges';
import type * as challenges from '../db/repositories/challenges';
import type * as clubChat from '../db/repositories/clubChat';
import type * as exports from '../db/repositories/exports';
import type * as invitations from '../db/repositories/invitations';
import type * as jobs from '../db/repositories/jobs';
import type * as leaderboard from '../db/repositories/leaderboard';
import type * as memberships from '../db/repositories/memberships';
import type * as profiles from '../db/repositories/profiles';
import type * as reminders from '../db/repositories/reminders';
import type * as results from '../db/repositories/results';
import type * as streakFreezes from '../db/repositories/streakFreezes';
import type * as submissionChanges from '../db/repositories/submissionChanges';
import type * as submissions from '../db/repositories/submissions';
import type * as users from '../db/repositories/users';
import type { ClubEvent } from './events';

/** A repository module's functions without their connection argument, answering with promises. */
export type AsyncRepository<M> = {
  [K in keyof M as M[K] extends (conn: never, ...args: never[]) => unknown ? K : never]: M[K] extends (
    conn: never,
    ...args: infer A
  ) => infer R
    ? (...args: A) => Promise<R>
    : never;
};

export interface Repositories {
  admins: AsyncRepository<typeof admins>;
  adminSessions: AsyncRepository<typeof adminSessions>;
  announcements: AsyncRepository<typeof announcements>;
  audit: AsyncRepository<typeof audit>;
  badges: AsyncRepository<typeof badges>;
  challenges: AsyncRepository<typeof challenges>;
  clubChat: AsyncRepository<typeof clubChat>;
  exports: AsyncRepository<typeof exports>;
  invitations: AsyncRepository<typeof invitations>;
  jobs: AsyncRepository<typeof jobs>;
  leaderboard: AsyncRepository<typeof leaderboard>;
  memberships: AsyncRepository<typeof memberships>;
  profiles: AsyncRepository<typeof profiles>;
  reminders: AsyncRepository<typeof reminders>;
  results: AsyncRepository<typeof results>;
  streakFreezes: AsyncRepository<typeof streakFreezes>;
  submissionChanges: AsyncRepository<typeof submissionChanges>;
  submissions: AsyncRepository<typeof submissions>;
  users: AsyncRepository<typeof users>;
}

/** The repositories bound to one open transaction. */
export interface Tx extends Repositories {
  /** Runs `fn` in a savepoint: a throw undoes only its writes. */
  savepoint<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Where several instances share the database: hands the write's events to the others, to be
   * delivered only if (and once) the transaction commits, and answers the write's version —
   * increasing in commit order across instances. Absent with a single process.
   */
  publish?(events: readonly ClubEvent[]): Promise<number>;
}

export interface TransactionOptions {
  /**
   * May share its transaction with other writes arriving together (group commit), each in its
   * own savepoint; resolves only after the shared transaction committed.
   */
  grouped?: boolean;
}

export interface Store {
  /** Reads (and single-statement writes) outside a transaction. */
  readonly repos: Repositories;
  /** One write transaction; commits when `fn` resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A trivial round trip (health checks). */
  ping(): Promise<void>;
  close(): void;
}
