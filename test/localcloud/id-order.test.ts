/**
 * Pages sorted by `_id` (how a complete read walks a collection with a cursor) come out in
 * MongoDB's order whether they take the streaming path (all ids strings) or the general one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../localcloud/admin-api';

let dir: string;
let store: DocumentStore;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqy-idorder-'));
  store = new DocumentStore(path.join(dir, 'db.sqlite'), [{ name: 'items', description: 'test', indexes: [{ name: 'k', keys: [['k', 1]] }] }]);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (docs: Array<{ _id?: unknown }>) => docs.map((d) => d._id);

it('walks string ids in binary order with a cursor, filtering exactly', () => {
  // inserted out of order; 'B' < 'a' < 'b' < '中' in MongoDB's (binary UTF-8) string order
  store.insert('items', ['b', '中', 'B', 'a', 'a1', 'ab'].map((_id, i) => ({ _id, k: i % 2 })));
  expect(ids(store.find('items', {}, { order: { _id: 1 }, limit: 3 }))).toEqual(['B', 'a', 'a1']);
  expect(ids(store.find('items', { _id: { $gt: 'a1' } }, { order: { _id: 1 }, limit: 3 }))).toEqual(['ab', 'b', '中']);
  // k = 1 at indices 1, 3, 5: '中', 'a', 'ab'
  expect(ids(store.find('items', { k: 1 }, { order: { _id: -1 }, limit: 10 }))).toEqual(['中', 'ab', 'a']);
  expect(ids(store.find('items', {}, { order: { _id: 1 }, offset: 4, limit: 10 }))).toEqual(['b', '中']);
});

it('falls back to the general sort when an id is not a string (numbers sort before strings)', () => {
  store.insert('items', [{ _id: 'a', k: 0 }, { _id: 10, k: 0 }, { _id: 2, k: 0 }, { _id: 'B', k: 0 }]);
  expect(ids(store.find('items', {}, { order: { _id: 1 }, limit: 10 }))).toEqual([2, 10, 'B', 'a']);
  expect(ids(store.find('items', {}, { order: { _id: -1 }, limit: 2 }))).toEqual(['a', 'B']);
});
