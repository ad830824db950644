/**
 * Group commit. Each commit writes every B-tree page it touched to the WAL, and submissions
 * arriving together touch many of the same pages (the newest submissions, today's, this
 * week's and this month's totals), so the writes that arrive while the event loop is busy are
 * stored in one transaction and those pages are written once.
 *
 * Each write runs in its own savepoint, so a refused one (already submitted, window closed)
 * leaves the others intact; every caller hears back only after the transaction holding its
 * write has committed, so an acknowledged write is as durable as with its own transaction.
 */
import type { Db } from '../db/client';
import { dropBoards } from './boards';
import type { ServiceContext } from './context';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Bounds one transaction, and so the wait of the first write in it. */
const MAX_BATCH = 256;

const queues = new WeakMap<Db, Pending[]>();

/** Runs `write` (synchronous, may throw) in the next group commit; resolves once committed. */
export function inGroupCommit<T>(ctx: ServiceContext, write: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(ctx.db);
    if (!queue) {
      queue = [];
      queues.set(ctx.db, queue);
    }
    // setImmediate runs after the I/O of this turn of the loop: requests already read join in.
    if (queue.length === 0) setImmediate(() => flush(ctx, queue));
    queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
  });
}

function flush(ctx: ServiceContext, queue: Pending[]): void {
  const batch = queue.splice(0, MAX_BATCH);
  if (queue.length > 0) setImmediate(() => flush(ctx, queue));
  const outcomes: { ok: boolean; value: unknown }[] = [];
  try {
    ctx.transaction(() => {
      for (const pending of batch) {
        try {
          outcomes.push({ ok: true, value: ctx.transaction(pending.write) });
        } catch (error) {
          outcomes.push({ ok: false, value: error });
        }
      }
    });
  } catch (error) {
    // Nothing committed; the writes may already have moved in-memory boards.
    dropBoards(ctx);
    for (const pending of batch) pending.reject(error);
    return;
  }
  batch.forEach((pending, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) pending.resolve(outcome.value);
    else pending.reject(outcome.value);
  });
}
