/**
 * Durability: a local cloud in a child process takes a burst of plain writes and transactions,
 * is SIGKILLed mid-burst, and the reopened file holds every acknowledged write and no part of
 * any transaction.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { DocumentStore } from '../../localcloud/db/document-store';
import { sdkConfigFor } from '../../localcloud/admin-api';
import { DURABILITY_SCHEMA } from './fixtures/durability-schema';
import { tempDataFile, type Tx } from './target';

jest.setTimeout(60_000);

function startChild(dataFile: string): Promise<{ child: ChildProcess; url: string }> {
  const script = path.join(__dirname, 'fixtures', 'admin-api-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /URL (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
}

test('SIGKILL mid-burst: every acknowledged write survives, no transaction is partial', async () => {
  const dataFile = tempDataFile('durability');
  const { child, url } = await startChild(dataFile);
  const cfg = sdkConfigFor({ url, envId: 'local-dev' });
  process.env.TENCENTCLOUD = cfg.env.TENCENTCLOUD;
  // requests cut off by the kill would leave the SDK's 3 s slow-request warning timers behind
  process.env.SILENCE = 'true';
  const db = tcb.init({ ...cfg.init, timeout: 5_000 }).database();
  const burst = db.collection('burst');

  const acked = new Set<string>();
  const ackedPairs = new Set<number>();
  let killed = false;
  const writer = async (w: number): Promise<void> => {
    for (let seq = 0; !killed; seq++) {
      try {
        if (seq % 5 === 4) {
          // a transaction writing two documents: both or neither may exist after the crash
          const pair = w * 1_000_000 + seq;
          await db.runTransaction(async (tx: Tx) => {
            await tx.collection('burst').add({ writer: -1 - w, seq, pair, part: 1 });
            await tx.collection('burst').add({ writer: -1 - w, seq: seq + 0.5, pair, part: 2 });
          });
          ackedPairs.add(pair);
        } else {
          const { id } = (await burst.add({ writer: w, seq, payload: 'x'.repeat(200) })) as { id: string };
          acked.add(id);
        }
      } catch {
        return; // the server is gone
      }
    }
  };
  const writers = Array.from({ length: 6 }, (_v, w) => writer(w));
  await new Promise((r) => setTimeout(r, 1_500));
  killed = true;
  child.kill('SIGKILL');
  await Promise.all(writers);
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));

  expect(acked.size).toBeGreaterThan(50);
  expect(ackedPairs.size).toBeGreaterThan(5);
  const store = new DocumentStore(dataFile, DURABILITY_SCHEMA);
  try {
    const ids = new Set(store.db.prepare(`SELECT id FROM c_burst`).pluck().all() as string[]);
    const missing = [...acked].filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    const parts = store.aggregate('burst', [{ $match: { pair: { $exists: true } } }, { $group: { _id: '$pair', n: { $sum: 1 } } }, { $limit: 1_000_000 }]);
    expect(parts.filter((p) => p.n !== 2)).toEqual([]);
    const committed = new Set(parts.map((p) => p._id as number));
    expect([...ackedPairs].filter((p) => !committed.has(p))).toEqual([]);
  } finally {
    store.close();
    fs.rmSync(path.dirname(dataFile), { recursive: true, force: true });
  }
});
