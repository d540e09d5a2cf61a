/**
 * Demo work records and duty shifts for 曹杨一村 (committee-310107005001): the 30 days up to
 * `now` of 走访, 首问接待, 会议记录, 活动开展 and 问题处置, and the current Shanghai week of
 * 错时值班. Deterministic ids, so a second run is a no-op. Call after seedDemo:
 *   await seedDemo(db); await seedWorklog(db, new Date());
 */
import type { Database } from '../../cloudfunctions/_kit/cloud';
import { collection } from '../../cloudfunctions/_kit/store';
import type { ShiftDoc } from '../../shared/domain/roster';
import type { OrderHistoryEntry, OrderStatus, VisitKind, WorkOrderDoc, WorkRecordDoc } from '../../shared/domain/worklog';
import { calendarDay } from '../../shared/roster/calendar';
import { addDays, naturalKind, shiftInstants, signInVerdict, weekStart } from '../../shared/roster/shift';
import { localDateOf, startOfLocalDate } from '../../shared/time';
import { householdKeyOf } from '../../shared/worklog/household';
import { editableUntil } from '../../shared/worklog/rules';
import { dueByOf } from '../../shared/worklog/workorder';
import { demoDistrict } from './demo-district';

const COMMITTEE = demoDistrict.home._id;
const WANGLI = { id: 'staff-wangli', name: '王丽' };
const ZHANGMIN = { id: 'staff-zhangmin', name: '张敏' };
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['秀英', '桂兰', '建国', '国强', '玉珍', '志明', '美华', '德兴', '凤英', '金宝', '雪芳', '永福'];
const REASONS: [VisitKind, string, string, string | null][] = [
  ['ordinary', '例行走访，了解家庭近况', '老两口同住，子女周末探望', null],
  ['special', '独居老人关爱走访', '独居，子女在外地', '希望有人定期上门陪聊'],
  ['special', '困难家庭走访，了解帮扶需求', '三口之家，一人失业', '咨询临时救助申请'],
  ['line', '民政条线：高龄津贴材料核对', '户主 86 岁，与保姆同住', null],
  ['ordinary', '加装电梯意见征询', '一家四口，三代同堂', '担心施工噪音'],
  ['line', '计生条线：新生儿随访', '新生儿家庭，父母均在职', '咨询医保登记'],
];

/** A small deterministic generator, so the demo month is the same on every machine. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function base(id: string, staff: { id: string; name: string }, at: Date) {
  // created shortly after the work; old records are past their edit window, as in real use
  const createdAt = new Date(at.getTime() + HOUR);
  return { _id: id, committeeId: COMMITTEE, staffId: staff.id, staffName: staff.name, at, createdAt, updatedAt: createdAt, editableUntil: editableUntil(createdAt), removedAt: null };
}

function records(now: Date): WorkRecordDoc[] {
  const rand = lcg(310107005);
  const out: WorkRecordDoc[] = [];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const daytime = (daysAgo: number) => new Date(startOfLocalDate(localDateOf(new Date(now.getTime() - daysAgo * DAY))).getTime() + (9 + Math.floor(rand() * 8)) * HOUR + Math.floor(rand() * 60) * 60_000);
  const past = (d: Date) => (d.getTime() < now.getTime() - HOUR ? d : new Date(now.getTime() - 2 * HOUR));

  // 走访: 张敏 34 visits to 31 households (a few revisits), 王丽 14
  for (const [staff, count, first] of [[ZHANGMIN, 34, 1], [WANGLI, 14, 200]] as const) {
    for (let i = 0; i < count; i++) {
      const n = first + (i % (count - 3));
      const [kind, reason, family, difficulty] = pick(REASONS);
      out.push({
        ...base(`seed-wl-visit-${staff.id}-${i}`, staff, past(daytime(Math.floor((i * 29) / count)))),
        type: 'visit',
        visit: { residentName: pick(SURNAMES) + pick(GIVEN), building: `${(n % 40) + 1}号`, room: `${(Math.floor(n / 40) % 6) + 1}0${(n % 4) + 1}室`, householdKey: '', familySituation: family, reason, difficulty, kind, line: kind === 'line' ? reason.slice(0, 2) : null, remark: null, photoFileIds: [] },
      });
    }
  }
  for (const r of out) if (r.type === 'visit') r.visit.householdKey = householdKeyOf(r.visit.building, r.visit.room);

  // 首问接待: confirmed by scan (周阿姨's OPENID) or by signature, a couple still pending
  const matters = ['咨询居住证办理', '办理高龄津贴申请', '开具居住证明', '咨询廉租房政策', '反映楼道灯不亮', '咨询老年助餐点'];
  for (let i = 0; i < 12; i++) {
    const staff = i % 3 === 0 ? WANGLI : ZHANGMIN;
    const at = past(daytime(i * 2));
    const method = i % 4 === 0 ? 'scan' : i % 4 === 3 ? null : 'signature';
    out.push({
      ...base(`seed-wl-reception-${i}`, staff, at),
      type: 'reception',
      reception: {
        residentName: pick(SURNAMES) + pick(GIVEN),
        building: `${(i % 12) + 1}号`,
        room: `${(i % 5) + 1}02室`,
        category: i % 2 ? 'service' : 'consult',
        matter: matters[i % matters.length]!,
        outcome: '已当场答复，告知所需材料和办理时限',
        confirmation: {
          status: method ? 'confirmed' : 'pending',
          tokenHash: null,
          tokenExpiresAt: null,
          method,
          confirmedAt: method ? new Date(at.getTime() + 10 * 60_000) : null,
          confirmedByOpenid: method === 'scan' ? 'dev-openid-resident-zhou' : null,
          signatureFileId: method === 'signature' ? `cloud://shequyun-local.demo/signatures/seed-${i}.png` : null,
          signerName: method === 'signature' ? '居民签名' : null,
          capturedBy: method === 'signature' ? staff.id : null,
        },
      },
    });
  }

  // 会议记录 and 活动开展
  const meetings = ['居委会工作例会', '加装电梯协调会', '楼组长联席会议', '垃圾分类推进会', '党建联席会议', '居民代表会议'];
  meetings.forEach((topic, i) =>
    out.push({ ...base(`seed-wl-meeting-${i}`, WANGLI, past(daytime(i * 5 + 1))), type: 'meeting', meeting: { topic, attendeeCount: 6 + i, attendees: ['王丽', '张敏'], minutes: `${topic}：通报本周工作，讨论居民反映的问题。`, decisions: ['下周前完成意见收集'] } }),
  );
  const activities: [string, string, number][] = [['敬老理发', '居委会活动室', 26], ['垃圾分类宣传', '小区中心广场', 48], ['重阳节慰问', '各楼组', 35]];
  activities.forEach(([title, place, attendance], i) =>
    out.push({ ...base(`seed-wl-activity-${i}`, ZHANGMIN, past(daytime(i * 9 + 3))), type: 'activity', activity: { title, place, attendance, description: null, photoFileIds: [`cloud://shequyun-local.demo/activities/seed-${i}.jpg`] } }),
  );
  return out;
}

function orders(now: Date): WorkOrderDoc[] {
  const today = localDateOf(now);
  const spec: [title: string, reportedDaysAgo: number, dueInDays: number, steps: [OrderStatus, number][]][] = [
    ['12号楼楼道堆物', 20, -15, [['assigned', 20], ['handled', 17], ['closed', 16]]],
    ['小区东门路灯损坏', 14, -10, [['assigned', 14], ['handled', 8], ['closed', 7]]], // closed after due: 超期已结
    ['5号楼外墙渗水', 10, -3, [['assigned', 10]]], // open past due: 超期未结
    ['非机动车棚充电线私拉', 4, 3, [['assigned', 4], ['handled', 1]]],
    ['绿化带垃圾堆放', 1, 5, []],
  ];
  return spec.map(([title, reportedAgo, dueIn, steps], i) => {
    const reportedAt = new Date(now.getTime() - reportedAgo * DAY);
    const history: OrderHistoryEntry[] = [{ event: 'report', from: null, to: 'reported', by: ZHANGMIN.id, at: reportedAt, note: null, assigneeId: null }];
    for (const [to, ago] of steps) {
      const from = history.at(-1)!.to;
      const event = to === 'assigned' ? 'assign' : to === 'handled' ? 'handle' : 'close';
      history.push({ event, from, to, by: event === 'handle' ? ZHANGMIN.id : WANGLI.id, at: new Date(now.getTime() - ago * DAY + HOUR), note: event === 'handle' ? '已现场处理并拍照' : null, assigneeId: event === 'assign' ? ZHANGMIN.id : null });
    }
    const last = history.at(-1)!;
    const dueDate = addDays(today, dueIn);
    return {
      _id: `seed-wl-order-${i}`,
      committeeId: COMMITTEE,
      title,
      description: `${title}，居民反映，需要处理。`,
      place: null,
      reportedBy: ZHANGMIN.id,
      reportedAt,
      assigneeId: history.length > 1 ? ZHANGMIN.id : null,
      status: last.to,
      dueDate,
      dueBy: dueByOf(dueDate),
      resolution: history.some((h) => h.event === 'handle') ? '已现场处理并拍照' : null,
      closedAt: last.to === 'closed' ? last.at : null,
      lastEventAt: last.at,
      history,
      version: history.length,
    };
  });
}

/** The current Shanghai week: evenings on working days, mornings at weekends and holidays. */
function shifts(now: Date): ShiftDoc[] {
  const monday = weekStart(localDateOf(now));
  const out: ShiftDoc[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(monday, i);
    const day = calendarDay(date);
    const rest = day.type === 'weekend' || day.type === 'holiday';
    const [start, end] = rest ? ['09:00', '11:30'] : ['17:30', '20:00'];
    const staff = i % 2 === 0 ? ZHANGMIN : WANGLI;
    const { startAt, endAt } = shiftInstants(date, start, end);
    // shifts already under way or over were signed in on time, as a diligent committee would
    const signedInAt = startAt.getTime() - 5 * 60_000 < now.getTime() ? new Date(startAt.getTime() - 5 * 60_000) : null;
    out.push({
      _id: `seed-wl-shift-${date}`,
      committeeId: COMMITTEE,
      staffId: staff.id,
      staffName: staff.name,
      date,
      start,
      end,
      startAt,
      endAt,
      kind: naturalKind(day, start),
      note: null,
      plannedBy: WANGLI.id,
      createdAt: new Date(startOfLocalDate(monday).getTime() - DAY),
      signedInAt,
      attended: signedInAt !== null && signInVerdict({ startAt, endAt }, signedInAt) === 'on_time',
    });
  }
  return out;
}

export async function seedWorklog(db: Database, now: Date): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if (await collection(db, 'worklog_records').byId('seed-wl-meeting-0')) return { seeded: false, counts: {} };
  const batches: [string, object[]][] = [
    ['worklog_records', records(now)],
    ['worklog_orders', orders(now)],
    ['roster_shifts', shifts(now)],
  ];
  const counts: Record<string, number> = {};
  for (const [name, docs] of batches) {
    await db.collection(name).add(docs);
    counts[name] = docs.length;
  }
  return { seeded: true, counts };
}
