/**
 * Multi-document writes that must hold together (a counter and the records it counts). The SDK's
 * runTransaction retries a write conflict at once, three times, without aborting the failed
 * attempt; under a crowd racing for the last place that is not enough, and an attempt left open
 * keeps its locks. Here every failed attempt is rolled back and a conflict is retried after a
 * short random pause.
 */
import { AppError } from '@shared/errors';
import type { Database } from './cloud';

export type Tx = Awaited<ReturnType<Database['startTransaction']>>;

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
const ATTEMPTS = 12;

const isConflict = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === CONFLICT;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 10 * 2 ** attempt)));

export async function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tx = await db.startTransaction();
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (e) {
      // a failed commit has already ended the transaction; the rollback is then a no-op
      await tx.rollback().catch(() => undefined);
      if (!isConflict(e)) throw e;
      if (attempt >= ATTEMPTS) throw new AppError('CONFLICT', '参与的人较多，请稍后再试');
      await pause(attempt);
    }
  }
}

export { txGet, type TxReader } from './store';
