/**
 * Multi-document transactions with snapshot isolation, the way MongoDB (and so CloudBase) does:
 * - a transaction reads the committed state as of its start plus its own writes;
 * - its writes stay in memory (the write set) and reach SQLite in one SQLite transaction at commit,
 *   so an abort, an error or a crash leaves nothing behind;
 * - a write to a document already written by another live transaction, or committed by anyone
 *   after this transaction started, is a write conflict (DATABASE_TRANSACTION_CONFLICT, which the
 *   SDK's runTransaction retries). A plain write never waits: it wins, and the transaction that
 *   touched the same document fails at its next write or at commit.
 * Snapshot reads need the pre-images of documents overwritten while transactions are live; they
 * are kept here only while some live transaction could still see them.
 */
import { randomBytes } from 'node:crypto';
import type { Doc } from './mongo-semantics';
import { transactionConflict, transactionNotExist } from './errors';

export interface Transaction {
  id: string;
  /** commit sequence number visible to this transaction */
  snapshot: number;
  /** collection → docKey → new document, or null for a delete */
  writes: Map<string, Map<string, Doc | null>>;
  lastUsed: number;
}

interface PreImage {
  seq: number;
  /** the document before the write at `seq` (null: it did not exist) */
  before: Doc | null;
}

export const TRANSACTION_LIFETIME_MS = 60_000;

export class TransactionRegistry {
  private seq = 0;
  private readonly live = new Map<string, Transaction>();
  private readonly locks = new Map<string, string>();
  private readonly lastWrite = new Map<string, number>();
  private readonly history = new Map<string, Map<string, PreImage[]>>();

  get active(): boolean {
    return this.live.size > 0;
  }

  start(now: number): Transaction {
    this.expire(now);
    const tx: Transaction = { id: randomBytes(16).toString('hex'), snapshot: this.seq, writes: new Map(), lastUsed: now };
    this.live.set(tx.id, tx);
    return tx;
  }

  get(id: string, now: number): Transaction {
    this.expire(now);
    const tx = this.live.get(id);
    if (!tx) throw transactionNotExist(id);
    tx.lastUsed = now;
    return tx;
  }

  /** Checks that `tx` may write the document and takes its write lock. */
  claim(tx: Transaction, collection: string, key: string): void {
    const lockKey = `${collection}\u0000${key}`;
    const holder = this.locks.get(lockKey);
    if (holder !== undefined && holder !== tx.id) this.conflict(tx, `${collection}/${key} is being written by another transaction`);
    if ((this.lastWrite.get(lockKey) ?? 0) > tx.snapshot) this.conflict(tx, `${collection}/${key} changed after the transaction started`);
    this.locks.set(lockKey, tx.id);
  }

  /**
   * A write conflict ends the transaction, as MongoDB aborts it (TransientTransactionError): its
   * locks are released at once instead of blocking others until it expires, and any further use
   * of its id answers that the transaction does not exist.
   */
  private conflict(tx: Transaction, detail: string): never {
    this.end(tx);
    throw transactionConflict(detail);
  }

  /** Commit-time check: nobody committed over the write set since the snapshot. */
  validate(tx: Transaction): void {
    for (const [collection, docs] of tx.writes)
      for (const key of docs.keys())
        if ((this.lastWrite.get(`${collection}\u0000${key}`) ?? 0) > tx.snapshot)
          this.conflict(tx, `${collection}/${key} changed after the transaction started`);
  }

  end(tx: Transaction): void {
    this.live.delete(tx.id);
    for (const [collection, docs] of tx.writes)
      for (const key of docs.keys()) {
        const lockKey = `${collection}\u0000${key}`;
        if (this.locks.get(lockKey) === tx.id) this.locks.delete(lockKey);
      }
    if (this.live.size === 0) {
      // nobody can need old versions any more
      this.lastWrite.clear();
      this.history.clear();
    }
  }

  /** Records committed writes (one commit = one sequence number) while transactions are live. */
  recordCommit(changes: Array<{ collection: string; key: string; before: Doc | null }>): void {
    this.seq += 1;
    if (this.live.size === 0) return;
    for (const c of changes) {
      this.lastWrite.set(`${c.collection}\u0000${c.key}`, this.seq);
      let byKey = this.history.get(c.collection);
      if (!byKey) this.history.set(c.collection, (byKey = new Map()));
      let versions = byKey.get(c.key);
      if (!versions) byKey.set(c.key, (versions = []));
      versions.push({ seq: this.seq, before: c.before });
    }
  }

  /**
   * Documents of `collection` whose committed version is newer than the snapshot: their version
   * as the transaction must see it (null = did not exist then).
   */
  snapshotVersions(tx: Transaction, collection: string): Map<string, Doc | null> {
    const out = new Map<string, Doc | null>();
    for (const [key, versions] of this.history.get(collection) ?? []) {
      const first = versions.find((v) => v.seq > tx.snapshot);
      if (first) out.set(key, first.before);
    }
    return out;
  }

  private expire(now: number): void {
    for (const tx of this.live.values()) if (now - tx.lastUsed > TRANSACTION_LIFETIME_MS) this.end(tx);
  }
}
