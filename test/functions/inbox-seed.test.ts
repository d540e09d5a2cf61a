/** The demo questions `npm start` seeds read as the product shows them. */
import { myQuestions, satisfiedCounts, staffInbox } from '../../shared/contracts/inbox';
import { localMonthOf } from '../../shared/time';
import { seedInbox } from '../../localcloud/seed/inbox';
import { WANGLI, ZHOU } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

jest.setTimeout(30_000); // cold starts of the bundles on a shared machine

const t = useTestCloud();
const now = new Date();

it('seeds four questions of 周阿姨 once, one overdue and one rated satisfied', async () => {
  expect(await seedInbox(t.db, now)).toEqual({ seeded: true, count: 4 });
  expect(await seedInbox(t.db, now)).toEqual({ seeded: false, count: 0 });

  const mine = ok(await t.call(ZHOU, myQuestions, {}));
  expect(mine.total).toBe(4);
  expect(mine.items.find((q) => q.id === 'inbox-demo-1')).toMatchObject({ status: 'answered', rating: { satisfied: true }, canRate: false });

  const inbox = ok(await t.call(WANGLI, staffInbox, {}));
  expect(inbox).toMatchObject({ total: 4, openCount: 3, overdueCount: 1 });
  expect(inbox.items.map((q) => q.id)).toEqual(['inbox-demo-3', 'inbox-demo-2', 'inbox-demo-4', 'inbox-demo-1']);
  expect(inbox.items[2]!.staffDetails?.notifyStatus).toBe('failed');

  const month = localMonthOf(new Date(now.getTime() - 4 * 3600_000));
  const counts = ok(await t.call(WANGLI, satisfiedCounts, { month }));
  expect(counts.items.find((i) => i.staffId === 'staff-wangli')).toMatchObject({ satisfiedAnswers: 1, points: 0.5 });
});
