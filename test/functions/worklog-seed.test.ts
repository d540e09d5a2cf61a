/** The demo month for `npm start` is readable through the functions, and seeding twice is a no-op. */
import { committeeStats, listRecords, monthSummary } from '../../shared/contracts/worklog';
import { week } from '../../shared/contracts/roster';
import { seedWorklog } from '../../localcloud/seed/worklog';
import { localDateOf, localMonthOf } from '../../shared/time';
import { WANGLI, ZHANGMIN } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const t = useTestCloud();

it('seeds a month of records, orders and this week’s shifts once', async () => {
  const now = new Date();
  expect(await seedWorklog(t.db, now)).toEqual({ seeded: true, counts: { worklog_records: 69, worklog_orders: 5, roster_shifts: 7 } });
  expect((await seedWorklog(t.db, now)).seeded).toBe(false);

  // the 30 days span at most two Shanghai months; together they hold every record
  const months = [...new Set([localMonthOf(new Date(now.getTime() - 30 * 86_400_000)), localMonthOf(now)])];
  let total = 0;
  let households = 0;
  for (const month of months) {
    total += ok(await t.call(WANGLI, listRecords, { month, scope: 'committee', limit: 1 })).total;
    households += ok(await t.call(ZHANGMIN, monthSummary, { month })).staff[0]!.householdsVisited;
  }
  expect(total).toBe(69);
  expect(households).toBeGreaterThanOrEqual(31);

  // one order is open past its due date, right now
  expect(ok(await t.call(WANGLI, committeeStats, { month: localMonthOf(now) })).overdueOpen).toBe(1);
  const w = ok(await t.call(ZHANGMIN, week, { date: localDateOf(now) }));
  expect(w.days.every((d) => d.shifts.length === 1)).toBe(true);
});
