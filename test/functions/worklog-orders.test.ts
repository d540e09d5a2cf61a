/**
 * worklog · 问题处置 work orders: every transition valid or refused, who may do it, retries, and
 * seed 002's overdue-open / overdue-closed counts at exact Asia/Shanghai boundaries.
 */
import { committeeStats } from '../../shared/contracts/worklog';
import { assignIssue, closeIssue, getIssue, handleIssue, listIssues, reopenIssue, reportIssue, returnIssue } from '../../shared/contracts/worklog-orders';
import type { OrderStatus, WorkOrderDoc } from '../../shared/domain/worklog';
import { dueByOf } from '../../shared/worklog/workorder';
import { localDateOf } from '../../shared/time';
import { DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHAOYUN } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const OTHER = DEMO.neighbour._id;

const t = useTestCloud();

const today = () => localDateOf(new Date());
const issue = (over: Record<string, unknown> = {}) => ({ title: '12号楼楼道堆物', description: '楼道内堆放纸板，存在消防隐患', place: '12号楼 3 楼', dueDate: today(), ...over });
const fail = (code: string) => ({ ok: false, error: { code } });

describe('the work-order lifecycle', () => {
  it('runs reported → assigned → handled → closed → (reason) reopened, recording who and when', async () => {
    const o = ok(await t.call(ZHANGMIN, reportIssue, issue()));
    expect(o).toMatchObject({ status: 'reported', reportedBy: 'staff-zhangmin', assigneeId: null, version: 1, overdue: false });
    const a = ok(await t.call(WANGLI, assignIssue, { orderId: o.id, assigneeId: 'staff-zhangmin', version: 1 }));
    expect(a).toMatchObject({ status: 'assigned', assigneeId: 'staff-zhangmin', version: 2 });
    const h = ok(await t.call(ZHANGMIN, handleIssue, { orderId: o.id, resolution: '已联系住户清理，拍照留存' }));
    expect(h).toMatchObject({ status: 'handled', resolution: '已联系住户清理，拍照留存' });
    const c = ok(await t.call(ZHANGMIN, closeIssue, { orderId: o.id }));
    expect(c.status).toBe('closed');
    expect(c.closedAt).not.toBeNull();
    expect(await t.call(WANGLI, reopenIssue, { orderId: o.id, reason: '' })).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(ZHANGMIN, reopenIssue, { orderId: o.id, reason: '居民反映又有堆物' })).toMatchObject(fail('FORBIDDEN'));
    const r = ok(await t.call(WANGLI, reopenIssue, { orderId: o.id, reason: '居民反映又有堆物' }));
    expect(r).toMatchObject({ status: 'assigned', assigneeId: 'staff-zhangmin', closedAt: null, version: 5 });
    expect(r.history.map((x) => [x.event, x.from, x.to, x.by, x.byName])).toEqual([
      ['report', null, 'reported', 'staff-zhangmin', '张敏'],
      ['assign', 'reported', 'assigned', 'staff-wangli', '王丽'],
      ['handle', 'assigned', 'handled', 'staff-zhangmin', '张敏'],
      ['close', 'handled', 'closed', 'staff-zhangmin', '张敏'],
      ['reopen', 'closed', 'assigned', 'staff-wangli', '王丽'],
    ]);
    expect(r.history[4]!.note).toBe('居民反映又有堆物');
    expect(r.history.every((x) => !Number.isNaN(Date.parse(x.at)))).toBe(true);
  });

  it('refuses skipped steps and moving a closed order other than by a reopen', async () => {
    const o = ok(await t.call(ZHANGMIN, reportIssue, issue()));
    expect(await t.call(WANGLI, handleIssue, { orderId: o.id, resolution: '直接处理' })).toMatchObject(fail('ORDER_TRANSITION_INVALID'));
    expect(await t.call(WANGLI, closeIssue, { orderId: o.id })).toMatchObject(fail('ORDER_TRANSITION_INVALID'));
    expect(await t.call(WANGLI, reopenIssue, { orderId: o.id, reason: '测试' })).toMatchObject(fail('ORDER_TRANSITION_INVALID'));
    ok(await t.call(WANGLI, assignIssue, { orderId: o.id, assigneeId: 'staff-zhangmin' }));
    expect(await t.call(WANGLI, closeIssue, { orderId: o.id })).toMatchObject(fail('ORDER_TRANSITION_INVALID'));
    ok(await t.call(ZHANGMIN, handleIssue, { orderId: o.id, resolution: '已处理' }));
    // returned with a reason, handled again, closed
    expect(await t.call(WANGLI, returnIssue, { orderId: o.id, reason: '' })).toMatchObject(fail('INVALID_INPUT'));
    expect(ok(await t.call(WANGLI, returnIssue, { orderId: o.id, reason: '未附照片' })).status).toBe('assigned');
    ok(await t.call(ZHANGMIN, handleIssue, { orderId: o.id, resolution: '已处理，附照片' }));
    ok(await t.call(WANGLI, closeIssue, { orderId: o.id, note: '核实完成' }));
    expect(await t.call(WANGLI, closeIssue, { orderId: o.id })).toMatchObject(fail('ORDER_TRANSITION_INVALID'));
    expect(await t.call(ZHANGMIN, handleIssue, { orderId: o.id, resolution: '再处理' })).toMatchObject(fail('ORDER_TRANSITION_INVALID'));
    expect(await t.call(WANGLI, assignIssue, { orderId: o.id, assigneeId: 'staff-wangli' })).toMatchObject(fail('ORDER_TRANSITION_INVALID'));
  });

  it('authorises by role and scope', async () => {
    const o = ok(await t.call(WANGLI, reportIssue, issue()));
    expect(await t.call(ZHANGMIN, assignIssue, { orderId: o.id, assigneeId: 'staff-zhangmin' })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(WANGLI, assignIssue, { orderId: o.id, assigneeId: 'staff-liqiang' })).toMatchObject(fail('STAFF_NOT_IN_COMMITTEE'));
    ok(await t.call(WANGLI, assignIssue, { orderId: o.id, assigneeId: 'staff-zhangmin' }));
    expect(await t.call(WANGLI, assignIssue, { orderId: o.id, assigneeId: 'staff-zhangmin' })).toMatchObject(fail('ORDER_TRANSITION_INVALID'));
    expect(ok(await t.call(WANGLI, assignIssue, { orderId: o.id, assigneeId: 'staff-wangli' })).history.at(-1)).toMatchObject({ event: 'reassign', assigneeId: 'staff-wangli' });
    expect(await t.call(ZHANGMIN, handleIssue, { orderId: o.id, resolution: '我来处理' })).toMatchObject(fail('FORBIDDEN'));
    ok(await t.call(WANGLI, handleIssue, { orderId: o.id, resolution: '已处理' }));
    // zhangmin neither reported it nor is secretary
    expect(await t.call(ZHANGMIN, closeIssue, { orderId: o.id })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call(ZHANGMIN, returnIssue, { orderId: o.id, reason: '不满意' })).toMatchObject(fail('FORBIDDEN'));
    // other committee, liaison, nobody
    expect(await t.call(LIQIANG, getIssue, { orderId: o.id })).toMatchObject(fail('NOT_FOUND'));
    expect(await t.call(LIQIANG, closeIssue, { orderId: o.id })).toMatchObject(fail('NOT_FOUND'));
    expect(await t.call(ZHAOYUN, getIssue, { orderId: o.id })).toMatchObject(fail('FORBIDDEN'));
    expect(await t.call('', reportIssue, issue())).toMatchObject(fail('UNAUTHENTICATED'));
    expect(ok(await t.call(ZHANGMIN, getIssue, { orderId: o.id })).status).toBe('handled');
  });

  it('refuses bad input and a stale version', async () => {
    expect(await t.call(ZHANGMIN, reportIssue, issue({ title: '' }))).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(ZHANGMIN, reportIssue, issue({ dueDate: '2026-02-30' }))).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(ZHANGMIN, reportIssue, issue({ dueDate: '2026-01-01' }))).toMatchObject(fail('ORDER_DUE_INVALID'));
    const o = ok(await t.call(ZHANGMIN, reportIssue, issue()));
    expect(await t.call(WANGLI, assignIssue, { orderId: o.id, assigneeId: 'staff-zhangmin', version: 7 })).toMatchObject(fail('CONFLICT'));
  });

  it('takes effect once for a retried request', async () => {
    const first = ok(await t.call(ZHANGMIN, reportIssue, issue({ title: '重试上报' }), 'retry-order-0001'));
    const again = ok(await t.call(ZHANGMIN, reportIssue, issue({ title: '重试上报' }), 'retry-order-0001'));
    expect(again.id).toBe(first.id);
    expect((await t.db.collection('worklog_orders').where({ title: '重试上报' }).count()).total).toBe(1);
    ok(await t.call(WANGLI, assignIssue, { orderId: first.id, assigneeId: 'staff-zhangmin' }, 'retry-assign-001'));
    const h1 = ok(await t.call(ZHANGMIN, handleIssue, { orderId: first.id, resolution: '已处理' }, 'retry-handle-001'));
    const h2 = ok(await t.call(ZHANGMIN, handleIssue, { orderId: first.id, resolution: '已处理' }, 'retry-handle-001'));
    expect(h2.version).toBe(h1.version);
    expect(h2.history.filter((x) => x.event === 'handle')).toHaveLength(1);
  });

  it('lists the committee’s orders with explicit pages and filters', async () => {
    const all = ok(await t.call(ZHANGMIN, listIssues, { limit: 2 }));
    expect(all.items).toHaveLength(2);
    expect(all.nextOffset).toBe(2);
    const mine = ok(await t.call(ZHANGMIN, listIssues, { assignedToMe: true, status: 'assigned', limit: 100 }));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((o) => o.assigneeId === 'staff-zhangmin' && o.status === 'assigned')).toBe(true);
    expect(ok(await t.call(LIQIANG, listIssues, {})).total).toBe(0);
    expect(await t.call(ZHANGMIN, listIssues, { status: 'lost' })).toMatchObject(fail('INVALID_INPUT'));
  });
});

describe('overdue counts at exact Shanghai boundaries (seed 002)', () => {
  const at = (s: string) => new Date(s);
  /** An order of liqiang's committee whose history is the given steps (status, instant). */
  function order(id: string, dueDate: string, reportedAt: string, steps: [OrderStatus, string][]): WorkOrderDoc {
    const history = [{ event: 'report' as const, from: null, to: 'reported' as const, by: 'staff-liqiang', at: at(reportedAt), note: null }, ...steps.map(([to, when], i) => ({ event: (to === 'assigned' ? 'assign' : to === 'handled' ? 'handle' : 'close') as 'assign' | 'handle' | 'close', from: (i === 0 ? 'reported' : steps[i - 1]![0]) as OrderStatus, to, by: 'staff-liqiang', at: at(when), note: null }))];
    const last = history.at(-1)!;
    return { _id: id, committeeId: OTHER, title: id, description: '边界测试', place: null, reportedBy: 'staff-liqiang', reportedAt: at(reportedAt), assigneeId: 'staff-liqiang', status: last.to, dueDate, dueBy: dueByOf(dueDate), resolution: null, closedAt: last.to === 'closed' ? last.at : null, lastEventAt: last.at, history, version: history.length };
  }
  const closedAt = (when: string): [OrderStatus, string][] => [['assigned', '2026-10-10T10:00:00+08:00'], ['handled', '2026-10-15T20:00:00+08:00'], ['closed', when]];

  beforeAll(async () => {
    await t.db.collection('worklog_orders').add([
      order('on-time', '2026-10-15', '2026-10-10T09:00:00+08:00', closedAt('2026-10-15T23:59:59+08:00')),
      order('one-second-late', '2026-10-15', '2026-10-10T09:00:00+08:00', closedAt('2026-10-16T00:00:00+08:00')),
      order('open-past-due', '2026-10-30', '2026-10-20T09:00:00+08:00', [['assigned', '2026-10-20T10:00:00+08:00']]),
      order('due-last-day', '2026-10-31', '2026-10-31T09:00:00+08:00', []),
      order('closed-in-november', '2026-10-05', '2026-09-28T09:00:00+08:00', [['assigned', '2026-09-28T10:00:00+08:00'], ['handled', '2026-11-02T09:00:00+08:00'], ['closed', '2026-11-02T10:00:00+08:00']]),
      order('done-in-september', '2026-09-20', '2026-09-01T09:00:00+08:00', [['assigned', '2026-09-01T10:00:00+08:00'], ['handled', '2026-09-10T09:00:00+08:00'], ['closed', '2026-09-10T10:00:00+08:00']]),
    ]);
  });

  it('October: closed 23:59:59 on the due date is on time, 00:00:00 next day is late; open past due at the month’s last moment', async () => {
    expect(ok(await t.call(LIQIANG, committeeStats, { month: '2026-10' }))).toMatchObject({
      ordersReported: 4,
      ordersClosed: 2,
      overdueClosed: 1,
      overdueOpen: 2,
      asOf: '2026-10-31T15:59:59.999Z',
    });
  });

  it('November: the late close of an order October saw open, and an order due on 10-31 now overdue', async () => {
    expect(ok(await t.call(LIQIANG, committeeStats, { month: '2026-11' }))).toMatchObject({ ordersReported: 0, ordersClosed: 1, overdueClosed: 1, overdueOpen: 2 });
  });

  it('September: one on-time close, nothing open past due', async () => {
    expect(ok(await t.call(LIQIANG, committeeStats, { month: '2026-09' }))).toMatchObject({ ordersReported: 2, ordersClosed: 1, overdueClosed: 0, overdueOpen: 0 });
  });

  it('a 30-day 月度 from 2026-10-16 (seed 000) counts the 00:00:00 close and not the 23:59:59 one', async () => {
    expect(ok(await t.call(LIQIANG, committeeStats, { from: '2026-10-16' }))).toMatchObject({
      month: null,
      from: '2026-10-16',
      to: '2026-11-14',
      ordersReported: 2,
      ordersClosed: 2,
      overdueClosed: 2,
      overdueOpen: 2,
      asOf: '2026-11-14T15:59:59.999Z',
    });
    expect(await t.call(LIQIANG, committeeStats, { from: '2026-10-16', month: '2026-10' })).toMatchObject(fail('INVALID_INPUT'));
    expect(await t.call(LIQIANG, committeeStats, {})).toMatchObject(fail('INVALID_INPUT'));
  });

  it('shows other committees none of it', async () => {
    expect(ok(await t.call(WANGLI, committeeStats, { month: '2026-10' }))).toMatchObject({ ordersReported: 0, overdueOpen: 0 });
  });
});
