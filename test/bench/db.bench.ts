/**
 * `npm run bench:db` — database throughput on N documents (BENCH_DOCS, default 1,000,000), the
 * same five operations three ways side by side:
 *   (a) the genuine SDK against the local cloud (HTTP + EJSON + SQLite + exact evaluation),
 *   (b) raw better-sqlite3 doing the same work on a plain table (the floor),
 *   (c) a mingo full scan over an in-memory array (what a hand-made mock would do).
 * Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import tcb from '@cloudbase/node-sdk';
import 'mingo/init/system';
import { aggregate as mingoAggregate, find as mingoFind } from 'mingo';
import { update as mingoUpdate } from 'mingo/updater';
import type { DatabaseSchema } from '../../config/database';
import { startAdminApi, sdkConfigFor } from '../../localcloud/admin-api';
import { newDocId } from '../../localcloud/db/document-store';

const N = Number(process.env.BENCH_DOCS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const CITIES = 1000;
const DISTRICTS = 50;

const SCHEMA: DatabaseSchema = [
  {
    name: 'bench_people',
    description: 'benchmark documents',
    indexes: [
      { name: 'city', keys: [['city', 1]] },
      { name: 'district_age', keys: [['district', 1], ['age', 1]] },
    ],
  },
];

type Person = { _id: string; name: string; city: string; district: string; age: number; score: number; tags: string[]; createdAt: Date };

function person(i: number): Person {
  return {
    _id: newDocId(),
    name: `person ${i}`,
    city: `c${i % CITIES}`,
    district: `d${i % DISTRICTS}`,
    age: i % 90,
    score: (i * 7919) % 1000 / 10,
    tags: i % 3 === 0 ? ['a', 'b'] : ['b'],
    createdAt: new Date(1_700_000_000_000 + i * 1000),
  };
}

/** ops/s of `op` run back to back for about SECONDS (at least 3 runs). */
async function measure(op: (i: number) => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  let i = 0;
  for (;;) {
    await op(i++);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (elapsed >= SECONDS && i >= 3) return i / elapsed;
  }
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-db-'));
  const log = (s: string) => process.stdout.write(`${s}\n`);
  log(`bench:db — ${N.toLocaleString('en-US')} documents, ~${SECONDS}s per figure, ${os.cpus().length} CPUs, node ${process.version}`);

  // ── (a) local cloud, filled directly through the store ──────────────────────────────────
  const api = await startAdminApi({ dataFile: path.join(dir, 'localcloud.sqlite'), schema: SCHEMA });
  const cfg = sdkConfigFor(api);
  Object.assign(process.env, { TENCENTCLOUD: cfg.env.TENCENTCLOUD, SILENCE: 'true' });
  let t = Date.now();
  const BATCH = 20_000;
  const ids: string[] = [];
  for (let k = 0; k < N; k += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, N - k) }, (_v, j) => person(k + j));
    api.store.insert('bench_people', batch);
    for (let j = 0; j < batch.length; j += 97) ids.push(batch[j]!._id);
  }
  log(`generated into the local cloud in ${((Date.now() - t) / 1000).toFixed(1)}s`);

  // ── (b) raw SQLite with the same data ────────────────────────────────────────────────────
  t = Date.now();
  const raw = new Database(path.join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec(`CREATE TABLE people (id TEXT PRIMARY KEY, city TEXT, district TEXT, age INTEGER, score REAL, body TEXT)`);
  const rawInsert = raw.prepare(`INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)`);
  const fill = raw.transaction((docs: Person[]) => {
    for (const d of docs) rawInsert.run(d._id, d.city, d.district, d.age, d.score, JSON.stringify(d));
  });
  for (let k = 0; k < N; k += BATCH) fill(Array.from({ length: Math.min(BATCH, N - k) }, (_v, j) => person(k + j)));
  raw.exec(`CREATE INDEX people_city ON people(city); CREATE INDEX people_district_age ON people(district, age)`);
  const rawIds = raw.prepare(`SELECT id FROM people WHERE rowid % 97 = 0`).pluck().all() as string[];
  log(`generated raw SQLite in ${((Date.now() - t) / 1000).toFixed(1)}s`);

  // ── (c) an in-memory array ────────────────────────────────────────────────────────────────
  t = Date.now();
  const memory: Person[] = Array.from({ length: N }, (_v, i) => person(i));
  log(`generated in-memory array in ${((Date.now() - t) / 1000).toFixed(1)}s`);

  const db = tcb.init(cfg.init).database();
  const people = db.collection('bench_people');
  const _ = db.command;
  const $ = db.command.aggregate;
  const city = (i: number) => `c${(i * 37) % CITIES}`;
  const district = (i: number) => `d${(i * 7) % DISTRICTS}`;

  const rawFind = raw.prepare(`SELECT body FROM people WHERE city = ? LIMIT 20`);
  const rawUpdate = raw.prepare(`UPDATE people SET score = score + 1, body = json_set(body, '$.score', json_extract(body, '$.score') + 1) WHERE id = ?`);
  const rawSorted = raw.prepare(`SELECT body FROM people WHERE district = ? ORDER BY age DESC, id DESC LIMIT 20`);
  const rawCount = raw.prepare(`SELECT count(*) FROM people WHERE city = ?`).pluck();
  const rawGroup = raw.prepare(`SELECT age AS _id, sum(score) AS total, count(*) AS n FROM people WHERE district = ? GROUP BY age ORDER BY total DESC LIMIT 20`);

  const rows: Array<[string, number, number, number]> = [];
  const run = async (label: string, a: (i: number) => unknown, b: (i: number) => unknown, c: (i: number) => unknown) => {
    const fa = await measure(a);
    const fb = await measure(b);
    const fc = await measure(c);
    rows.push([label, fa, fb, fc]);
    log(`  ${label}: ${fmt(fa)} | ${fmt(fb)} | ${fmt(fc)} ops/s`);
  };

  await run(
    'indexed find (city = ?, limit 20)',
    (i) => people.where({ city: city(i) }).limit(20).get(),
    (i) => rawFind.all(city(i)).map((r) => JSON.parse((r as { body: string }).body)),
    (i) => mingoFind(memory, { city: city(i) }).limit(20).all(),
  );
  await run(
    `sorted page (district = ?, age desc, _id desc, limit 20 of ~${Math.round(N / DISTRICTS)})`,
    (i) => people.where({ district: district(i) }).orderBy('age', 'desc').orderBy('_id', 'desc').limit(20).get(),
    (i) => rawSorted.all(district(i)).map((r) => JSON.parse((r as { body: string }).body)),
    (i) => mingoFind(memory, { district: district(i) }).sort({ age: -1, _id: -1 }).limit(20).all(),
  );
  await run(
    'insert one document',
    (i) => people.add({ ...person(N + i), _id: undefined }),
    (i) => {
      const d = person(N + i);
      rawInsert.run(d._id, d.city, d.district, d.age, d.score, JSON.stringify(d));
    },
    (i) => memory.push(person(N + i)),
  );
  await run(
    'update by _id ($inc)',
    (i) => people.doc(ids[(i * 31) % ids.length]!).update({ score: _.inc(1) }),
    (i) => rawUpdate.run(rawIds[(i * 31) % rawIds.length]),
    (i) => {
      const [doc] = mingoFind(memory, { _id: memory[((i * 31) % (N / 97 | 0)) * 97]!._id }).limit(1).all() as Person[];
      mingoUpdate(doc!, { $inc: { score: 1 } });
    },
  );
  await run(
    `count (city = ?, ~${Math.round(N / CITIES)} matches)`,
    (i) => people.where({ city: city(i) }).count(),
    (i) => rawCount.get(city(i)),
    (i) => mingoFind(memory, { city: city(i) }).count(),
  );
  await run(
    `aggregate match district + group by age (~${Math.round(N / DISTRICTS)} docs)`,
    (i) => people.aggregate().match({ district: district(i) }).group({ _id: '$age', total: $.sum('$score'), n: $.sum(1) }).sort({ total: -1 }).limit(20).end(),
    (i) => rawGroup.all(district(i)),
    (i) => mingoAggregate(memory, [{ $match: { district: district(i) } }, { $group: { _id: '$age', total: { $sum: '$score' }, n: { $sum: 1 } } }, { $sort: { total: -1 } }, { $limit: 20 }]),
  );

  log('');
  log(`| operation (${N.toLocaleString('en-US')} docs) | (a) SDK → local cloud | (b) raw better-sqlite3 | (c) mingo scan in memory |`);
  log('|---|---:|---:|---:|');
  for (const [label, a, b, c] of rows) log(`| ${label} | ${fmt(a)} ops/s | ${fmt(b)} ops/s | ${fmt(c)} ops/s |`);

  raw.close();
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
