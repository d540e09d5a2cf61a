/**
 * Declared indexes are SQLite expression indexes, indexed queries use them, and push-down never
 * loses a match (arrays, null versus missing, type brackets), checked through the genuine SDK.
 */
import { startLocalTarget, type Target } from './target';
import type { DatabaseSchema } from '../../config/database';

const SCHEMA: DatabaseSchema = [
  {
    name: 'people',
    description: 'index test',
    indexes: [
      { name: 'city', keys: [['city', 1]] },
      { name: 'street_no', keys: [['addr.street', 1], ['no', -1]] },
      { name: 'born', keys: [['born', 1]] },
    ],
  },
  { name: 'flat', description: 'scalar keys only', indexes: [{ name: 'k', keys: [['k', 1]] }] },
];

let target: Target;
beforeAll(async () => {
  target = await startLocalTarget(SCHEMA);
  await target.db.collection('people').add([
    { name: 'scalar', city: 'sh', addr: { street: 'a' }, no: 1, born: new Date('1990-01-01T00:00:00Z') },
    { name: 'array', city: ['bj', 'sh'], addr: { street: 'a' }, no: 2, born: 5 },
    { name: 'nested-array', city: 'gz', addr: [{ street: 'a' }, { street: 'b' }], no: 3 },
    { name: 'null', city: null, addr: { street: 'b' }, no: 4, born: null },
    { name: 'missing', addr: 'not an object', no: 5, born: new Date('2010-01-01T00:00:00Z') },
    { name: 'number', city: 7, no: 6, born: 'text' },
  ]);
});
afterAll(() => target.close());

const people = () => target.db.collection('people');
const names = async (query: Record<string, unknown>) =>
  (await people().where(query).get()).data.map((d: { name: string }) => d.name).sort();

test('EXPLAIN QUERY PLAN shows the expression index for indexed equality, range and $in', () => {
  const store = target.api!.store;
  expect(store.explain('people', { city: 'sh' }).join('\n')).toMatch(/USING INDEX c_people__ix_city \(<expr>=\?\)/);
  expect(store.explain('people', { 'addr.street': 'a', no: { $gt: 1 } }).join('\n')).toMatch(/USING INDEX c_people__ix_street_no \(<expr>=\? AND <expr>>\? AND <expr><\?\)/);
  expect(store.explain('people', { city: { $in: ['sh', 'gz'] } }).join('\n')).toMatch(/USING INDEX c_people__ix_city \(<expr>=\?\)/);
  expect(store.explain('people', { name: 'x' }).join('\n')).toMatch(/^SCAN c_people/);
});

test('equality on an indexed path still finds array members and treats null as null-or-missing', async () => {
  expect(await names({ city: 'sh' })).toEqual(['array', 'scalar']);
  expect(await names({ city: null })).toEqual(['missing', 'null']);
  expect(await names({ city: 7 })).toEqual(['number']);
  expect(await names({ 'addr.street': 'b' })).toEqual(['nested-array', 'null']);
  expect(await names({ 'addr.street': null })).toEqual(['missing', 'number']);
});

test('ranges and $in respect type brackets', async () => {
  const _ = target.db.command;
  expect(await names({ born: _.gt(new Date('2000-01-01T00:00:00Z')) })).toEqual(['missing']);
  expect(await names({ born: _.lt(100) })).toEqual(['array']);
  expect(await names({ born: _.gte('a') })).toEqual(['number']);
  expect(await names({ city: _.in(['bj', null]) })).toEqual(['array', 'missing', 'null']);
  expect(await names({ no: _.gt(4) })).toEqual(['missing', 'number']);
});

test('count: SQL-only when provably exact, exact evaluation otherwise', async () => {
  const flat = target.db.collection('flat');
  await flat.add([{ k: 'a' }, { k: 'a' }, { k: 'b' }, { k: 1 }, { k: true }, { k: new Date(1) }, { other: 1 }, { k: null }]);
  expect((await flat.where({ k: 'a' }).count()).total).toBe(2);
  expect((await flat.where({ k: 1 }).count()).total).toBe(1);
  expect((await flat.where({ k: true }).count()).total).toBe(1);
  expect((await flat.where({ k: null }).count()).total).toBe(2);
  expect((await people().where({ city: 'sh' }).count()).total).toBe(2);
});
