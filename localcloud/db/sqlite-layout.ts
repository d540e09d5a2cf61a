/**
 * SQLite layout: one table per collection, `c_<name>`, with
 *   rid   INTEGER PRIMARY KEY  insertion order (MongoDB's natural order for unsorted reads)
 *   id    TEXT UNIQUE          the `_id`, keyed by docIdKey()
 *   multi INTEGER              1 when some indexed path holds an array/sub-document (see index-keys)
 *   ix    TEXT                 JSON of the indexed paths' keys, the source of the expression indexes
 *   body  BLOB                 the document as BSON, so types survive exactly
 * `_localcloud_meta` remembers each table's index signature (and key encoding), so a changed declaration rebuilds
 * `ix` and the indexes at start-up instead of leaving stale keys (which would break push-down).
 */
import type Database from 'better-sqlite3';
import type { CollectionSpec, IndexSpec } from '../../config/database';
import { computeIndexKeys, keyExpr } from './index-keys';
import { BSON } from 'bson';

export const tableName = (collection: string): string => `c_${collection}`;
export const indexName = (collection: string, index: string): string => `c_${collection}__ix_${index}`;
const multiIndexName = (collection: string): string => `c_${collection}__multi`;

/** Paths keyed in `ix`; `_id` is indexed through the `id` column and needs no key. */
export function indexedPaths(indexes: readonly IndexSpec[]): string[] {
  return [...new Set(indexes.flatMap((i) => i.keys.map(([path]) => path)))].filter((p) => p !== '_id');
}

/** Bumped when the key encoding changes, so files written by an older version rebuild their keys. */
const KEY_ENCODING = 2;

export function ensureMetaTables(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS _localcloud_meta (collection TEXT PRIMARY KEY, signature TEXT NOT NULL, declared INTEGER NOT NULL)`);
}

/** Collections created at run time through database.addCollection (CloudBase allows that). */
export function addedCollections(db: Database.Database): string[] {
  return (db.prepare(`SELECT collection FROM _localcloud_meta WHERE declared = 0`).all() as Array<{ collection: string }>).map((r) => r.collection);
}

/** Creates the table and its indexes, rebuilding keys when the declared indexes changed. */
export function ensureCollection(db: Database.Database, spec: Pick<CollectionSpec, 'name' | 'indexes'>, declared: boolean): void {
  const t = tableName(spec.name);
  const signature = JSON.stringify({ encoding: KEY_ENCODING, indexes: spec.indexes });
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS "${t}" (
      rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, multi INTEGER NOT NULL DEFAULT 0,
      ix TEXT NOT NULL, body BLOB NOT NULL)`);
    db.exec(`CREATE INDEX IF NOT EXISTS "${multiIndexName(spec.name)}" ON "${t}"(multi) WHERE multi = 1`);
    const row = db.prepare(`SELECT signature FROM _localcloud_meta WHERE collection = ?`).get(spec.name) as { signature: string } | undefined;
    if (row?.signature !== signature) {
      const prefix = indexName(spec.name, '');
      const old = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND substr(name, 1, ?) = ?`)
        .all(t, prefix.length, prefix) as Array<{ name: string }>;
      for (const { name } of old) db.exec(`DROP INDEX IF EXISTS "${name}"`);
      rebuildKeys(db, t, indexedPaths(spec.indexes));
      for (const index of spec.indexes) {
        const cols = index.keys.map(([path, dir]) => `${keyExpr(path)}${dir === -1 ? ' DESC' : ''}`).join(', ');
        db.exec(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${indexName(spec.name, index.name)}" ON "${t}"(${cols})`);
      }
    }
    db.prepare(`INSERT INTO _localcloud_meta(collection, signature, declared) VALUES (?, ?, ?)
      ON CONFLICT(collection) DO UPDATE SET signature = excluded.signature, declared = excluded.declared`).run(spec.name, signature, declared ? 1 : 0);
  })();
}

function rebuildKeys(db: Database.Database, table: string, paths: string[]): void {
  const rows = db.prepare(`SELECT rid, body FROM "${table}"`).iterate() as IterableIterator<{ rid: number; body: Buffer }>;
  const set = db.prepare(`UPDATE "${table}" SET ix = ?, multi = ? WHERE rid = ?`);
  const updates: Array<[string, number, number]> = [];
  for (const r of rows) {
    const k = computeIndexKeys(BSON.deserialize(r.body), paths);
    updates.push([k.ix, k.multi, r.rid]);
  }
  for (const u of updates) set.run(...u);
}
