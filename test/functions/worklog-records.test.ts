/**
 * worklog · 走访, 会议记录, 活动开展 through the real path (runner → bundle → SDK → local cloud):
 * creation bound to the caller, retries, scope, listing by Shanghai month with explicit pages,
 * the audited detail, the 48-hour edit window, and the month's counts counted by hand.
 */
import { auditEntries } from '../../cloudfunctions/_kit/audit';
import { committeeStats, createActivity, createMeeting, createVisit, getRecord, listRecords, monthSummary, removeRecord, updateRecord } from '../../shared/contracts/worklog';
import { localMonthOf, localDateOf } from '../../shared/time';
import { CHENJIE, DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHOU } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const HOME = DEMO.home._id;

const t = useTestCloud();

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
const visit = (over: Record<string, unknown> = {}) => ({
  at: minutesAgo(30).toISOString(),
  residentName: '刘建国',
  building: '12号楼',
  room: '301室',
  familySituation: '独居老人，子女在外地',
  reason: '例行走访，了解近况',
  difficulty: '上下楼不便，希望加装扶手',
  kind: 'special',
  ...over,
});
const meeting = { at: minutesAgo(60).toISOString(), topic: '十一月居委会例会', attendeeCount: 7, attendees: ['王丽', '张敏'], minutes: '讨论加装电梯意见征询进度。', decisions: ['下周完成 12 号楼意见征询'] };
const activity = { at: minutesAgo(90).toISOString(), title: '敬老理发', place: '居委会活动室', attendance: 24, photoFileIds: ['cloud://shequyun-local.7368/worklog/a1.jpg'] };
const expectError = (code: string) => ({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });

describe('worklog.createVisit', () => {
  it('binds the visit to the caller’s committee and staff record, whatever the payload says', async () => {
    const res = await t.call(ZHANGMIN, createVisit, { ...visit(), staffId: 'staff-wangli' });
    expect(res).toMatchObject(expectError('INVALID_INPUT'));
    const v = ok(await t.call(ZHANGMIN, createVisit, visit()));
    expect(v).toMatchObject({ type: 'visit', staffId: 'staff-zhangmin', staffName: '张敏', residentNameMasked: '刘**', place: '12号楼 301室', visitKind: 'special', editable: true });
    const stored = (await t.db.collection('worklog_records').doc(v.id).get()).data[0];
    expect(stored).toMatchObject({ committeeId: HOME, staffId: 'staff-zhangmin', visit: { residentName: '刘建国', householdKey: '12|301' } });
    expect(stored.at).toBeInstanceOf(Date);
  });

  it('creates one record for a retried request', async () => {
    const first = ok(await t.call(ZHANGMIN, createVisit, visit({ room: '302' }), 'retry-visit-0001'));
    const second = ok(await t.call(ZHANGMIN, createVisit, visit({ room: '302' }), 'retry-visit-0001'));
    expect(second.id).toBe(first.id);
    const count = await t.db.collection('worklog_records').where({ 'visit.householdKey': '12|302' }).count();
    expect(count.total).toBe(1);
  });

  it('refuses bad input: missing form fields, a future time, a line visit without its line', async () => {
    expect(await t.call(ZHANGMIN, createVisit, visit({ reason: ' ' }))).toMatchObject(expectError('INVALID_INPUT'));
    expect(await t.call(ZHANGMIN, createVisit, visit({ at: '2026-10-01 10:00' }))).toMatchObject(expectError('INVALID_INPUT'));
    expect(await t.call(ZHANGMIN, createVisit, visit({ kind: 'line', line: null }))).toMatchObject(expectError('INVALID_INPUT'));
    expect(await t.call(ZHANGMIN, createVisit, visit({ at: new Date(Date.now() + 3_600_000).toISOString() }))).toMatchObject(expectError('RECORD_TIME_INVALID'));
    expect(await t.call(ZHANGMIN, createVisit, visit({ at: new Date(Date.now() - 8 * 86_400_000).toISOString() }))).toMatchObject(expectError('RECORD_TIME_INVALID'));
  });

  it('refuses anyone who is not committee staff', async () => {
    expect(await t.call('', createVisit, visit())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call(ZHOU, createVisit, visit())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(CHENJIE, createVisit, visit())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('worklog.createMeeting and createActivity', () => {
  it('records a meeting and an activity', async () => {
    expect(ok(await t.call(WANGLI, createMeeting, meeting))).toMatchObject({ type: 'meeting', title: '十一月居委会例会', staffId: 'staff-wangli' });
    expect(ok(await t.call(ZHANGMIN, createActivity, activity))).toMatchObject({ type: 'activity', title: '敬老理发', place: '居委会活动室' });
  });

  it('refuses bad input and outsiders', async () => {
    expect(await t.call(WANGLI, createMeeting, { ...meeting, attendeeCount: 0 })).toMatchObject(expectError('INVALID_INPUT'));
    expect(await t.call(ZHANGMIN, createActivity, { ...activity, photoFileIds: ['https://evil.example/x.jpg'] })).toMatchObject(expectError('INVALID_INPUT'));
    expect(await t.call(CHENJIE, createMeeting, meeting)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('', createActivity, activity)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('reading records', () => {
  let visitId: string;
  beforeAll(async () => {
    visitId = ok(await t.call(ZHANGMIN, createVisit, visit({ residentName: '欧阳春花', building: '3', room: '101' }))).id;
  });

  it('shows the full detail to the author and the secretary, and audits each read', async () => {
    const mine = ok(await t.call(ZHANGMIN, getRecord, { recordId: visitId }));
    expect(mine.visit).toMatchObject({ residentName: '欧阳春花', building: '3', room: '101', householdKey: '3|101' });
    expect(mine.residentNameMasked).toBe('欧阳**');
    ok(await t.call(WANGLI, getRecord, { recordId: visitId }));
    const audit = { data: await auditEntries(t.db, { subjectId: visitId }) };
    expect(audit.data.map((a: { actorId: string }) => a.actorId).sort()).toEqual(['staff-wangli', 'staff-zhangmin']);
    expect(JSON.stringify(audit.data)).not.toContain('欧阳');
  });

  it('hides it from colleagues, other committees and liaisons', async () => {
    const colleague = ok(await t.call(WANGLI, createMeeting, meeting)).id;
    expect(await t.call(ZHANGMIN, getRecord, { recordId: colleague })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, getRecord, { recordId: visitId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(CHENJIE, getRecord, { recordId: visitId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(ZHANGMIN, getRecord, { recordId: 'no such id!' })).toMatchObject(expectError('INVALID_INPUT'));
  });

  it('lists my records by type and Shanghai month, names masked', async () => {
    const month = localMonthOf(minutesAgo(30));
    const res = ok(await t.call(ZHANGMIN, listRecords, { month, type: 'visit', limit: 50 }));
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((i) => i.type === 'visit' && i.staffId === 'staff-zhangmin')).toBe(true);
    expect(JSON.stringify(res.items)).not.toContain('刘建国');
    expect(res.items[0]!.localDate).toBe(localDateOf(new Date(res.items[0]!.at)));
    expect(res.total).toBe(res.items.length);
  });

  it('lets only the secretary list the whole committee', async () => {
    const month = localMonthOf(new Date());
    expect(await t.call(ZHANGMIN, listRecords, { month, scope: 'committee' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const all = ok(await t.call(WANGLI, listRecords, { month, scope: 'committee', limit: 100 }));
    expect(new Set(all.items.map((i) => i.staffId))).toEqual(new Set(['staff-wangli', 'staff-zhangmin']));
    expect(ok(await t.call(LIQIANG, listRecords, { month, scope: 'mine' })).items).toEqual([]);
    expect(await t.call(ZHANGMIN, listRecords, { month: '2026-13' })).toMatchObject(expectError('INVALID_INPUT'));
    expect(await t.call(ZHANGMIN, listRecords, { month, limit: 500 })).toMatchObject(expectError('INVALID_INPUT'));
  });

  it('pages past 100 rows and groups by the Shanghai month, not UTC', async () => {
    // 130 meetings of liqiang's committee in October 2026, the first at 00:00 Shanghai on 10-01 (UTC 09-30)
    const base = new Date('2026-09-30T16:00:00Z').getTime();
    const docs = Array.from({ length: 130 }, (_, i) => {
      const at = new Date(base + i * 3_600_000);
      return { _id: `bulk-${i}`, type: 'meeting', committeeId: DEMO.neighbour._id, staffId: 'staff-liqiang', staffName: '李强', at, createdAt: at, updatedAt: at, editableUntil: at, removedAt: null, meeting: { topic: `例会${i}`, attendeeCount: 3, attendees: [], minutes: '纪要', decisions: [] } };
    });
    docs.push({ ...docs[0]!, _id: 'bulk-september', at: new Date('2026-09-30T15:59:59Z') });
    await t.db.collection('worklog_records').add(docs);
    const first = ok(await t.call(LIQIANG, listRecords, { month: '2026-10', limit: 100 }));
    expect(first).toMatchObject({ total: 130, nextOffset: 100 });
    const second = ok(await t.call(LIQIANG, listRecords, { month: '2026-10', limit: 100, offset: 100 }));
    expect(second).toMatchObject({ total: 130, nextOffset: null });
    const ids = new Set([...first.items, ...second.items].map((i) => i.id));
    expect(ids.size).toBe(130);
    expect(ids.has('bulk-september')).toBe(false);
    expect(second.items.at(-1)).toMatchObject({ id: 'bulk-0', localDate: '2026-10-01' });
    expect(first.items[0]!.editable).toBe(false);
  });
});

describe('editing records', () => {
  it('lets the author correct and remove their own record inside the window', async () => {
    const v = ok(await t.call(ZHANGMIN, createVisit, visit({ building: '20', room: '501' })));
    const updated = ok(await t.call(ZHANGMIN, updateRecord, { recordId: v.id, type: 'visit', visit: visit({ building: '20号楼', room: '502', reason: '补充：了解助餐需求' }) }));
    expect(updated).toMatchObject({ id: v.id, place: '20号楼 502', title: '补充：了解助餐需求' });
    const stored = (await t.db.collection('worklog_records').doc(v.id).get()).data[0];
    expect(stored.visit).toMatchObject({ householdKey: '20|502', residentName: '刘建国' });
    expect(ok(await t.call(ZHANGMIN, removeRecord, { recordId: v.id }))).toEqual({ id: v.id, removed: true });
    expect(await t.call(ZHANGMIN, getRecord, { recordId: v.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses someone else, another type, and an expired window', async () => {
    const v = ok(await t.call(ZHANGMIN, createVisit, visit({ building: '21', room: '101' })));
    expect(await t.call(WANGLI, updateRecord, { recordId: v.id, type: 'visit', visit: visit() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, removeRecord, { recordId: v.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(ZHANGMIN, updateRecord, { recordId: v.id, type: 'meeting', meeting })).toMatchObject(expectError('RECORD_TYPE_MISMATCH'));
    expect(await t.call(ZHANGMIN, updateRecord, { recordId: v.id, type: 'visit', visit: visit({ room: '' }) })).toMatchObject(expectError('INVALID_INPUT'));
    await t.db.collection('worklog_records').doc(v.id).update({ editableUntil: new Date(Date.now() - 1000) });
    expect(await t.call(ZHANGMIN, updateRecord, { recordId: v.id, type: 'visit', visit: visit() })).toMatchObject(expectError('RECORD_EDIT_CLOSED'));
    expect(await t.call(ZHANGMIN, removeRecord, { recordId: v.id })).toMatchObject(expectError('RECORD_EDIT_CLOSED'));
  });
});

describe('monthly counts', () => {
  // a cloud of its own: the month must hold only the records counted here
  const fresh = useTestCloud();

  it('counts one staff member’s month by hand', async () => {
    const at = minutesAgo(10).toISOString();
    const month = localMonthOf(at);
    // zhangmin: 4 visits to 3 households (5号楼 602室 = 5 602), 1 removed; 2 meetings; 1 activity
    for (const [b, r] of [['5号楼', '602室'], ['5', '602'], ['6', '101'], ['7', '202']] as const) ok(await fresh.call(ZHANGMIN, createVisit, visit({ at, building: b, room: r, kind: 'ordinary' })));
    const removed = ok(await fresh.call(ZHANGMIN, createVisit, visit({ at, building: '8', room: '1' })));
    ok(await fresh.call(ZHANGMIN, removeRecord, { recordId: removed.id }));
    ok(await fresh.call(ZHANGMIN, createMeeting, { ...meeting, at }));
    ok(await fresh.call(ZHANGMIN, createMeeting, { ...meeting, at }));
    ok(await fresh.call(ZHANGMIN, createActivity, { ...activity, at }));
    // wangli: 1 special visit
    ok(await fresh.call(WANGLI, createVisit, visit({ at })));
    const mine = ok(await fresh.call(ZHANGMIN, monthSummary, { month }));
    expect(mine.staff).toEqual([
      { staffId: 'staff-zhangmin', staffName: '张敏', visits: 4, householdsVisited: 3, specialVisits: 0, receptionsConfirmed: 0, receptionsPending: 0, meetings: 2, activities: 1, shiftsAttended: 0, shiftsLate: 0, shiftsMissed: 0, shiftsPlanned: 0 },
    ]);
    expect(await fresh.call(ZHANGMIN, monthSummary, { month, scope: 'committee' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const all = ok(await fresh.call(WANGLI, monthSummary, { month, scope: 'committee' }));
    expect(all.staff.map((s) => [s.staffId, s.visits, s.householdsVisited, s.specialVisits])).toEqual(
      expect.arrayContaining([
        ['staff-wangli', 1, 1, 1],
        ['staff-zhangmin', 4, 3, 0],
      ]),
    );
    const stats = ok(await fresh.call(ZHANGMIN, committeeStats, { month }));
    expect(stats).toMatchObject({ committeeId: HOME, visits: 5, meetings: 2, activities: 1, receptionsConfirmed: 0, ordersReported: 0 });
    expect(ok(await fresh.call(LIQIANG, committeeStats, { month }))).toMatchObject({ visits: 0, meetings: 0 });
    expect(await fresh.call(CHENJIE, committeeStats, { month })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await fresh.call(ZHANGMIN, committeeStats, { month: '11-2026' })).toMatchObject(expectError('INVALID_INPUT'));
  });
});
