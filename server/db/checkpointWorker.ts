/**
 * The WAL checkpointer's thread (server/db/checkpoints.ts): its own connection to the club's
 * file, copying committed WAL frames into the database every `intervalMs` with a PASSIVE
 * checkpoint — one that never waits for, nor blocks, the writer or the readers — and now and
 * then a RESTART one, so the WAL file stays small.
 */
import { Database } from 'bun:sqlite';

declare const self: Worker;

/** About 16 MB of WAL at SQLite's 4 KB pages. */
const RESTART_FRAMES = 4000;

let db: Database | null = null;
let timer: ReturnType<typeof setInterval> | null = null;

self.onmessage = (event: MessageEvent<{ start?: { path: string; intervalMs: number }; stop?: true }>) => {
  if (event.data.start) {
    db = new Database(event.data.start.path);
    db.run('PRAGMA busy_timeout = 5000');
    const passive = db.prepare<{ busy: number; log: number; checkpointed: number }, []>('PRAGMA wal_checkpoint(PASSIVE)');
    const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');
    timer = setInterval(() => {
      try {
        const { log } = passive.get()!;
        // Under continuous writes the WAL is never wholly copied when a write begins, so the
        // writer never starts it over: past RESTART_FRAMES, a RESTART checkpoint waits for the
        // write under way, copies the few frames left and makes the next write start over.
        if (log > RESTART_FRAMES) restart.get();
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
