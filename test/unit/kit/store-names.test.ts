import { COLLECTION_NAMES } from '../../../config/database';
import { COLLECTIONS } from '../../../cloudfunctions/_kit/store';

test('the store knows exactly the collections config/database.ts declares', () => {
  expect(Object.keys(COLLECTIONS).sort()).toEqual([...COLLECTION_NAMES].sort());
});
