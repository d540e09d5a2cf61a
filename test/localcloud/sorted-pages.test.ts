/**
 * Sorted pages stream from SQL when the sort is on indexed paths: index keys must then sort
 * exactly as MongoDB sorts (across types too), and range push-down must still never lose a
 * match. Checked against the in-memory MongoDB sort and mingo over random documents.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../localcloud/admin-api';
import { compileQuery, type Doc } from '../../localcloud/db/mongo-semantics';
import { sortDocs } from '../../localcloud/db/sort-order';

const INDEXES = [
  { name: 'a_b', keys: [['a', 1], ['b', -1]] as Array<[string, 1 | -1]> },
  { name: 'c_id', keys: [['c', -1], ['_id', -1]] as Array<[string, 1 | -1]> },
  // a list index and a range index over the same equality, like notices' feed and publish time
  { name: 'c_b_id', keys: [['c', 1], ['b', -1], ['_id', -1]] as Array<[string, 1 | -1]> },
  { name: 'c_a', keys: [['c', 1], ['a', -1]] as Array<[string, 1 | -1]> },
];

let dir: string;
let store: DocumentStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqy-sorted-'));
  store = new DocumentStore(path.join(dir, 'db.sqlite'), [{ name: 'items', description: 'test', indexes: INDEXES }]);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

const SCALARS: readonly unknown[] = [
  null, undefined, 0, -0, 1, -1, 2.5, -2.5, 1e12, -1e-9, 7, 7.0, '', 'a', 'B', 'ab', '中', '0', 'null',
  true, false, new Date(0), new Date(-86400000), new Date('2026-11-23T06:00:00Z'), new Date('1999-01-01T00:00:00Z'),
];

function randomDocs(seed: number, n: number): Doc[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const doc: Doc = { _id: `id-${String(Math.floor(r.next() * 1e6)).padStart(6, '0')}-${i}` };
    for (const field of ['a', 'b', 'c']) {
      const v = r.pick(SCALARS);
      if (v !== undefined) doc[field] = v;
    }
    return doc;
  });
}

const ids = (docs: Doc[]) => docs.map((d) => d._id);

function expected(all: Doc[], query: Doc, order: Record<string, 1 | -1>, offset: number, limit: number): unknown[] {
  const matches = compileQuery(query);
  return ids(sortDocs(all.filter(matches), order).slice(offset, offset + limit));
}

const ORDERS: Array<Record<string, 1 | -1>> = [
  { a: 1 },
  { a: -1 },
  { a: 1, b: -1 },
  { a: -1, b: 1 },
  { c: -1, _id: -1 },
  { c: 1, _id: 1 },
  { b: 1, a: 1, _id: -1 },
  { c: 1, b: -1, _id: -1 },
  { _id: 1 },
];

it('streams sorts on indexed paths from the index, in the plan and without a full sort', () => {
  store.insert('items', randomDocs(1, 20));
  expect(store.explain('items', {}, { a: 1, b: -1 }).join('\n')).toMatch(/SCAN c_items USING INDEX c_items__ix_a_b/);
  expect(store.explain('items', {}, { a: 1, b: -1 }).join('\n')).not.toMatch(/TEMP B-TREE/);
  expect(store.explain('items', { c: 'a' }, { c: -1, _id: -1 }).join('\n')).toMatch(/SEARCH c_items USING INDEX c_items__ix_c_id/);
  expect(store.explain('items', { c: 'a' }, { c: -1, _id: -1 }).join('\n')).not.toMatch(/TEMP B-TREE/);
  // a range on another index ("published by now") does not win over reading in order
  const ranged = store.explain('items', { c: 'a', a: { $lte: 5 } }, { b: -1, _id: -1 }).join('\n');
  expect(ranged).toMatch(/USING INDEX c_items__ix_c_b_id/);
  expect(ranged).not.toMatch(/TEMP B-TREE/);
});

it.each([11, 12, 13, 14])('pages sorted in SQL equal MongoDB’s sort across types (seed %i)', (seed) => {
  const docs = randomDocs(seed, 160);
  store.insert('items', docs);
  const r = random(seed * 7);
  for (const order of ORDERS) {
    const queries = [{}, { a: r.pick(SCALARS.filter((v) => v !== undefined)) }, { c: { $in: ['a', 1, null] } }, { c: 'a', a: { $lte: 5 } }, { b: { $gt: '' } }];
    for (const query of queries) {
      const offset = Math.floor(r.next() * 40);
      const limit = 1 + Math.floor(r.next() * 30);
      expect([order, query, ids(store.find('items', query, { order, offset, limit }))]).toEqual([order, query, expected(docs, query, order, offset, limit)]);
    }
  }
});

it('falls back to the in-memory sort while a document holds an array at an indexed path, with the same answer', () => {
  const docs = randomDocs(21, 60);
  docs.push({ _id: 'arr', a: [5, 'x'], b: 1 }, { _id: 'sub', a: { z: 1 }, b: 2 }, { _id: 'empty', a: [], b: 3 });
  store.insert('items', docs);
  expect(store.explain('items', {}, { a: 1 }).join('\n')).toMatch(/SCAN c_items$/m);
  for (const order of ORDERS) expect(ids(store.find('items', {}, { order, limit: 80 }))).toEqual(expected(docs, {}, order, 0, 80));
});

it('range push-down keeps every match of MongoDB’s type-bracketed comparisons', () => {
  const docs = randomDocs(31, 200);
  store.insert('items', docs);
  const operands = SCALARS.filter((v) => typeof v === 'number' || typeof v === 'string' || v instanceof Date);
  for (const op of ['$gt', '$gte', '$lt', '$lte']) {
    for (const operand of operands) {
      const query = { a: { [op]: operand } };
      expect([query, ids(store.find('items', query, { order: { _id: 1 }, limit: 1000 }))]).toEqual([query, expected(docs, query, { _id: 1 }, 0, 1000)]);
      expect(store.count('items', query)).toBe(docs.filter(compileQuery(query)).length);
    }
  }
});

it('counts equalities of every scalar type in SQL exactly', () => {
  const docs = randomDocs(41, 200);
  store.insert('items', docs);
  for (const v of SCALARS.filter((s) => s !== undefined)) {
    expect([v, store.count('items', { a: v })]).toEqual([v, docs.filter(compileQuery({ a: v })).length]);
  }
});

it('rebuilds the keys of a file written with the previous key encoding when it opens', () => {
  const docs = randomDocs(51, 40);
  store.insert('items', docs);
  const file = store.db.name;
  store.close();
  // what an older version left: the bare index signature and keys in the old, untagged form
  const old = new DocumentStore(file, []);
  old.db.prepare(`UPDATE _localcloud_meta SET signature = ? WHERE collection = 'items'`).run(JSON.stringify(INDEXES));
  old.db.prepare(`UPDATE c_items SET ix = json_object('a', 5, 'b', 'x', 'c', 'y')`).run();
  old.close();
  store = new DocumentStore(file, [{ name: 'items', description: 'test', indexes: INDEXES }]);
  for (const query of [{ a: 5 }, { c: 'a' }, { a: { $gte: 0 } }]) expect(ids(store.find('items', query, { order: { _id: 1 }, limit: 1000 }))).toEqual(expected(docs, query, { _id: 1 }, 0, 1000));
  expect(ids(store.find('items', {}, { order: { a: 1, b: -1 }, limit: 50 }))).toEqual(expected(docs, {}, { a: 1, b: -1 }, 0, 50));
});
