/**
 * Shared set-up of the content tests: a local cloud with the demo district, the content check in
 * word-list mode, extra residents, and a helper that walks every page of a list.
 */
import type { UserDoc } from '../../shared/domain/people';
import { seedDemo } from '../../localcloud/seed/seed';
import { demoDistrict } from '../../localcloud/seed/demo-district';
import { signedInResident, startTestCloud, type TestCloud } from '../support/local-cloud';

export const HOME = demoDistrict.home._id;
export const OTHER = demoDistrict.committees[1]!._id;
export const SECRETARY = 'dev-openid-wangli';
export const STAFF = 'dev-openid-zhangmin';
/** staff of OTHER */
export const STAFF_B = 'dev-openid-liqiang';
/** consented resident of HOME without a claimed household: not verified */
export const ZHOU = 'dev-openid-resident-zhou';

/** A signed-in resident; `verified` gives them a household, as the household flow will. */
export const resident = signedInResident;

export async function startContentCloud(users: UserDoc[], words?: string): Promise<TestCloud> {
  const t = await startTestCloud({ functionEnv: { CONTENT_CHECK_MODE: 'wordlist', ...(words ? { CONTENT_CHECK_WORDS: words } : {}) } });
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
