import { DATABASE } from '../../../config/database';
import { collectionsPlan } from '../../../scripts/deploy';
import { describedIndexes, indexChanges, type DeclaredIndex } from '../../../scripts/index-changes';

const index = (name: string, keys: Array<[string, 1 | -1]>, unique = false): DeclaredIndex => ({
  IndexName: name,
  MgoKeySchema: { MgoIndexKeys: keys.map(([Name, d]) => ({ Name, Direction: String(d) })), MgoIsUnique: unique },
});

const feed = index('committee_feed', [['committeeId', 1], ['pinned', -1], ['publishAt', -1], ['_id', -1]]);
const published = index('committee_published', [['committeeId', 1], ['publishAt', -1]]);

it('creates what is missing, rebuilds what changed, and leaves the rest alone', () => {
  const existing = describedIndexes.parse({
    RequestId: 'r',
    Indexes: [
      { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true, Size: 1 },
      // declared before `_id` was added as the list's tie-break
      { Name: 'committee_feed', Keys: [{ Name: 'committeeId', Direction: '1' }, { Name: 'pinned', Direction: '-1' }, { Name: 'publishAt', Direction: '-1' }], Unique: false },
      { Name: 'old_by_hand', Keys: [{ Name: 'title', Direction: '1' }] },
    ],
  });
  const changes = indexChanges([feed, published], existing);
  expect(changes.replace.map((i) => i.IndexName)).toEqual(['committee_feed']);
  expect(changes.create.map((i) => i.IndexName)).toEqual(['committee_published']);
  expect(changes.undeclared).toEqual(['old_by_hand']);
});

it('changes nothing when CloudBase has the declaration (directions as numbers or strings)', () => {
  const existing = describedIndexes.parse({
    Indexes: [
      { Name: 'committee_feed', Keys: feed.MgoKeySchema.MgoIndexKeys.map((k) => ({ Name: k.Name, Direction: Number(k.Direction) })), Unique: false },
      { Name: 'committee_published', Keys: published.MgoKeySchema.MgoIndexKeys },
    ],
  });
  expect(indexChanges([feed, published], existing)).toEqual({ create: [], replace: [], undeclared: [] });
});

it('rebuilds an index whose uniqueness changed', () => {
  const code = index('code', [['code', 1]], true);
  const existing = describedIndexes.parse({ Indexes: [{ Name: 'code', Keys: [{ Name: 'code', Direction: '1' }], Unique: false }] });
  expect(indexChanges([code], existing).replace).toEqual([code]);
});

it('refuses a describeCollection answer of an unexpected shape instead of guessing', () => {
  expect(() => describedIndexes.parse({ Indexes: [{ Keys: [] }] })).toThrow();
});

it('plans every declared collection and index, `_id` tie-breaks included', () => {
  const declared = DATABASE.flatMap((c) => c.indexes.map((i) => `${c.name}.${i.name}`));
  const plan = collectionsPlan();
  expect(plan.flatMap((c) => c.indexes.map((i) => `${c.name}.${i.IndexName}`))).toEqual(declared);
  const notices = plan.find((c) => c.name === 'notices')!;
  expect(notices.indexes.find((i) => i.IndexName === 'committee_feed')!.MgoKeySchema.MgoIndexKeys.at(-1)).toEqual({ Name: '_id', Direction: '-1' });
});
