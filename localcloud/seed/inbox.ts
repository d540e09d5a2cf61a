/**
 * Demo questions for `npm start`: 周阿姨 (dev-openid-resident-zhou) has asked 曹杨一村 four
 * questions — one answered and rated satisfied, one handed over after an interim reply, one
 * overdue, one whose WeCom notice failed (to try 重发通知). Times are relative to `now` so the
 * overdue flag and the month's 线上反馈 count show on any day. Runs once: an existing first
 * question means it has run.
 *
 * Reading and rating need only her OPENID; asking a new question needs a claimed household
 * (principal role 'resident'), which the household seed gives her.
 */
import { householdDocId } from '../../cloudfunctions/household/ids';
import { DEMO_MEMBER, DEMO_REGISTER_COMMITTEE } from './household';
import type { Database } from '../../cloudfunctions/_kit/cloud';
import { collection } from '../../cloudfunctions/_kit/store';
import type { QuestionDoc, QuestionNotify } from '../../shared/domain/inbox';
import { newQuestion } from '../../shared/inbox';
import { demoDistrict } from './demo-district';

const HOUR = 3600_000;
const ASKER = 'dev-openid-resident-zhou';
const FIRST_ID = 'inbox-demo-1';

export async function seedInbox(db: Database, now: Date = new Date()): Promise<{ seeded: boolean; count: number }> {
  if (await collection(db, 'inbox_questions').byId(FIRST_ID)) return { seeded: false, count: 0 };

  const home = demoDistrict.home;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const sent: QuestionNotify = { status: 'sent', recipients: ['staff-wangli', 'staff-zhangmin'], audience: 'committee', attempts: 1, lastAttemptAt: null, error: null };
  const question = (id: string, content: string, askedHoursAgo: number, rest: Partial<QuestionDoc>): QuestionDoc => {
    const asked = newQuestion({ id, committee: home, askerOpenid: ASKER, householdId: householdDocId(DEMO_REGISTER_COMMITTEE, DEMO_MEMBER.householdId), content, askedAt: at(askedHoursAgo) });
    return { ...asked, notify: { ...sent, lastAttemptAt: asked.askedAt }, ...rest };
  };

  const docs: QuestionDoc[] = [
    question('inbox-demo-1', '请问老年人免费乘车卡在哪里办理？需要带什么材料？', 6, {
      status: 'answered',
      replies: [{ id: 'demo-r1', staffId: 'staff-wangli', staffName: '王丽', text: '年满70周岁可办理，请带身份证和一寸照片到居委会一楼服务台，工作日9:00-17:00，周六上午也有人值班。', at: at(5), complete: true }],
      answeredBy: 'staff-wangli',
      answeredAt: at(5),
      rating: { satisfied: true, at: at(4) },
    }),
    question('inbox-demo-2', '我家楼上漏水，物业一直不来处理，怎么办？', 10, {
      replies: [{ id: 'demo-r2', staffId: 'staff-zhangmin', staffName: '张敏', text: '已收到，我们今天联系物业核实。', at: at(9), complete: false }],
      handovers: [{ fromStaffId: 'staff-zhangmin', toStaffId: 'staff-wangli', note: '涉及物业，请书记协调', at: at(8) }],
      assigneeStaffId: 'staff-wangli',
    }),
    question('inbox-demo-3', '小区东门的路灯坏了一个星期了，晚上出门很不方便。', 30, {}),
    question('inbox-demo-4', '社区食堂周末开门吗？', 1, { notify: { ...sent, status: 'failed', recipients: ['staff-zhangmin'], audience: 'on_duty', error: 'WECOM_ERROR', lastAttemptAt: at(1) } }),
  ];
  await db.collection('inbox_questions').add(docs);
  return { seeded: true, count: docs.length };
}
