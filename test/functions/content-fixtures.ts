/**
 * Shared set-up of the content tests: the demo cloud (useTestCloud) with the content check in
 * word-list mode and the file's extra residents, and a helper that walks every page of a list.
 * The demo people come from test/support/demo-identities.ts.
 */
import type { UserDoc } from '../../shared/domain/people';
import { DEMO } from '../support/demo-identities';
import { seedDemo } from '../../localcloud/seed/seed';
import { signedInResident, startTestCloud, useTestCloud, type TestCloud } from '../support/local-cloud';

/** 曹杨一村, where the demo staff and 周阿姨 are */
export const HOME = DEMO.home._id;
/** 曹杨二村, 李强's committee */
export const OTHER = DEMO.neighbour._id;

/** A signed-in resident; `verified` gives them a household, as the household flow will. */
export const resident = signedInResident;

/** The content check in word-list mode: `words` on top of the default list. */
const wordListCheck = (words?: string) => ({ functionEnv: { CONTENT_CHECK_MODE: 'wordlist', ...(words ? { CONTENT_CHECK_WORDS: words } : {}) } });

/** The demo cloud for a content test file, with `users` added; `prepare` runs after that. */
export function useContentCloud(opts: { users?: UserDoc[]; words?: string; prepare?: (t: TestCloud) => Promise<void> } = {}): TestCloud {
  const { users = [], words, prepare } = opts;
  return useTestCloud({
    cloud: wordListCheck(words),
    prepare: async (t) => {
      if (users.length) await t.db.collection('users').add(users);
      await prepare?.(t);
    },
  });
}

/** The same cloud outside a test file (test/bench/content.bench.ts), started and closed by its caller. */
export async function startContentCloud(users: UserDoc[], words?: string): Promise<TestCloud> {
  const t = await startTestCloud(wordListCheck(words));
  await seedDemo(t.db);
  if (users.length) await t.db.collection('users').add(users);
  return t;
}

/** Every item of a paginated list, following nextOffset to the end. */
export async function allPages<T>(fetchPage: (offset: number) => Promise<{ items: T[]; nextOffset: number | null }>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let pages = 0;
  for (let offset: number | null = 0; offset !== null; pages++) {
    const page: { items: T[]; nextOffset: number | null } = await fetchPage(offset);
    items.push(...page.items);
    offset = page.nextOffset;
  }
  return { items, pages };
}
