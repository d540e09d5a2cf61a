/**
 * The local cloud's database: CloudBase collections in one SQLite file (WAL), documents as BSON,
 * queries pushed down to expression indexes where that is provably a superset and then evaluated
 * exactly with MongoDB semantics. Every method is synchronous: better-sqlite3 is, and running each
 * request to completion is what makes concurrent `inc` calls lose nothing.
 */
import Database from 'better-sqlite3';
import { BSON } from 'bson';
import { randomBytes } from 'node:crypto';
import type { CollectionSpec, DatabaseSchema } from '../../config/database';
import { collectionAlreadyExists, collectionNotExist, duplicateWrite, invalidParam, requestFailed } from './errors';
import { computeIndexKeys, keyExpr, pushdownTerms, sortKeyOf, type PushdownTerm } from './index-keys';
import { applyUpdate, compileQuery, runPipeline, shapeResults, type Doc } from './mongo-semantics';
import { addedCollections, ensureCollection, ensureMetaTables, indexedPaths, tableName } from './sqlite-layout';
import { TransactionRegistry, type Transaction } from './transactions';
import { encodeEJSON } from './ejson';

export type { Doc } from './mongo-semantics';

/** CloudBase caps a server-side get() at 1000 rows and defaults to 100. */
export const MAX_GET_LIMIT = 1000;
export const DEFAULT_GET_LIMIT = 100;
/** CloudBase returns 20 rows from an aggregation that has no $limit stage. */
export const DEFAULT_AGGREGATE_LIMIT = 20;

export interface FindOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Doc;
}

export interface UpdateRequest {
  query: Doc;
  /** operators when `replace` is false, the new document when true */
  data: Doc;
  replace: boolean;
  multi: boolean;
  upsert: boolean;
}

export interface UpdateResult {
  updated: number;
  upsertId?: unknown;
  /** the first matched document after the update (findOneAndUpdate) */
  doc?: Doc;
}

interface Collection {
  name: string;
  table: string;
  paths: string[];
  pathSet: Set<string>;
  sql: {
    all: Database.Statement;
    byKey: Database.Statement;
    insert: Database.Statement;
    replace: Database.Statement;
    replaceBody: Database.Statement;
    remove: Database.Statement;
    count: Database.Statement;
    anyMulti: Database.Statement;
  };
}

interface Row {
  id: string;
  body: Buffer;
}

/** an SQL ORDER BY list: `rid` (insertion, MongoDB's natural order) or index keys that sort as MongoDB does */
type SqlOrder = string;

/** `_id` as the primary-key text: strings as they are, other types tagged so they cannot collide. */
export function docIdKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${encodeEJSON({ id })}`;
}

const ID_PROCESS_PART = randomBytes(6).toString('hex');
let idCounter = randomBytes(4).readUInt32BE();

/** 32 hex characters like CloudBase's own ids: seconds, a per-process random part, a counter. */
export function newDocId(): string {
  idCounter = (idCounter + 1) % 0x1000000000000;
  return Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + ID_PROCESS_PART + idCounter.toString(16).padStart(12, '0');
}

const decode = (body: Buffer): Doc => BSON.deserialize(body) as Doc;
const encode = (doc: Doc): Buffer => Buffer.from(BSON.serialize(doc));

/** MongoDB keeps `_id` as the first field. */
function withIdFirst(id: unknown, doc: Doc): Doc {
  const { _id: _ignored, ...rest } = doc;
  return { _id: id, ...rest };
}

export class DocumentStore {
  readonly db: Database.Database;
  private readonly collections = new Map<string, Collection>();
  private readonly txs = new TransactionRegistry();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string, schema: DatabaseSchema) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a commit is in the WAL before we reply, which survives a killed process
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // the default 2 MB page cache makes random updates on a large collection re-read index pages
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 268435456');
    ensureMetaTables(this.db);
    for (const spec of schema) this.register(spec, true);
    for (const name of addedCollections(this.db)) if (!this.collections.has(name)) this.register({ name, indexes: [] }, false);
  }

  close(): void {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  /** database.addCollection: CloudBase lets a client create a collection (without indexes). */
  addCollection(name: string): void {
    if (this.collections.has(name)) throw collectionAlreadyExists(name);
    if (!/^[A-Za-z][\w-]{0,63}$/.test(name)) throw invalidParam(`invalid collection name ${name}`);
    this.register({ name, indexes: [] }, false);
  }

  // ── reads ───────────────────────────────────────────────────────────────────────────────

  find(collection: string, query: Doc, opts: FindOptions = {}, txId?: string): Doc[] {
    const c = this.collection(collection);
    const tx = txId ? this.txs.get(txId, Date.now()) : undefined;
    const matches = compileQuery(query);
    const offset = Math.max(0, opts.offset ?? 0);
    const limit = Math.min(opts.limit && opts.limit > 0 ? opts.limit : DEFAULT_GET_LIMIT, MAX_GET_LIMIT);
    const sorted = !!opts.order && Object.keys(opts.order).length > 0;
    const sqlOrder = !tx && sorted ? this.streamableOrder(c, opts.order!, query) : undefined;
    const found: Doc[] = [];
    let skipped = 0;
    if (sqlOrder) {
      // the rows arrive in MongoDB's order: stop as soon as the page is full
      for (const { doc } of this.candidates(c, query, undefined, true, sqlOrder)) {
        if (!matches(doc)) continue;
        if (skipped < offset) skipped++;
        else if (found.push(doc) >= limit) break;
      }
      return shapeResults(found, { offset: 0, limit, projection: opts.projection });
    }
    for (const { doc } of this.candidates(c, query, tx, true)) {
      if (!matches(doc)) continue;
      if (!sorted) {
        // natural order needs no full pass: stop once the page is full
        if (skipped < offset) {
          skipped++;
          continue;
        }
        found.push(doc);
        if (found.length >= limit) break;
      } else found.push(doc);
    }
    return shapeResults(found, sorted ? { order: opts.order, offset, limit, projection: opts.projection } : { offset: 0, limit, projection: opts.projection });
  }

  count(collection: string, query: Doc, txId?: string): number {
    const c = this.collection(collection);
    const tx = txId ? this.txs.get(txId, Date.now()) : undefined;
    if (!tx && Object.keys(query).length === 0) return (c.sql.count.get() as { n: number }).n;
    if (!tx) {
      const exact = this.exactCount(c, query);
      if (exact !== undefined) return exact;
    }
    const matches = compileQuery(query);
    let n = 0;
    for (const { doc } of this.candidates(c, query, tx, true)) if (matches(doc)) n++;
    return n;
  }

  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    const c = this.collection(collection);
    const first = pipeline[0];
    const pushable = first && Object.keys(first).length === 1 && first.$match && typeof first.$match === 'object' ? (first.$match as Doc) : {};
    // stream the scan unless a stage reads another collection while it is open
    const readsOthers = pipeline.some((s) => '$lookup' in s || '$unionWith' in s || '$graphLookup' in s);
    const scan = (function* (rows: Iterable<{ doc: Doc }>) {
      for (const r of rows) yield r.doc;
    })(this.candidates(c, pushable, undefined, !readsOthers));
    const docs = readsOthers ? [...scan] : scan;
    const hasLimit = pipeline.some((s) => '$limit' in s);
    const stages = hasLimit ? pipeline : [...pipeline, { $limit: DEFAULT_AGGREGATE_LIMIT }];
    return runPipeline(docs, stages, (name) => [...this.candidates(this.collection(name), {})].map((r) => r.doc));
  }

  /** The SQLite plan for a query's candidate scan, sorted by `order` when that can stream (for tests and docs). */
  explain(collection: string, query: Doc, order?: Record<string, 1 | -1>): string[] {
    const c = this.collection(collection);
    const { sql, params } = this.candidateSql(c, query, (order && this.streamableOrder(c, order, query)) || 'rid');
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
  }

  // ── writes ──────────────────────────────────────────────────────────────────────────────

  insert(collection: string, docs: Doc[], txId?: string): unknown[] {
    const c = this.collection(collection);
    const prepared = docs.map((d) => {
      if (d === null || typeof d !== 'object' || Array.isArray(d)) throw invalidParam('a document must be an object');
      return withIdFirst(d._id === undefined ? newDocId() : d._id, d);
    });
    if (txId) {
      const tx = this.txs.get(txId, Date.now());
      for (const doc of prepared) {
        const key = docIdKey(doc._id);
        if (this.txView(c, tx, key)) throw duplicateWrite(collection, '_id_');
        this.stage(tx, c, key, doc);
      }
    } else {
      this.commit(prepared.map((doc) => ({ c, key: docIdKey(doc._id), before: null, after: doc, insert: true })));
    }
    return prepared.map((d) => d._id);
  }

  update(collection: string, req: UpdateRequest, txId?: string): UpdateResult {
    const c = this.collection(collection);
    const tx = txId ? this.txs.get(txId, Date.now()) : undefined;
    const matches = compileQuery(req.query);
    const changes: Change[] = [];
    let updated = 0;
    let first: Doc | undefined;
    for (const { key, doc } of this.candidates(c, req.query, tx)) {
      if (!matches(doc)) continue;
      const before = encode(doc);
      // a BSON round trip is the deep copy: structuredClone would hand mingo objects of another realm under Jest
      const next = req.replace ? withIdFirst(doc._id, req.data) : decode(before);
      if (!req.replace) applyUpdate(next, req.data);
      first ??= next;
      if (!encode(next).equals(before)) {
        updated++;
        changes.push({ c, key, before: doc, after: next, insert: false });
      }
      if (!req.multi) break;
    }
    let upsertId: unknown;
    if (changes.length === 0 && req.upsert && !this.anyMatch(c, req.query, matches, tx)) {
      const doc = this.upsertDocument(req);
      upsertId = doc._id;
      changes.push({ c, key: docIdKey(doc._id), before: null, after: doc, insert: true });
    }
    if (tx) for (const ch of changes) this.stage(tx, c, ch.key, ch.after);
    else this.commit(changes);
    const result: UpdateResult = { updated };
    if (upsertId !== undefined) result.upsertId = upsertId;
    if (first) result.doc = first;
    return result;
  }

  remove(collection: string, query: Doc, multi: boolean, txId?: string): number {
    const c = this.collection(collection);
    const tx = txId ? this.txs.get(txId, Date.now()) : undefined;
    const matches = compileQuery(query);
    const changes: Change[] = [];
    for (const { key, doc } of this.candidates(c, query, tx)) {
      if (!matches(doc)) continue;
      changes.push({ c, key, before: doc, after: null, insert: false });
      if (!multi) break;
    }
    if (tx) for (const ch of changes) this.stage(tx, c, ch.key, null);
    else this.commit(changes);
    return changes.length;
  }

  // ── transactions ────────────────────────────────────────────────────────────────────────

  startTransaction(): string {
    return this.txs.start(Date.now()).id;
  }

  commitTransaction(txId: string): void {
    const tx = this.txs.get(txId, Date.now());
    try {
      this.txs.validate(tx);
      const changes: Change[] = [];
      for (const [collection, docs] of tx.writes) {
        const c = this.collection(collection);
        for (const [key, after] of docs) {
          const row = c.sql.byKey.get(key) as Row | undefined;
          changes.push({ c, key, before: row ? decode(row.body) : null, after, insert: !row });
        }
      }
      this.commit(changes);
    } finally {
      // MongoDB aborts a transaction whose commit failed; it must be retried from the start
      this.txs.end(tx);
    }
  }

  abortTransaction(txId: string): void {
    this.txs.end(this.txs.get(txId, Date.now()));
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────

  private register(spec: Pick<CollectionSpec, 'name' | 'indexes'>, declared: boolean): void {
    ensureCollection(this.db, spec, declared);
    const t = tableName(spec.name);
    const paths = indexedPaths(spec.indexes);
    this.collections.set(spec.name, {
      name: spec.name,
      table: t,
      paths,
      pathSet: new Set(paths),
      sql: {
        all: this.db.prepare(`SELECT id, body FROM "${t}" ORDER BY rid`),
        byKey: this.db.prepare(`SELECT id, body FROM "${t}" WHERE id = ?`),
        insert: this.db.prepare(`INSERT INTO "${t}"(id, multi, ix, body) VALUES (?, ?, ?, ?)`),
        replace: this.db.prepare(`UPDATE "${t}" SET multi = ?, ix = ?, body = ? WHERE id = ?`),
        // when no indexed value changed, leave ix alone so SQLite skips every expression index
        replaceBody: this.db.prepare(`UPDATE "${t}" SET body = ? WHERE id = ?`),
        remove: this.db.prepare(`DELETE FROM "${t}" WHERE id = ?`),
        count: this.db.prepare(`SELECT count(*) AS n FROM "${t}"`),
        anyMulti: this.db.prepare(`SELECT EXISTS(SELECT 1 FROM "${t}" WHERE multi = 1) AS m`),
      },
    });
  }

  private collection(name: string): Collection {
    const c = this.collections.get(name);
    if (!c) throw collectionNotExist(name);
    return c;
  }

  /**
   * The SQL ORDER BY that yields rows in MongoDB's order for `order`, when there is one: every
   * key is an indexed path (keys sort as MongoDB sorts, see index-keys) or `_id` as the last key.
   * Not while some document holds an array or sub-document at an indexed path (its key is SQL
   * NULL), nor on `_id` while an id is not a string (tagged ids sort below every string). Ties
   * fall back to insertion order, as the in-memory sort's stable order does. A key the query
   * pins to one value is left out, so that SQLite sees the index order it can use.
   */
  private streamableOrder(c: Collection, order: Record<string, unknown>, query: Doc): SqlOrder | undefined {
    const keys = Object.entries(order);
    const pinned = new Set(pushdownTerms(query, c.pathSet, docIdKey).filter((t) => t.equality).map((t) => t.path));
    const terms: string[] = [];
    for (const [i, [path, dir]] of keys.entries()) {
      const sqlDir = dir === -1 || dir === 'desc' ? 'DESC' : dir === 1 || dir === 'asc' ? 'ASC' : undefined;
      const usable = path === '_id' ? i === keys.length - 1 : c.pathSet.has(path);
      if (!sqlDir || !usable) return undefined;
      if (!pinned.has(path)) terms.push(`${keyExpr(path)} ${sqlDir}`);
    }
    if (keys.some(([path]) => path !== '_id') && (c.sql.anyMulti.get() as { m: number }).m === 1) return undefined;
    if (keys.some(([path]) => path === '_id')) {
      const tagged = this.db.prepare(`SELECT 1 FROM "${c.table}" WHERE id < char(1) LIMIT 1`).get();
      return tagged ? undefined : terms.join(', ');
    }
    return [...terms, 'rid'].join(', ');
  }

  private candidateSql(c: Collection, query: Doc, order: SqlOrder = 'rid'): { sql: string; params: string[] } {
    const terms = pushdownTerms(query, c.pathSet, docIdKey);
    if (terms.length === 0) return { sql: `SELECT id, body FROM "${c.table}" ORDER BY ${order}`, params: [] };
    const hasMulti = terms.some((t) => t.column === 'key') && (c.sql.anyMulti.get() as { m: number }).m === 1;
    // a page read in index order stops once it is full, which beats seeking a range and sorting
    // it unless the range is narrow; lists' ranges ("published by now") rarely are, so say so
    const sqlOf = (t: PushdownTerm) => (t.range && order !== 'rid' ? `likelihood(${t.sql}, 0.95)` : t.sql);
    // documents with an array/sub-document at an indexed path cannot be keyed: always candidates
    const conj = terms.map(sqlOf).join(' AND ');
    const idOnly = terms.filter((t) => t.column === 'id');
    const where = hasMulti
      ? `(${conj}) OR (multi = 1${idOnly.length ? ` AND ${idOnly.map((t) => t.sql).join(' AND ')}` : ''})`
      : conj;
    const params = terms.flatMap((t) => t.params);
    return { sql: `SELECT id, body FROM "${c.table}" WHERE ${where} ORDER BY ${order}`, params: hasMulti ? [...params, ...idOnly.flatMap((t) => t.params)] : params };
  }

  /**
   * Counts in SQL alone when that is provably exact: every condition is an equality with a
   * string, number, boolean or date on an indexed path (or a string `_id`) and no document holds
   * an array or sub-document there. Such a key comes only from values MongoDB finds equal.
   */
  private exactCount(c: Collection, query: Doc): number | undefined {
    const entries = Object.entries(query);
    const exact = entries.every(([f, v]) =>
      f === '_id' ? typeof v === 'string' && !v.startsWith('\u0000') : c.pathSet.has(f) && v !== null && v !== undefined && (typeof v !== 'object' || v instanceof Date) && sortKeyOf(v) !== undefined,
    );
    if (!exact || (c.sql.anyMulti.get() as { m: number }).m === 1) return undefined;
    const terms = pushdownTerms(query, c.pathSet, docIdKey);
    if (terms.length !== entries.length) return undefined;
    const sql = `SELECT count(*) FROM "${c.table}" WHERE ${terms.map((t) => t.sql).join(' AND ')}`;
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql).pluck()));
    return stmt.get(...terms.flatMap((t) => t.params)) as number;
  }

  /**
   * Documents that may match `query` (a superset), as `tx` sees them: committed rows, replaced
   * by their snapshot version where one was overwritten since, and by the transaction's writes.
   */
  private *candidates(c: Collection, query: Doc, tx?: Transaction, stream = false, order: SqlOrder = 'rid'): Generator<{ key: string; doc: Doc }> {
    const { sql, params } = this.candidateSql(c, query, order);
    let stmt = this.statements.get(sql);
    if (!stmt) this.statements.set(sql, (stmt = this.db.prepare(sql)));
    const own = tx?.writes.get(c.name);
    const older = tx ? this.txs.snapshotVersions(tx, c.name) : undefined;
    // writers materialise first: better-sqlite3 allows no other statement while a cursor is open
    const rows = (stream ? stmt.iterate(...params) : stmt.all(...params)) as Iterable<Row>;
    for (const row of rows) {
      if (own?.has(row.id) || older?.has(row.id)) continue;
      yield { key: row.id, doc: decode(row.body) };
    }
    for (const [key, doc] of older ?? []) if (doc && !own?.has(key)) yield { key, doc: decode(encode(doc)) };
    for (const [key, doc] of own ?? []) if (doc) yield { key, doc: decode(encode(doc)) };
  }

  /** The document with `key` as `tx` sees it. */
  private txView(c: Collection, tx: Transaction, key: string): Doc | null {
    const own = tx.writes.get(c.name);
    if (own?.has(key)) return own.get(key) ?? null;
    const older = this.txs.snapshotVersions(tx, c.name);
    if (older.has(key)) return older.get(key) ?? null;
    const row = c.sql.byKey.get(key) as Row | undefined;
    return row ? decode(row.body) : null;
  }

  private stage(tx: Transaction, c: Collection, key: string, doc: Doc | null): void {
    this.txs.claim(tx, c.name, key);
    let docs = tx.writes.get(c.name);
    if (!docs) tx.writes.set(c.name, (docs = new Map()));
    docs.set(key, doc);
  }

  private anyMatch(c: Collection, query: Doc, matches: (d: Doc) => boolean, tx?: Transaction): boolean {
    for (const { doc } of this.candidates(c, query, tx)) if (matches(doc)) return true;
    return false;
  }

  /** MongoDB's upsert: equality fields of the query, then the update (or the replacement). */
  private upsertDocument(req: UpdateRequest): Doc {
    const seed: Doc = {};
    for (const [k, v] of Object.entries(req.query)) {
      if (k.startsWith('$') || k.includes('.')) continue;
      if (v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp)) {
        const ops = Object.keys(v);
        if (ops.length === 1 && ops[0] === '$eq') seed[k] = (v as Doc).$eq;
        continue;
      }
      if (!(v instanceof RegExp)) seed[k] = v;
    }
    const id = seed._id ?? newDocId();
    if (req.replace) return withIdFirst(id, req.data);
    const doc = withIdFirst(id, seed);
    applyUpdate(doc, req.data);
    return doc;
  }

  /** Applies changes in one SQLite transaction: all of them reach the file, or none. */
  private commit(changes: Change[]): void {
    if (changes.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const ch of changes) {
          if (ch.after === null) {
            ch.c.sql.remove.run(ch.key);
            continue;
          }
          const k = computeIndexKeys(ch.after, ch.c.paths);
          const body = encode(ch.after);
          if (ch.insert) ch.c.sql.insert.run(ch.key, k.multi, k.ix, body);
          else if (ch.before && computeIndexKeys(ch.before, ch.c.paths).ix === k.ix) ch.c.sql.replaceBody.run(body, ch.key);
          else ch.c.sql.replace.run(k.multi, k.ix, body, ch.key);
        }
      })();
    } catch (e) {
      throw this.translate(e, changes[0]!.c.name);
    }
    this.txs.recordCommit(changes.map((ch) => ({ collection: ch.c.name, key: ch.key, before: ch.before })));
  }

  private translate(e: unknown, collection: string): Error {
    const err = e as { code?: string; message?: string };
    if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const m = /index '([^']+)'/.exec(err.message ?? '');
      const prefix = `c_${collection}__ix_`;
      const index = m?.[1]?.startsWith(prefix) ? m[1].slice(prefix.length) : '_id_';
      return duplicateWrite(collection, index);
    }
    if (e instanceof Error && e.name === 'CloudError') return e;
    return requestFailed(err.message ?? String(e));
  }
}

interface Change {
  c: Collection;
  key: string;
  before: Doc | null;
  after: Doc | null;
  insert: boolean;
}
