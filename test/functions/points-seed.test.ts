/** The demo entries for `npm start` show on last month's card, and seeding twice is a no-op. */
import { getCard } from '../../shared/contracts/points';
import { seedPoints } from '../../localcloud/seed/points';
import { dayjs, localMonthOf, SHANGHAI } from '../../shared/time';
import { ZHANGMIN } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const t = useTestCloud();

it('seeds last month’s entered items of 张敏 once', async () => {
  const now = new Date();
  expect(await seedPoints(t.db, now)).toEqual({ seeded: true, count: 4 });
  expect((await seedPoints(t.db, now)).seeded).toBe(false);
  const month = localMonthOf(dayjs(now).tz(SHANGHAI).subtract(1, 'month').toDate());
  const card = ok(await t.call(ZHANGMIN, getCard, { month })).card;
  const score = Object.fromEntries(card.items.map((i) => [i.id, i.score]));
  // 2 days × 0.5, 1 training × 0.5, an adopted article 1; no records: 社区走访 floors at 0
  expect(score).toMatchObject({ specialActions: 1, training: 0.5, atmosphere: 1, communityVisits: 0 });
  expect(card.totals.total).toBe(2.5);
});
