/**
 * Rows remembered per database for the lookups nearly every request makes (the caller by
 * Telegram id, a challenge by id). On a club-sized file those reads walk B-tree pages that
 * SQLite's small page cache has long dropped, which cost more than the rest of a leaderboard
 * request together.
 *
 * The repository that owns a table forgets a row whenever it writes it, so a remembered row
 * is the committed one — with one exception handled here: a transaction that rolls back may
 * have remembered a row it wrote and never committed, so a rollback forgets everything
 * (see ClubDatabase.transaction). Correct while this process is the only writer, the same
 * assumption as the in-memory leaderboards.
 *
 * Rows handed out are shared: callers read them and never change them.
 */
import type { Db } from './client';

interface RowCache<K, V> {
  /** The remembered row, or `load(key)` remembered when it finds one (misses are not kept). */
  get(db: Db, key: K, load: () => V | undefined): V | undefined;
  forget(db: Db, key: K): void;
}

const mapsByDb = new WeakMap<Db, Map<unknown, unknown>[]>();

function mapsOf(db: Db): Map<unknown, unknown>[] {
  let maps = mapsByDb.get(db);
  if (!maps) {
    maps = [];
    mapsByDb.set(db, maps);
  }
  return maps;
}

/** `capacity` bounds memory: past it, the longest-remembered row goes first. */
export function rowCache<K, V>(capacity: number): RowCache<K, V> {
  const byDb = new WeakMap<Db, Map<K, V>>();
  const mapOf = (db: Db): Map<K, V> => {
    let map = byDb.get(db);
    if (!map) {
      map = new Map();
      byDb.set(db, map);
      mapsOf(db).push(map as Map<unknown, unknown>);
    }
    return map;
  };
  return {
    get(db, key, load) {
      const map = mapOf(db);
      const hit = map.get(key);
      if (hit !== undefined) return hit;
      const row = load();
      if (row !== undefined) {
        if (map.size >= capacity) map.delete(map.keys().next().value as K);
        map.set(key, row);
      }
      return row;
    },
    forget(db, key) {
      byDb.get(db)?.delete(key);
    },
  };
}

/** Forgets every row remembered for `db` (after a rollback). */
export function forgetAllRows(db: Db): void {
  for (const map of mapsByDb.get(db) ?? []) map.clear();
}
