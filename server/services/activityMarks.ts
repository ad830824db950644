/**
 * Members' "last active" marks (shown to admins), written together. A member's first result of
 * a club day marks them active; writing the mark into their users row inside the submission
 * made every such commit write one more random page. The marks wait here instead and are
 * stored in one transaction by `flush` (the runtime calls it every few seconds and on close).
 * A crash loses at most the marks of that interval — the results themselves are durable, and
 * the member's next result marks them again.
 */
import type { Store } from './store';

export class ActivityMarks {
  /** userId → the latest activity not yet stored (ms). */
  private pending = new Map<number, number>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly store: Store) {}

  note(userId: number, at: number): void {
    if ((this.pending.get(userId) ?? 0) < at) this.pending.set(userId, at);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Stores the marks noted so far; one flush at a time. A failed flush keeps its marks for the next. */
  flush(): Promise<void> {
    // After the one before, whether it succeeded or not (its caller saw its error).
    this.flushing = this.flushing.catch(() => undefined).then(async () => {
      if (this.pending.size === 0) return;
      const marks = [...this.pending];
      this.pending = new Map();
      try {
        await this.store.transaction((tx) => tx.users.touchUsers(marks));
      } catch (error) {
        for (const [userId, at] of marks) this.note(userId, at);
        throw error;
      }
    });
    return this.flushing;
  }
}
