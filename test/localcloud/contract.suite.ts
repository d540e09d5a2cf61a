/**
 * The CloudBase database contract, through the genuine @cloudbase/node-sdk. Expected values are
 * written by hand from MongoDB's documented semantics; the same suite runs against the local
 * cloud and against a real CloudBase environment (see target.ts).
 */
import { runTag, type Target, type Tx } from './target';

/** a document of any shape: the suite writes and reads whatever fields a case needs */
type AnyDoc = Record<string, unknown>;
const byId = (p: AnyDoc, q: AnyDoc) => (String(p._id) < String(q._id) ? -1 : 1);

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return String((e as { code?: unknown }).code);
  }
  return 'no error';
};

export function contractSuite(getTarget: () => Target): void {
  const items = () => getTarget().db.collection('lc_items');
  const _ = () => getTarget().db.command;

  async function seed(run: string, docs: AnyDoc[]): Promise<string[]> {
    const res = (await items().add(docs.map((d) => ({ run, ...d })))) as { ids: string[] };
    return res.ids;
  }
  const names = (res: { data: AnyDoc[] }) => res.data.map((d) => d.name);

  describe('add and get', () => {
    it('add() returns an id; doc(id).get() returns data as an array with _id', async () => {
      const run = runTag();
      const res = (await items().add({ run, name: 'a', n: 1 })) as { id: string };
      expect(typeof res.id).toBe('string');
      const got = await items().doc(res.id).get();
      expect(got.data).toEqual([{ _id: res.id, run, name: 'a', n: 1 }]);
    });

    it('add() of an array inserts every document', async () => {
      const run = runTag();
      const ids = await seed(run, [{ name: 'x' }, { name: 'y' }]);
      expect(ids).toHaveLength(2);
      expect((await items().where({ run }).count()).total).toBe(2);
    });

    it('a given _id is kept, and a second document with it is a duplicate write', async () => {
      const run = runTag();
      const id = `${run}-fixed`;
      await items().add({ _id: id, run });
      expect((await items().doc(id).get()).data[0]._id).toBe(id);
      expect(await codeOf(items().add({ _id: id, run }))).toBe('DATABASE_DUPLICATE_WRITE');
    });

    it('doc(id).get() of a missing id returns an empty array', async () => {
      expect((await items().doc(`${runTag()}-none`).get()).data).toEqual([]);
    });
  });

  describe('EJSON fidelity', () => {
    it('int, double, long, Date, serverDate, RegExp, null, nested survive a round trip', async () => {
      const run = runTag();
      const before = Date.now();
      const { id } = (await items().add({
        run,
        int: 7,
        negative: -3,
        double: 2.5,
        long: 2 ** 40,
        date: new Date('2024-02-29T12:34:56.789Z'),
        created: getTarget().db.serverDate(),
        later: getTarget().db.serverDate({ offset: 60_000 }),
        re: /ab+c/i,
        nul: null,
        nested: { a: { b: [1, { c: 'deep' }] }, empty: {} },
        list: [],
        text: '中文 and emoji 🙂',
        yes: true,
      })) as { id: string };
      const after = Date.now();
      const [doc] = (await items().doc(id).get()).data;
      expect(doc!.int).toBe(7);
      expect(doc!.negative).toBe(-3);
      expect(doc!.double).toBe(2.5);
      expect(doc!.long).toBe(2 ** 40);
      expect(doc!.date).toEqual(new Date('2024-02-29T12:34:56.789Z'));
      expect(doc!.created).toBeInstanceOf(Date);
      expect(doc!.created.getTime()).toBeGreaterThanOrEqual(before - 5_000);
      expect(doc!.created.getTime()).toBeLessThanOrEqual(after + 5_000);
      expect(doc!.later.getTime() - doc!.created.getTime()).toBe(60_000);
      // the SDK's EJSON.parse yields a BSONRegExp for a stored regex
      expect({ pattern: doc!.re.pattern, options: doc!.re.options }).toEqual({ pattern: 'ab+c', options: 'i' });
      expect(doc!.nul).toBeNull();
      expect('missing' in doc!).toBe(false);
      expect(doc!.nested).toEqual({ a: { b: [1, { c: 'deep' }] }, empty: {} });
      expect(doc!.list).toEqual([]);
      expect(doc!.text).toBe('中文 and emoji 🙂');
      expect(doc!.yes).toBe(true);
    });

    it('BSON types are kept: $type reports int, double, long, date, regex, null, object, array, bool', async () => {
      const run = runTag();
      await items().add({ run, i: 7, d: 2.5, l: 2 ** 40, t: new Date(0), r: /x/, z: null, o: {}, a: [], b: false });
      const type = (f: string) => ({ $type: f });
      const res = await items()
        .aggregate()
        .match({ run })
        .project({ _id: 0, i: type('$i'), d: type('$d'), l: type('$l'), t: type('$t'), r: type('$r'), z: type('$z'), o: type('$o'), a: type('$a'), b: type('$b'), m: type('$m') })
        .end();
      expect(res.data).toEqual([{ i: 'int', d: 'double', l: 'long', t: 'date', r: 'regex', z: 'null', o: 'object', a: 'array', b: 'bool', m: 'missing' }]);
    });

    it('a Date in a query compares as a date', async () => {
      const run = runTag();
      await seed(run, [
        { name: 'old', at: new Date('2020-01-01T00:00:00Z') },
        { name: 'new', at: new Date('2025-01-01T00:00:00Z') },
        { name: 'num', at: 1893456000000 },
      ]);
      const res = await items().where({ run, at: _().gt(new Date('2022-01-01T00:00:00Z')) }).get();
      expect(names(res)).toEqual(['new']);
    });
  });

  describe('query language', () => {
    const fixture = [
      { name: 'a', n: 1, tags: ['x', 'y'], score: 10, nested: { k: 'p' }, items: [{ q: 1, s: 'ok' }, { q: 5, s: 'no' }] },
      { name: 'b', n: 2, tags: ['y'], score: null, nested: { k: 'q' }, items: [{ q: 2, s: 'ok' }] },
      { name: 'c', n: 3, tags: [], nested: { k: 'P' }, items: [] },
      { name: 'd', n: 4, tags: ['x', 'y', 'z'], score: 7.5, items: [{ q: 9, s: 'ok' }] },
    ];
    let run = '';
    beforeAll(async () => {
      run = runTag();
      await seed(run, fixture);
    });
    const q = async (cond: AnyDoc) => names(await items().where({ run, ...cond }).orderBy('name', 'asc').get()).join('');

    it('comparison', async () => {
      expect(await q({ n: _().gt(2) })).toBe('cd');
      expect(await q({ n: _().gte(2) })).toBe('bcd');
      expect(await q({ n: _().lt(2) })).toBe('a');
      expect(await q({ n: _().lte(2) })).toBe('ab');
      expect(await q({ n: _().eq(3) })).toBe('c');
      expect(await q({ n: _().neq(3) })).toBe('abd');
      expect(await q({ n: _().gt(1).and(_().lt(4)) })).toBe('bc');
    });

    it('null matches null and missing; exists tells them apart', async () => {
      expect(await q({ score: null })).toBe('bc');
      expect(await q({ score: _().exists(true) })).toBe('abd');
      expect(await q({ score: _().exists(false) })).toBe('c');
      expect(await q({ score: _().neq(null) })).toBe('ad');
    });

    it('in, nin, all, size, elemMatch, mod and array equality', async () => {
      expect(await q({ n: _().in([1, 3, 9]) })).toBe('ac');
      expect(await q({ n: _().nin([1, 3]) })).toBe('bd');
      expect(await q({ tags: 'x' })).toBe('ad');
      expect(await q({ tags: _().all(['x', 'y']) })).toBe('ad');
      expect(await q({ tags: _().size(1) })).toBe('b');
      expect(await q({ tags: _().in(['z']) })).toBe('d');
      expect(await q({ items: _().elemMatch({ q: _().gt(1), s: 'ok' }) })).toBe('bd');
      // command.ts takes mod(divisor, remainder) through `arguments`; its typing declares none
      const mod = _().mod as unknown as (divisor: number, remainder: number) => object;
      expect(await q({ n: mod(2, 0) })).toBe('bd');
      expect(await q({ tags: ['y'] })).toBe('b');
    });

    it('and, or, nor, not', async () => {
      expect(await q({ n: _().or(_().eq(1), _().eq(4)) })).toBe('ad');
      expect(names(await items().where(_().or([{ run, n: 1 }, { run, name: 'c' }])).orderBy('name', 'asc').get()).join('')).toBe('ac');
      expect(names(await items().where(_().and([{ run }, { n: _().gt(1) }, { n: _().lt(3) }])).get()).join('')).toBe('b');
      expect(names(await items().where(_().nor([{ n: 1 }, { n: 2 }, { run: _().neq(run) }])).orderBy('name', 'asc').get()).join('')).toBe('cd');
      expect(await q({ n: _().not(_().gt(2)) })).toBe('ab');
    });

    it('RegExp and db.RegExp, dotted paths and nested objects', async () => {
      expect(await q({ nested: { k: /^p$/i } })).toBe('ac');
      expect(await q({ 'nested.k': getTarget().db.RegExp({ regexp: '^p', options: '' }) })).toBe('a');
      expect(await q({ 'items.q': 9 })).toBe('d');
      expect(await q({ 'items.s': 'no' })).toBe('a');
    });

    it('orderBy on several fields, skip, limit and field projection', async () => {
      const res = await items().where({ run }).orderBy('tags', 'desc').orderBy('n', 'asc').skip(1).limit(2).field({ name: true, n: true }).get();
      // descending on an array sorts by its largest element: d('z') > a,b('y') > c([])
      expect(res.data.map((d: AnyDoc) => Object.keys(d).sort().join(','))).toEqual(['_id,n,name', '_id,n,name']);
      expect(names(res)).toEqual(['a', 'b']);
      const excluded = await items().where({ run, name: 'a' }).field({ items: false, tags: false, nested: false, _id: false }).get();
      expect(excluded.data).toEqual([{ run, name: 'a', n: 1, score: 10 }]);
    });

    it('an unknown query operator is refused', async () => {
      const code = await codeOf(items().options({ raw: true } as never).where({ run, n: { $bogus: 1 } }).get());
      expect(code).not.toBe('no error');
    });
  });

  describe('update operators', () => {
    async function one(init: AnyDoc, update: AnyDoc, updated = 1): Promise<AnyDoc> {
      const run = runTag();
      const { id } = (await items().add({ run, ...init })) as { id: string };
      const res = await items().doc(id).update(update);
      expect(res.updated).toBe(updated);
      const { _id, run: _r, ...rest } = (await items().doc(id).get()).data[0];
      return rest;
    }

    it('set, remove, inc, mul, max, min, rename', async () => {
      expect(await one({ a: 1, b: { c: 1, d: 2 } }, { a: _().set({ x: 1 }), b: { c: 5 } })).toEqual({ a: { x: 1 }, b: { c: 5, d: 2 } });
      expect(await one({ a: 1, b: 2 }, { a: _().remove() })).toEqual({ b: 2 });
      expect(await one({ a: 1 }, { a: _().inc(2), z: _().inc(-1) })).toEqual({ a: 3, z: -1 });
      expect(await one({ a: 3 }, { a: _().mul(1.5) })).toEqual({ a: 4.5 });
      expect(await one({ a: 3, b: 3 }, { a: _().max(5), b: _().max(1) })).toEqual({ a: 5, b: 3 });
      expect(await one({ a: 3, b: 3 }, { a: _().min(5), b: _().min(1) })).toEqual({ a: 3, b: 1 });
      expect(await one({ a: 1, k: 2 }, { a: _().rename('r') })).toEqual({ k: 2, r: 1 });
    });

    it('push (each, position, slice), pull, pullAll, pop, shift, unshift, addToSet', async () => {
      expect(await one({ a: [1] }, { a: _().push(2) })).toEqual({ a: [1, 2] });
      expect(await one({ a: [1, 2] }, { a: _().push({ each: [8, 9], position: 1, slice: 3 }) })).toEqual({ a: [1, 8, 9] });
      expect(await one({ a: [1, 2, 1, 3] }, { a: _().pull(1) })).toEqual({ a: [2, 3] });
      expect(await one({ a: [{ q: 1 }, { q: 5 }] }, { a: _().pull({ q: _().gt(2) }) })).toEqual({ a: [{ q: 1 }] });
      expect(await one({ a: [1, 2, 3, 2] }, { a: _().pullAll([2, 3]) })).toEqual({ a: [1] });
      expect(await one({ a: [1, 2, 3] }, { a: _().pop() })).toEqual({ a: [1, 2] });
      expect(await one({ a: [1, 2, 3] }, { a: _().shift() })).toEqual({ a: [2, 3] });
      expect(await one({ a: [3] }, { a: _().unshift([1, 2]) })).toEqual({ a: [1, 2, 3] });
      // nothing changed, so nothing counts as updated (MongoDB's nModified)
      expect(await one({ a: [1, 2] }, { a: _().addToSet(2) }, 0)).toEqual({ a: [1, 2] });
      // the SDK passes addToSet's operand through, so the modifier is spelled $each
      expect(await one({ a: [1] }, { a: _().addToSet({ $each: [1, 3, 3] }) })).toEqual({ a: [1, 3] });
    });

    it('where().update() is multi; options({multiple:false}) updates one; no change counts 0', async () => {
      const run = runTag();
      await seed(run, [{ n: 1 }, { n: 1 }, { n: 2 }]);
      expect((await items().where({ run, n: 1 }).update({ flag: true })).updated).toBe(2);
      expect((await items().where({ run, n: 1 }).update({ flag: true })).updated).toBe(0);
      expect((await items().where({ run }).options({ multiple: false }).update({ solo: 1 })).updated).toBe(1);
      expect((await items().where({ run, solo: 1 }).count()).total).toBe(1);
    });

    it('set() replaces the whole document, or inserts it (upsert)', async () => {
      const run = runTag();
      const { id } = (await items().add({ run, a: 1, b: 2 })) as { id: string };
      const replaced = await items().doc(id).set({ run, c: 3 });
      expect(replaced.updated).toBe(1);
      expect((await items().doc(id).get()).data).toEqual([{ _id: id, run, c: 3 }]);
      const newId = `${run}-upserted`;
      const created = await items().doc(newId).set({ run, fresh: true });
      expect(created.upsertedId).toBe(newId);
      expect((await items().doc(newId).get()).data).toEqual([{ _id: newId, run, fresh: true }]);
    });

    it('remove(): doc and where (multi)', async () => {
      const run = runTag();
      const ids = await seed(run, [{ n: 1 }, { n: 2 }, { n: 2 }]);
      expect((await items().doc(ids[0]!).remove()).deleted).toBe(1);
      expect((await items().where({ run, n: 2 }).remove()).deleted).toBe(2);
      expect((await items().where({ run }).count()).total).toBe(0);
    });

    it('a unique index refuses a duplicate on insert and on update', async () => {
      const run = runTag();
      const uniq = getTarget().db.collection('lc_unique');
      await uniq.add({ run, code: `${run}-1` });
      const { id } = (await uniq.add({ run, code: `${run}-2` })) as { id: string };
      expect(await codeOf(uniq.add({ run, code: `${run}-1` }))).toBe('DATABASE_DUPLICATE_WRITE');
      expect(await codeOf(uniq.doc(id).update({ code: `${run}-1` }))).toBe('DATABASE_DUPLICATE_WRITE');
      expect((await uniq.doc(id).get()).data[0].code).toBe(`${run}-2`);
      expect((await uniq.where({ run }).count()).total).toBe(2);
    });

    it('a unique index counts a missing field as null: only one document may lack it', async () => {
      const uniq = getTarget().db.collection('lc_unique');
      await uniq.where({ code: _().exists(false) }).remove();
      await uniq.add({ run: runTag() });
      expect(await codeOf(uniq.add({ run: runTag() }))).toBe('DATABASE_DUPLICATE_WRITE');
      await uniq.where({ code: _().exists(false) }).remove();
    });
  });

  describe('aggregate', () => {
    let run = '';
    beforeAll(async () => {
      run = runTag();
      await seed(run, [
        { name: 'a', city: 'sh', n: 1, tags: ['x', 'y'] },
        { name: 'b', city: 'sh', n: 2, tags: ['y'] },
        { name: 'c', city: 'bj', n: 3, tags: [] },
        { name: 'd', city: 'gz', n: 4, tags: ['x'] },
      ]);
      await getTarget().db.collection('lc_other').add([
        { run, city: 'sh', label: 'Shanghai' },
        { run, city: 'bj', label: 'Beijing' },
      ]);
    });
    const agg = () => items().aggregate().match({ run });
    const $ = () => getTarget().db.command.aggregate;

    it('group, sort, project, addFields, skip, limit, count', async () => {
      const g = await agg().group({ _id: '$city', total: $().sum('$n'), count: $().sum(1) }).sort({ total: -1 }).end();
      expect(g.data[0]).toEqual({ _id: 'gz', total: 4, count: 1 });
      // sh and bj tie on total; $sort leaves ties unordered
      expect(g.data.slice(1).sort(byId)).toEqual([
        { _id: 'bj', total: 3, count: 1 },
        { _id: 'sh', total: 3, count: 2 },
      ]);
      const p = await agg().sort({ n: 1 }).skip(1).limit(2).project({ _id: 0, name: 1, twice: $().multiply(['$n', 2]) }).end();
      expect(p.data).toEqual([{ name: 'b', twice: 4 }, { name: 'c', twice: 6 }]);
      const a = await agg().sort({ n: 1 }).limit(1).addFields({ big: $().gt(['$n', 0]) }).project({ _id: 0, big: 1 }).end();
      expect(a.data).toEqual([{ big: true }]);
      expect((await agg().count('total').end()).data).toEqual([{ total: 4 }]);
    });

    it('unwind, sortByCount, bucket, replaceRoot, lookup', async () => {
      const u = await agg().unwind('$tags').sortByCount('$tags').end();
      // both tags occur twice; sortByCount does not order ties, so compare as a set
      expect([...u.data].sort(byId)).toEqual([{ _id: 'x', count: 2 }, { _id: 'y', count: 2 }]);
      const b = await agg().bucket({ groupBy: '$n', boundaries: [0, 2, 10], default: 'other', output: { c: $().sum(1) } }).end();
      expect(b.data).toEqual([{ _id: 0, c: 1 }, { _id: 2, c: 3 }]);
      const r = await agg().sort({ n: 1 }).limit(1).replaceRoot({ newRoot: { nm: '$name' } }).end();
      expect(r.data).toEqual([{ nm: 'a' }]);
      const l = await agg()
        .match({ city: 'bj' })
        .lookup({ from: 'lc_other', localField: 'city', foreignField: 'city', as: 'info' })
        .project({ _id: 0, name: 1, label: $().arrayElemAt(['$info.label', 0]) })
        .end();
      expect(l.data).toEqual([{ name: 'c', label: 'Beijing' }]);
    });
  });

  describe('limits', () => {
    let run = '';
    beforeAll(async () => {
      run = runTag();
      const docs = Array.from({ length: 1005 }, (_v, i) => ({ run, i }));
      for (let k = 0; k < docs.length; k += 500) await items().add(docs.slice(k, k + 500));
    }, 120_000);

    it('get() returns 100 rows when no limit is given', async () => {
      expect((await items().where({ run }).get()).data).toHaveLength(100);
    });
    it('get() returns at most 1000 rows', async () => {
      expect((await items().where({ run }).limit(5000).get()).data).toHaveLength(1000);
      expect((await items().where({ run }).orderBy('i', 'desc').skip(1000).limit(1000).get()).data.map((d: AnyDoc) => d.i)).toEqual([4, 3, 2, 1, 0]);
    });
    it('aggregate without $limit returns 20 rows', async () => {
      expect((await items().aggregate().match({ run }).end()).data).toHaveLength(20);
      expect((await items().aggregate().match({ run }).limit(50).end()).data).toHaveLength(50);
    });
    it('count() is not limited', async () => {
      expect((await items().where({ run }).count()).total).toBe(1005);
    });
  });

  describe('errors', () => {
    it('a collection that does not exist', async () => {
      const db = getTarget().db;
      expect(await codeOf(db.collection('lc_not_declared').get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
      expect(await codeOf(db.collection('lc_not_declared').add({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    });
  });

  describe('transactions', () => {
    it('runTransaction commits every write together', async () => {
      const db = getTarget().db;
      const run = runTag();
      const { id } = (await items().add({ run, balance: 10 })) as { id: string };
      const result = await db.runTransaction(async (tx: Tx) => {
        const { data } = await tx.collection('lc_items').doc(id).get();
        await tx.collection('lc_items').doc(id).update({ balance: data.balance - 3 });
        await tx.collection('lc_items').add({ run, moved: 3 });
        return 'done';
      });
      expect(result).toBe('done');
      expect((await items().doc(id).get()).data[0].balance).toBe(7);
      expect((await items().where({ run, moved: 3 }).count()).total).toBe(1);
    });

    it('a failing runTransaction callback leaves nothing behind', async () => {
      const db = getTarget().db;
      const run = runTag();
      const { id } = (await items().add({ run, balance: 10 })) as { id: string };
      await expect(
        db.runTransaction(async (tx: Tx) => {
          await tx.collection('lc_items').doc(id).update({ balance: 0 });
          await tx.collection('lc_items').add({ run, ghost: true });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await items().doc(id).get()).data[0].balance).toBe(10);
      expect((await items().where({ run, ghost: true }).count()).total).toBe(0);
    });

    it('startTransaction: writes are invisible outside until commit; rollback discards them', async () => {
      const db = getTarget().db;
      const run = runTag();
      const { id } = (await items().add({ run, v: 1 })) as { id: string };
      const tx = await db.startTransaction();
      await tx.collection('lc_items').doc(id).update({ v: 2 });
      const inserted = await tx.collection('lc_items').add({ run, extra: 1 });
      expect((await tx.collection('lc_items').doc(id).get()).data.v).toBe(2);
      expect((await items().doc(id).get()).data[0].v).toBe(1);
      expect((await items().where({ run, extra: 1 }).count()).total).toBe(0);
      await tx.commit();
      expect((await items().doc(id).get()).data[0].v).toBe(2);
      expect((await items().doc((inserted as { id: string }).id).get()).data).toHaveLength(1);

      const tx2 = await db.startTransaction();
      await tx2.collection('lc_items').doc(id).update({ v: 3 });
      await tx2.collection('lc_items').doc(id).remove();
      await tx2.rollback();
      expect((await items().doc(id).get()).data[0].v).toBe(2);
    });

    it('two transactions writing one document: the second is a write conflict', async () => {
      const db = getTarget().db;
      const run = runTag();
      const { id } = (await items().add({ run, v: 0 })) as { id: string };
      const t1 = await db.startTransaction();
      const t2 = await db.startTransaction();
      await t1.collection('lc_items').doc(id).update({ v: 1 });
      const code = await codeOf(
        (async () => {
          await t2.collection('lc_items').doc(id).update({ v: 2 });
          await t2.commit();
        })(),
      );
      expect(code).toMatch(/CONFLICT/);
      await t2.rollback().catch(() => undefined);
      await t1.commit();
      expect((await items().doc(id).get()).data[0].v).toBe(1);
    });

    it('a write conflict ends the losing transaction and releases what it had written', async () => {
      const db = getTarget().db;
      const run = runTag();
      const a = ((await items().add({ run, v: 0 })) as { id: string }).id;
      const b = ((await items().add({ run, v: 0 })) as { id: string }).id;
      const t1 = await db.startTransaction();
      const t2 = await db.startTransaction();
      await t1.collection('lc_items').doc(a).update({ v: 1 });
      await t2.collection('lc_items').doc(b).update({ v: 2 });
      expect(await codeOf(t1.collection('lc_items').doc(b).update({ v: 1 }))).toMatch(/CONFLICT/);
      await t2.commit();
      // t1 is over (MongoDB aborts it): its write to `a` left nothing and holds nothing
      const t3 = await db.startTransaction();
      await t3.collection('lc_items').doc(a).update({ v: 3 });
      await t3.commit();
      expect((await items().doc(a).get()).data[0].v).toBe(3);
      expect((await items().doc(b).get()).data[0].v).toBe(2);
      await t1.rollback().catch(() => undefined);
    });

    it('a transaction reads its snapshot and cannot overwrite a newer committed write', async () => {
      const db = getTarget().db;
      const run = runTag();
      const { id } = (await items().add({ run, v: 0 })) as { id: string };
      const tx = await db.startTransaction();
      expect((await tx.collection('lc_items').doc(id).get()).data.v).toBe(0);
      await items().doc(id).update({ v: 5 });
      expect((await tx.collection('lc_items').doc(id).get()).data.v).toBe(0);
      const code = await codeOf(
        (async () => {
          await tx.collection('lc_items').doc(id).update({ v: 1 });
          await tx.commit();
        })(),
      );
      expect(code).toMatch(/CONFLICT/);
      await tx.rollback().catch(() => undefined);
      expect((await items().doc(id).get()).data[0].v).toBe(5);
    });
  });

  describe('concurrency', () => {
    it('parallel inc on one document loses no increment', async () => {
      const run = runTag();
      const { id } = (await items().add({ run, hits: 0 })) as { id: string };
      await Promise.all(Array.from({ length: 100 }, () => items().doc(id).update({ hits: _().inc(1) })));
      expect((await items().doc(id).get()).data[0].hits).toBe(100);
    });
  });
}
