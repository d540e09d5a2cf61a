/**
 * `npm run bench:metrics`: the acceptance computation at the size of Pudong.
 *   1. generate the district into a fresh local cloud (time printed);
 *   2. the product's own computation: `metrics.compute` for the district, invoked through the
 *      function runner as the district liaison, exactly as the dashboard calls it;
 *   3. side by side, a naive computation that pages through every record of the same
 *      collections with the SDK and counts in memory.
 * The two must agree on every count they share. BENCH_SCALE=0.1 runs a tenth of the size.
 * Prints figures; asserts nothing about time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compute } from '../../shared/contracts/metrics';
import { localWindow } from '../../shared/time';
import { builtFunctionSpecs } from '../../localcloud/functions/specs';
import { startLocalCloud } from '../../localcloud/stack';
import { localDatabase } from '../../localcloud/sdk';
import { freshKeys, localFunctionEnv } from '../../localcloud/function-env';
import { buildFunctions } from '../../scripts/build-functions';
import { DISTRICT_ID, LIAISON_OPENID, PUDONG, generatePudong } from './pudong';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const size = { streets: PUDONG.streets, committees: Math.max(PUDONG.streets, Math.round(PUDONG.committees * scale)), households: Math.round(PUDONG.households * scale) };
const FROM = '2026-10-15';
const w = localWindow(FROM);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Db = ReturnType<typeof localDatabase>;

/** Every document of a collection, 1000 at a time in _id order (a cursor, not an ever-growing skip). */
async function scan(db: Db, collection: string, each: (doc: Record<string, unknown>) => void): Promise<number> {
  const _ = db.command;
  let last = '';
  let n = 0;
  for (;;) {
    const res = await db.collection(collection).where({ _id: _.gt(last) }).orderBy('_id', 'asc').limit(1000).get();
    const rows = res.data as Record<string, unknown>[];
    for (const r of rows) each(r);
    n += rows.length;
    if (rows.length < 1000) return n;
    last = String(rows[rows.length - 1]!._id);
  }
}

async function naive(db: Db) {
  const inWindow = (d: unknown) => d instanceof Date && d >= w.start && d < w.end;
  const t = { households: 0, onCloud: 0, persons: 0, complete: 0, visits: 0, receptions: 0, meetings: 0, activities: 0, reads: 0, documents: 0 };
  t.documents += await scan(db, 'households', (h) => {
    if (h.inRegister !== true) return;
    t.households++;
    if (h.onCloud === true && h.onCloudAt instanceof Date && h.onCloudAt < w.end) t.onCloud++;
  });
  t.documents += await scan(db, 'persons', (p) => {
    if (p.status !== 'active') return;
    t.persons++;
    if (p.complete === true) t.complete++;
  });
  t.documents += await scan(db, 'worklog_records', (r) => {
    if (r.removedAt !== null || !inWindow(r.at)) return;
    if (r.type === 'visit') t.visits++;
    if (r.type === 'reception' && (r.reception as { confirmation: { status: string } }).confirmation.status === 'confirmed') t.receptions++;
    if (r.type === 'meeting') t.meetings++;
    if (r.type === 'activity') t.activities++;
  });
  t.documents += await scan(db, 'notice_reads', (r) => void (inWindow(r.at) && t.reads++));
  for (const c of ['worklog_orders', 'party_posts', 'party_signups', 'topics', 'topic_outcomes', 'notices', 'content_comments', 'staff', 'committees']) t.documents += await scan(db, c, () => undefined);
  return t;
}

async function main() {
  console.log(`metrics benchmark: ${size.streets} streets, ${size.committees} committees, ${size.households.toLocaleString()} households (scale ${scale}), window ${w.from} – ${w.to}`);
  await buildFunctions();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqy-bench-metrics-'));
  const specs = builtFunctionSpecs();
  // no CloudBase timeout here: the point is to measure how long the whole computation takes
  const cloud = await startLocalCloud({
    dataFile: path.join(dir, 'db.sqlite'),
    resolveFunction: (name) => {
      const s = specs(name);
      return s && { ...s, timeoutMs: 3_600_000 };
    },
    functionEnv: { ...localFunctionEnv(freshKeys()), METRICS_TIME_BUDGET_MS: '3600000', TCB_REQUEST_TIMEOUT_MS: '3600000' },
  });
  try {
    let started = Date.now();
    const gen = generatePudong(cloud.api.store, size, w, (n) => process.stdout.write(`\r  generating… ${n.toLocaleString()} documents`));
    const genMs = Date.now() - started;
    const fileMb = fs.statSync(path.join(dir, 'db.sqlite')).size / 1024 / 1024;
    console.log(`\r  generated ${gen.documents.toLocaleString()} documents in ${secs(genMs)} (${Math.round(gen.documents / (genMs / 1000)).toLocaleString()} docs/s, ${fileMb.toFixed(0)} MB)`);

    started = Date.now();
    const res = (await cloud.callAs({ openid: LIAISON_OPENID, appid: 'wxbench', source: 'wx_client' }, 'metrics', { action: compute.action, payload: { scope: { level: 'district', id: DISTRICT_ID }, from: FROM } })) as {
      ok: boolean;
      data?: { status: string; snapshot?: { total: number; indicators: { path: string; score: number }[] } };
      error?: unknown;
    };
    const productMs = Date.now() - started;
    if (!res.ok || res.data?.status !== 'done') throw new Error(`metrics.compute did not finish: ${JSON.stringify(res.error ?? res.data)}`);
    const snap = res.data.snapshot!;

    started = Date.now();
    const n = await naive(localDatabase(cloud));
    const naiveMs = Date.now() - started;

    // the product's stored inputs, to check both computations count the same
    const stored = (await localDatabase(cloud).collection('metrics_snapshots').where({ inputHash: (res.data.snapshot as unknown as { inputHash: string }).inputHash }).limit(1).get()).data[0] as { inputs?: Record<string, unknown> } | undefined;

    console.log('');
    console.log('| computation | time | documents read | fits CloudBase 60 s |');
    console.log('| --- | ---: | ---: | --- |');
    console.log(`| product: metrics.compute (district, through the runner and the SDK) | ${secs(productMs)} | aggregates per committee chunk | ${productMs < 60_000 ? 'yes' : 'no'} |`);
    console.log(`| naive: page through every record with the SDK, count in memory | ${secs(naiveMs)} | ${n.documents.toLocaleString()} | ${naiveMs < 60_000 ? 'yes' : 'no'} |`);
    console.log(`\nspeed-up: ${(naiveMs / productMs).toFixed(1)}×; district total ${snap.total} points`);
    console.log(`naive counts: households ${n.households}, 上云 ${n.onCloud} (${((100 * n.onCloud) / n.households).toFixed(2)}%), persons ${n.persons}, complete ${n.complete} (${((100 * n.complete) / n.persons).toFixed(2)}%), visits ${n.visits}, confirmed receptions ${n.receptions}, meetings ${n.meetings}, activities ${n.activities}, notice reads ${n.reads}`);
    // both computations must count the same things
    type Row = Record<string, number>;
    const rows = ((stored?.inputs as { committees?: Row[] } | undefined)?.committees ?? []) as Row[];
    const sum = (k: string) => rows.reduce((a, r) => a + (r[k] ?? 0), 0);
    const pairs: [string, number, number][] = [
      ['households', sum('households'), n.households],
      ['上云', sum('householdsOnCloud'), n.onCloud],
      ['persons', sum('persons'), n.persons],
      ['complete', sum('personsComplete'), n.complete],
      ['visits', sum('visits'), n.visits],
      ['confirmed receptions', sum('receptionsConfirmed'), n.receptions],
      ['meetings', sum('meetings'), n.meetings],
      ['activities', sum('activities'), n.activities],
    ];
    const disagree = pairs.filter(([, a, b]) => a !== b);
    console.log(disagree.length ? `DISAGREE: ${disagree.map(([k, a, b]) => `${k} product ${a} vs naive ${b}`).join('; ')}` : `product and naive agree on ${pairs.map(([k]) => k).join(', ')}`);
    if (disagree.length) process.exitCode = 1;
  } finally {
    await cloud.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
