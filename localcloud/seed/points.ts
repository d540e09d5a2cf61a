/**
 * Demo points-card entries for `npm start`: last month's card of 张敏 (staff-zhangmin) gets two
 * days of 专项行动, a training and an adopted article, entered by 王丽 with evidence notes, so
 * the card shows computed and entered items side by side. The card is left unsigned so the
 * sign-off can be tried. Runs once: an existing first entry means it has run.
 */
import type { Database } from '../../cloudfunctions/_kit/cloud';
import { collection } from '../../cloudfunctions/_kit/store';
import type { EntryPayload, PointsEntryDoc } from '../../shared/domain/points';
import { dayjs, localMonthOf, monthWindow, SHANGHAI } from '../../shared/time';
import { demoDistrict } from './demo-district';

const FIRST_ID = 'points-demo-1';

export async function seedPoints(db: Database, now: Date = new Date()): Promise<{ seeded: boolean; count: number }> {
  if (await collection(db, 'points_entries').byId(FIRST_ID)) return { seeded: false, count: 0 };

  const month = localMonthOf(dayjs(now).tz(SHANGHAI).subtract(1, 'month').toDate());
  const { from } = monthWindow(month);
  const day = (n: number) => dayjs(from).add(n, 'day').format('YYYY-MM-DD');
  const entries: [EntryPayload, string][] = [
    [{ kind: 'specialAction', date: day(4), title: '街道“美丽家园”环境整治专项行动' }, '街道专项行动工作计划（第3批）'],
    [{ kind: 'specialAction', date: day(5), title: '街道“美丽家园”环境整治专项行动' }, '街道专项行动工作计划（第3批）'],
    [{ kind: 'training', level: 'district', date: day(11), title: '区民政条线业务培训' }, '区民政局培训通知及签到表'],
    [{ kind: 'publicity', level: 'street', title: '曹杨一村“邻里节”活动报道' }, '街道微信公众号推文'],
  ];
  const docs: PointsEntryDoc[] = entries.map(([entry, note], i) => ({
    _id: `points-demo-${i + 1}`,
    committeeId: demoDistrict.home._id,
    staffId: 'staff-zhangmin',
    month,
    entry,
    evidence: { fileIds: [], text: note },
    createdBy: 'staff-wangli',
    createdAt: now,
    removedAt: null,
    removedBy: null,
  }));
  await db.collection('points_entries').add(docs);
  return { seeded: true, count: docs.length };
}
