/**
 * The WAL checkpointer's thread (server/db/checkpoints.ts): its own connection to the club's
 * file, copying committed WAL frames into the database every `intervalMs` with a PASSIVE
 * checkpoint — one that never waits for, nor blocks, the writer or the readers — and now and
 * then a RESTART one, so the WAL file stays small.
 */
import { Database } from 'bun:sqlite';

declare const self: Worker;

/** About 16 MB and 1 GB of WAL at SQLite's 4 KB pages. */
const RESTART_FRAMES = 4_000;
const FORCE_FRAMES = 262_144;

let db: Database | null = null;
let timer: ReturnType<typeof setInterval> | null = null;

self.onmessage = (event: MessageEvent<{ start?: { path: string; intervalMs: number }; stop?: true }>) => {
  if (event.data.start) {
    const conn = new Database(event.data.start.path);
    db = conn;
    // Never wait for the writer: a checkpoint that cannot have a lock now tries at the next tick.
    conn.run('PRAGMA busy_timeout = 0');
    const passive = conn.prepare<{ busy: number; log: number; checkpointed: number }, []>('PRAGMA wal_checkpoint(PASSIVE)');
    const restart = conn.prepare('PRAGMA wal_checkpoint(RESTART)');
    timer = setInterval(() => {
      try {
        const { log, checkpointed } = passive.get()!;
        // Under continuous writes the WAL is never wholly copied when a write begins, so the
        // writer never starts it over. Past RESTART_FRAMES, and only when this pass caught up
        // (little left to copy while the writer's lock is held), a RESTART checkpoint — if the
        // writer is idle this instant — makes the next write start the file over. Past
        // FORCE_FRAMES it waits for the writer: a bounded WAL matters more than one slow write.
        if (log > FORCE_FRAMES) {
          conn.run('PRAGMA busy_timeout = 5000');
          restart.get();
          conn.run('PRAGMA busy_timeout = 0');
        } else if (log > RESTART_FRAMES && checkpointed === log) restart.get();
      } catch {
        // busy or closing: the next tick tries again
      }
    }, event.data.start.intervalMs);
    self.postMessage('started');
  }
  if (event.data.stop) {
    if (timer) clearInterval(timer);
    db?.close();
    self.postMessage('stopped');
  }
};
