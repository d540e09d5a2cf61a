/**
 * The monthly points card through the real path (runner → bundle → SDK → local cloud). The
 * source records are written straight into the worklog, roster and inbox collections in their
 * stored shapes (shared/domain/worklog.ts, roster.ts, inbox.ts): their actions refuse anything
 * dated more than 7 days back, and a card needs whole past months.
 */
import { auditEntries } from '../../cloudfunctions/_kit/audit';
import { addEntry, correctCard, getCard, listCards, listDecisions, recordDecision, removeEntry, signCard } from '../../shared/contracts/points';
import type { QuestionDoc } from '../../shared/domain/inbox';
import type { StaffDoc } from '../../shared/domain/people';
import type { ShiftDoc } from '../../shared/domain/roster';
import type { WorkRecordDoc } from '../../shared/domain/worklog';
import { localMonthOf } from '../../shared/time';
import { householdKeyOf } from '../../shared/worklog/household';
import { demoDistrict } from '../../localcloud/seed/demo-district';
import { DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHOU } from '../support/demo-identities';
import { ok, useTestCloud, type TestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const HOME = DEMO.home._id; // 曹杨一村: 王丽 (书记), 张敏 (社工)
const OTHER = DEMO.neighbour._id; // 曹杨二村: 李强 (社工) and a secretary added below
const SECRETARY = WANGLI;
const ZM = DEMO.staffId(ZHANGMIN);
const WL = DEMO.staffId(WANGLI);
const OTHER_SECRETARY = 'test-openid-secb';
const EVIDENCE = { fileIds: ['cloud://env-test.7465/points/plan.jpg'], text: null };

const t = useTestCloud({ prepare });
let seq = 0;
const id = (p: string) => `${p}-${++seq}`;
const at = (iso: string) => new Date(iso);

function base(staffId: string, when: string) {
  const d = at(when);
  return { _id: id('rec'), committeeId: HOME, staffId, staffName: '张敏', at: d, createdAt: d, updatedAt: d, editableUntil: d, removedAt: null as Date | null };
}

function visit(staffId: string, when: string, building: string, room: string): WorkRecordDoc {
  const visitFields = { residentName: '居民', building, room, householdKey: householdKeyOf(building, room), familySituation: '二人同住', reason: '走访', difficulty: null, kind: 'ordinary' as const, line: null, remark: null, photoFileIds: [] };
  return { ...base(staffId, when), type: 'visit', visit: visitFields };
}

function reception(staffId: string, when: string, confirmed: boolean): WorkRecordDoc {
  const confirmation = { status: confirmed ? ('confirmed' as const) : ('pending' as const), tokenHash: null, tokenExpiresAt: null, method: confirmed ? ('scan' as const) : null, confirmedAt: confirmed ? at(when) : null, confirmedByOpenid: confirmed ? 'resident-x' : null, signatureFileId: null, signerName: null, capturedBy: null };
  return { ...base(staffId, when), type: 'reception', reception: { residentName: null, building: null, room: null, category: 'consult', matter: '咨询', outcome: '已答复', confirmation } };
}

function shift(staffId: string, date: string, signedIn: 'on_time' | 'late' | 'missed'): ShiftDoc {
  const startAt = at(`${date}T10:00:00Z`); // 18:00 Shanghai
  return {
    _id: id('shift'),
    committeeId: HOME,
    staffId,
    staffName: '张敏',
    date,
    start: '18:00',
    end: '20:00',
    startAt,
    endAt: at(`${date}T12:00:00Z`),
    kind: 'evening',
    note: null,
    plannedBy: WL,
    createdAt: startAt,
    signedInAt: signedIn === 'missed' ? null : new Date(startAt.getTime() + (signedIn === 'on_time' ? 5 : 40) * 60_000),
    attended: signedIn === 'on_time',
  };
}

function question(staffId: string, ratedAt: string, satisfied: boolean): QuestionDoc {
  const asked = new Date(at(ratedAt).getTime() - 3600_000);
  return {
    _id: id('q'),
    committeeId: HOME,
    streetId: DEMO.home.streetId,
    districtId: DEMO.district._id,
    askerOpenid: 'resident-x',
    householdId: 'hh-1',
    content: '垃圾分类几点开放？',
    askedAt: asked,
    dueAt: at(ratedAt),
    status: 'answered',
    assigneeStaffId: null,
    replies: [{ id: 'r1', staffId, staffName: '张敏', text: '每天 7-9 点、18-20 点', at: asked, complete: true }],
    handovers: [],
    answeredBy: staffId,
    answeredAt: asked,
    rating: { satisfied, at: at(ratedAt) },
    notify: { status: 'sent', recipients: [staffId], audience: 'on_duty', attempts: 1, lastAttemptAt: asked, error: null },
  };
}

async function auditCount(action: string, subjectId: string): Promise<number> {
  return (await auditEntries(t.db, { action, subjectId })).length;
}

async function prepare(cloud: TestCloud) {
  const secB: StaffDoc = { _id: 'staff-secb', corpId: demoDistrict.staff[0]!.corpId, userId: 'secb', openid: OTHER_SECRETARY, name: '孙书记', roles: ['secretary', 'staff'], committeeId: OTHER, streetId: DEMO.home.streetId, districtId: DEMO.district._id, active: true };
  await cloud.db.collection('staff').add(secB);

  // October 2026 for 张敏, worked by hand in the first test
  const records: WorkRecordDoc[] = [];
  for (let i = 0; i < 12; i++) records.push(reception(ZM, `2026-10-${String(i + 2).padStart(2, '0')}T02:00:00Z`, true));
  records.push(reception(ZM, '2026-10-20T02:00:00Z', false)); // not confirmed by the resident: no points
  for (let i = 1; i <= 27; i++) records.push(visit(ZM, i === 1 ? '2026-09-30T16:30:00Z' /* 10-01 00:30 Shanghai */ : '2026-10-10T03:00:00Z', '5号楼', `${100 + i}室`));
  records.push(visit(ZM, '2026-10-12T03:00:00Z', '5号楼', '102室'), visit(ZM, '2026-10-13T03:00:00Z', '5号楼', '103室')); // revisits: same households
  records.push({ ...visit(ZM, '2026-10-14T03:00:00Z', '6号楼', '101室'), removedAt: at('2026-10-14T05:00:00Z') }); // removed: never counted
  records.push(visit(ZM, '2026-10-31T16:30:00Z', '6号楼', '102室')); // 11-01 00:30 Shanghai: November
  records.push(visit(WL, '2026-10-10T03:00:00Z', '7号楼', '101室')); // a colleague's
  await cloud.db.collection('worklog_records').add(records);
  const shifts = ['2026-10-03', '2026-10-10', '2026-10-17', '2026-10-24'].map((d) => shift(ZM, d, 'on_time'));
  shifts.push(shift(ZM, '2026-10-25', 'late'), shift(ZM, '2026-10-26', 'missed'));
  await cloud.db.collection('roster_shifts').add(shifts);
  const questions = [...Array(9).keys()].map((i) => question(ZM, `2026-10-${String(i + 5).padStart(2, '0')}T06:00:00Z`, i < 7));
  questions.push(question(ZM, '2026-10-31T17:00:00Z', true)); // rated 11-01 01:00 Shanghai: November's
  await cloud.db.collection('inbox_questions').add(questions);
}

const october = () => t.call(ZHANGMIN, getCard, { month: '2026-10' });

describe('the computed card', () => {
  it('scores October from the records, worked by hand', async () => {
    // two days of 专项行动, entered by the secretary with the action plan as evidence
    for (const date of ['2026-10-08', '2026-10-09']) ok(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry: { kind: 'specialAction', date, title: '迎国庆环境整治' }, evidence: EVIDENCE }));
    const card = ok(await october()).card;
    expect(card.status).toBe('open');
    expect(card.counts).toEqual({ receptionsConfirmed: 12, receptionsPending: 1, satisfiedAnswers: 7, visits: 29, householdsVisited: 27, shiftsAttended: 4, shiftsPlanned: 6 });
    const score = Object.fromEntries(card.items.map((i) => [i.id, i.score]));
    expect(score).toMatchObject({
      firstContact: 2.4, // 12 confirmed receptions × 0.2 (the pending one earns nothing)
      onlineFeedback: 3.5, // 7 satisfied of 9 answers × 0.5 (the November rating is November's)
      communityVisits: 8.5, // 27 distinct households (29 visits, 2 revisits): 10 − 3 × 0.5
      staggeredDuty: 2, // 4 on-time shifts × 0.5 (late and missed earn nothing)
      specialActions: 1, // 2 days × 0.5
      volunteering: 0,
      awards: 0,
      complaints: 0,
    });
    expect(card.totals.total).toBe(17.4); // 2.4 + 3.5 + 8.5 + 2 + 1
    expect(card.effectiveTotal).toBe(17.4);
    // the secretary sees the same card
    expect(ok(await t.call(SECRETARY, getCard, { staffId: ZM, month: '2026-10' })).card.totals.total).toBe(17.4);
  });

  it('lists the committee’s cards for the secretary and only one’s own for staff', async () => {
    const all = ok(await t.call(SECRETARY, listCards, { month: '2026-10' })).items;
    expect(all.map((c) => c.staffId).sort()).toEqual([WL, ZM]);
    expect(all.find((c) => c.staffId === ZM)).toMatchObject({ status: 'open', total: 17.4 });
    expect(ok(await t.call(ZHANGMIN, listCards, { month: '2026-10' })).items.map((c) => c.staffId)).toEqual([ZM]);
  });

  it('never shows a colleague’s card to a staff member, nor another committee’s to a secretary', async () => {
    expect(await t.call(ZHANGMIN, getCard, { staffId: WL, month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, getCard, { staffId: ZM, month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // another committee's staff member is not found: ids never reveal what exists elsewhere
    expect(await t.call(OTHER_SECRETARY, getCard, { staffId: ZM, month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(ZHOU, getCard, { month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(ZHANGMIN, getCard, { month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('entries', () => {
  it('refuses entries from staff, from another committee’s secretary, and on the secretary’s own card', async () => {
    const entry = { kind: 'training', level: 'street', date: '2026-10-15', title: '岗位培训' };
    expect(await t.call(ZHANGMIN, addEntry, { staffId: ZM, month: '2026-10', entry, evidence: EVIDENCE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(OTHER_SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry, evidence: EVIDENCE })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(SECRETARY, addEntry, { staffId: WL, month: '2026-10', entry, evidence: EVIDENCE })).toMatchObject({ ok: false, error: { code: 'CARD_OWN' } });
  });

  it('asks for evidence and keeps dated entries in their month', async () => {
    const award = { kind: 'award', level: 'city', holder: 'personal', title: '市优秀社区工作者' };
    expect(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry: award })).toMatchObject({ ok: false, error: { code: 'EVIDENCE_REQUIRED' } });
    const late = { kind: 'volunteer', date: '2026-11-01', title: '敬老院' };
    expect(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry: late, evidence: EVIDENCE })).toMatchObject({ ok: false, error: { code: 'ENTRY_OUTSIDE_MONTH' } });
    expect(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry: { kind: 'complaint', points: -2, decisionId: 'd', reason: '态度' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('adds and removes an entered item before signing', async () => {
    const e = ok(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry: { kind: 'award', level: 'district', holder: 'personal', title: '区优秀社工' }, evidence: { text: '证书编号 PT-2026-118' } })).entry;
    expect(ok(await october()).card.totals.total).toBe(21.4); // 17.4 + 区级个人奖项 4
    ok(await t.call(SECRETARY, removeEntry, { entryId: e.id }));
    expect(ok(await october()).card.totals.total).toBe(17.4);
  });
});

describe('deductions and decisions', () => {
  let decisionId = '';

  it('records a collective decision; staff cannot, and one participant is not collective', async () => {
    const input = { date: '2026-10-30', meeting: '2026年10月居委会班子会议 第2项', participants: ['王丽', '刘明', '陈芳'], text: '张敏10月17日接待态度生硬被投诉，经核实属实，扣4分', staffIds: [ZM] };
    expect(await t.call(ZHANGMIN, recordDecision, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(SECRETARY, recordDecision, { ...input, participants: ['王丽'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const d = ok(await t.call(SECRETARY, recordDecision, input, 'req-decision-0001')).decision;
    expect(ok(await t.call(SECRETARY, recordDecision, input, 'req-decision-0001')).decision.id).toBe(d.id); // a retry records it once
    expect(ok(await t.call(SECRETARY, listDecisions, {})).items.map((x) => x.id)).toEqual([d.id]);
    decisionId = d.id;
  });

  it('refuses a deduction without a decision of this committee about this person', async () => {
    const complaint = (decision: string) => ({ staffId: ZM, month: '2026-10', entry: { kind: 'complaint', points: -4, decisionId: decision, reason: '接待态度生硬' } });
    expect(await t.call(SECRETARY, addEntry, complaint('no-such-decision'))).toMatchObject({ ok: false, error: { code: 'DECISION_REQUIRED' } });
    const theirs = ok(await t.call(OTHER_SECRETARY, recordDecision, { date: '2026-10-30', meeting: '曹杨二村班子会议', participants: ['孙书记', '李强'], text: '李强扣分', staffIds: [DEMO.staffId(LIQIANG)] })).decision;
    expect(await t.call(SECRETARY, addEntry, complaint(theirs.id))).toMatchObject({ ok: false, error: { code: 'DECISION_REQUIRED' } });
    const aboutWangli = ok(await t.call(SECRETARY, recordDecision, { date: '2026-10-30', meeting: '班子会议', participants: ['王丽', '刘明'], text: '与张敏无关', staffIds: [WL] })).decision;
    expect(await t.call(SECRETARY, addEntry, complaint(aboutWangli.id))).toMatchObject({ ok: false, error: { code: 'DECISION_REQUIRED' } });
    expect(ok(await october()).card.totals.total).toBe(17.4);
  });

  it('subtracts a decided deduction', async () => {
    ok(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry: { kind: 'complaint', points: -4, decisionId, reason: '接待态度生硬' } }));
    const card = ok(await october()).card;
    expect(card.items.find((i) => i.id === 'complaints')!.score).toBe(-4);
    expect(card.totals.total).toBe(13.4); // 17.4 − 4
  });

  it('zeroes a month on a 安全守纪 breach, recorded with its decision', async () => {
    ok(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-09', entry: { kind: 'award', level: 'street', holder: 'personal', title: '街道先进' }, evidence: EVIDENCE }));
    expect(ok(await t.call(ZHANGMIN, getCard, { month: '2026-09' })).card.totals.total).toBe(3);
    expect(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-09', entry: { kind: 'safetyBreach', decisionId: 'none', reason: '值班擅离岗位' } })).toMatchObject({ ok: false, error: { code: 'DECISION_REQUIRED' } });
    const d = ok(await t.call(SECRETARY, recordDecision, { date: '2026-10-08', meeting: '9月专题班子会议', participants: ['王丽', '刘明', '陈芳'], text: '张敏9月值班期间擅离岗位，当月积分清零', staffIds: [ZM] })).decision;
    ok(await t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-09', entry: { kind: 'safetyBreach', decisionId: d.id, reason: '值班擅离岗位' } }));
    const card = ok(await t.call(ZHANGMIN, getCard, { month: '2026-09' })).card;
    expect(card.totals).toMatchObject({ main: 3, reset: true, total: 0 });
    expect(ok(await t.call(SECRETARY, signCard, { staffId: ZM, month: '2026-09' })).card.effectiveTotal).toBe(0);
  });
});

describe('sign-off', () => {
  it('is the secretary’s, for a finished month, never staff’s', async () => {
    expect(await t.call(ZHANGMIN, signCard, { staffId: ZM, month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(ZHANGMIN, signCard, { staffId: WL, month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(OTHER_SECRETARY, signCard, { staffId: ZM, month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(SECRETARY, signCard, { staffId: WL, month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'CARD_OWN' } });
    expect(await t.call(SECRETARY, signCard, { staffId: ZM, month: localMonthOf(new Date()) })).toMatchObject({ ok: false, error: { code: 'CARD_MONTH_OPEN' } });
  });

  it('freezes the inputs and the result with who, when and the rubric version', async () => {
    const before = Date.now();
    const card = ok(await t.call(SECRETARY, signCard, { staffId: ZM, month: '2026-10' }, 'req-sign-zm-2026-10')).card;
    expect(card.status).toBe('signed');
    // the client retrying the same request gets the same card, not a refusal
    expect(ok(await t.call(SECRETARY, signCard, { staffId: ZM, month: '2026-10' }, 'req-sign-zm-2026-10')).card.signature).toEqual(card.signature);
    expect(await auditCount('points.refused', `${ZM}_2026-10`)).toBe(0);
    expect(card.signature).toMatchObject({ signedBy: WL, signedByName: '王丽', rubricId: 'baishihui-points-card', rubricVersion: '1.0.0' });
    expect(new Date(card.signature!.signedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(card.totals.total).toBe(13.4);
    expect(await auditCount('points.sign', `${ZM}_2026-10`)).toBe(1);

    // a reception confirmed later in October's records does not move the signed card
    await t.db.collection('worklog_records').add(reception(ZM, '2026-10-29T02:00:00Z', true));
    const read = ok(await october()).card;
    expect(read.counts.receptionsConfirmed).toBe(12);
    expect(read.totals.total).toBe(13.4);
    expect(read.values.householdsVisited).toBe(27);
  });

  it('refuses and audits every change to a signed card', async () => {
    const cardId = `${ZM}_2026-10`;
    const entryId = ok(await october()).card.entries[0]!.id;
    const attempts = [
      t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry: { kind: 'volunteer', date: '2026-10-05', title: '敬老院' }, evidence: EVIDENCE }),
      t.call(SECRETARY, addEntry, { staffId: ZM, month: '2026-10', entry: { kind: 'complaint', points: -3, decisionId: ok(await t.call(SECRETARY, listDecisions, {})).items.find((d) => d.staffIds.includes(ZM))!.id, reason: '再次投诉' } }),
      t.call(SECRETARY, removeEntry, { entryId }),
      t.call(SECRETARY, signCard, { staffId: ZM, month: '2026-10' }),
    ];
    for (const res of await Promise.all(attempts)) expect(res).toMatchObject({ ok: false, error: { code: 'CARD_SIGNED', message: expect.stringMatching(/已签名/) } });
    expect(await auditCount('points.refused', cardId)).toBe(4);
    const card = ok(await october()).card;
    expect(card.entries.map((e) => e.id)).toContain(entryId);
    expect(card.totals.total).toBe(13.4);
  });

  it('records a correction beside the signed card, never over it', async () => {
    expect(await t.call(SECRETARY, correctCard, { staffId: ZM, month: '2026-08', reason: '补录', counts: { householdsVisited: 30 } })).toMatchObject({ ok: false, error: { code: 'CARD_NOT_SIGNED' } });
    expect(await t.call(ZHANGMIN, correctCard, { staffId: ZM, month: '2026-10', reason: '补录', counts: { householdsVisited: 30 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(SECRETARY, correctCard, { staffId: ZM, month: '2026-10', reason: '无变化', counts: { householdsVisited: 27 } })).toMatchObject({ ok: false, error: { code: 'CORRECTION_EMPTY' } });
    expect(await t.call(SECRETARY, correctCard, { staffId: ZM, month: '2026-10', reason: 'x', counts: { safetyOrDisciplineBreach: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const fix = { staffId: ZM, month: '2026-10', reason: '三户走访记录补交纸质台账', evidence: { text: '《居民区走访记录》第12-14页' }, counts: { householdsVisited: 30 } };
    const fixed = ok(await t.call(SECRETARY, correctCard, fix, 'req-correct-zm-1')).card;
    expect(ok(await t.call(SECRETARY, correctCard, fix, 'req-correct-zm-1')).card.corrections).toHaveLength(1); // a retry applies once
    expect(fixed.totals.total).toBe(13.4); // the signed card as it was
    expect(fixed.corrections).toEqual([expect.objectContaining({ sequence: 1, changes: [{ key: 'householdsVisited', before: 27, after: 30 }], total: 14.9, byName: '王丽' })]);
    expect(fixed.effectiveTotal).toBe(14.9); // 13.4 + (10 − 8.5)
    expect(await auditCount('points.correct', `${ZM}_2026-10`)).toBe(1);
    // the staff member sees both, side by side
    const mine = ok(await october()).card;
    expect([mine.totals.total, mine.corrections.length, mine.effectiveTotal]).toEqual([13.4, 1, 14.9]);
    expect(ok(await t.call(SECRETARY, listCards, { month: '2026-10' })).items.find((c) => c.staffId === ZM)).toMatchObject({ status: 'signed', total: 13.4, effectiveTotal: 14.9, corrections: 1 });
  });
});
