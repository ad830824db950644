/**
 * Group commit, for both stores: grouped writes that arrive while the event loop is busy share
 * one transaction, each in its own savepoint, so a refused one leaves the others intact; every
 * caller hears back only after the transaction holding its write has committed (see the store
 * files for why it is worth it).
 */
import type { Tx } from '../services/store';

/** Bounds one grouped transaction, and so the wait of the first write in it. */
const MAX_BATCH = 256;

interface Pending {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private readonly queue: Pending[] = [];

  /** `transaction` runs its body in one write transaction of the store, committing after it. */
  constructor(private readonly transaction: (body: (tx: Tx) => Promise<void>) => Promise<void>) {}

  add<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // setImmediate runs after the I/O of this turn of the loop: requests already read join in.
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ fn, resolve: resolve as Pending['resolve'], reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length > 0) setImmediate(() => void this.flush());
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await this.transaction(async (tx) => {
        for (const pending of batch) {
          try {
            outcomes.push({ ok: true, value: await tx.savepoint(() => pending.fn(tx)) });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error); // nothing committed
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.value);
    });
  }
}
