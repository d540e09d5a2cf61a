/**
 * 问题处置 work orders. Every transition is checked against the state machine
 * (shared/worklog/workorder.ts), authorised by role, appended to the history with who and when,
 * and written only if nobody changed the order meanwhile (version guard).
 */
import { assignIssue, closeIssue, getIssue, handleIssue, listIssues, reopenIssue, reportIssue, returnIssue, type WorkOrderOut } from '@shared/contracts/worklog-orders';
import type { OrderEvent, OrderHistoryEntry, OrderStatus, WorkOrderDoc } from '@shared/domain/worklog';
import { AppError } from '@shared/errors';
import { localDateOf, monthWindow } from '@shared/time';
import { dueByOf, isOverdueOpenAt, nextStatus } from '@shared/worklog/workorder';
import { committeeStaff, secretary, type StaffCaller } from '../_kit/access';
import { insertOnce, recordId } from '../_kit/idempotent';
import { iso, isoOrNull } from '../_kit/iso';
import type { ActionContext } from '../_kit/runtime';
import { handle } from '../_kit/runtime';
import { activeStaffByIds, allCommitteeStaff } from '../_kit/staff-directory';
import { collection } from '../_kit/store';

const STATUS_LABEL: Record<OrderStatus, string> = { reported: '待指派', assigned: '处置中', handled: '已处置', closed: '已结案' };
const EVENT_LABEL: Record<Exclude<OrderEvent, 'report'>, string> = { assign: '指派', reassign: '改派', handle: '提交处置', return: '退回', close: '结案', reopen: '重新打开' };

type StoredEntry = OrderHistoryEntry & { requestKey?: string | null };

function toOrder(doc: WorkOrderDoc, now: Date, names: Map<string, string>): WorkOrderOut {
  return {
    id: doc._id,
    title: doc.title,
    description: doc.description,
    place: doc.place,
    status: doc.status,
    reportedBy: doc.reportedBy,
    reportedAt: iso(doc.reportedAt),
    assigneeId: doc.assigneeId,
    dueDate: doc.dueDate,
    resolution: doc.resolution,
    closedAt: isoOrNull(doc.closedAt),
    overdue: isOverdueOpenAt(doc, now),
    history: doc.history.map((h) => ({ event: h.event, from: h.from, to: h.to, by: h.by, byName: names.get(h.by) ?? null, at: iso(h.at), note: h.note, assigneeId: h.assigneeId ?? null })),
    version: doc.version,
  };
}

async function staffNames(ctx: ActionContext, committeeId: string): Promise<Map<string, string>> {
  return new Map((await allCommitteeStaff(ctx.db, committeeId)).map((s) => [s._id, s.name]));
}

export const reportIssueHandler = handle(reportIssue, async (input, ctx) => {
  const who = await committeeStaff(ctx);
  const now = ctx.now();
  if (input.dueDate < localDateOf(now)) throw new AppError('ORDER_DUE_INVALID', '完成期限不能早于今天');
  const id = recordId(ctx, 'worklog:order');
  const entry: StoredEntry = { event: 'report', from: null, to: 'reported', by: who.actorId, at: now, note: null, assigneeId: null };
  const doc: Omit<WorkOrderDoc, '_id'> = {
    committeeId: who.committeeId,
    title: input.title,
    description: input.description,
    place: input.place,
    reportedBy: who.actorId,
    reportedAt: now,
    assigneeId: null,
    status: 'reported',
    dueDate: input.dueDate,
    dueBy: dueByOf(input.dueDate),
    resolution: null,
    closedAt: null,
    lastEventAt: now,
    history: [entry],
    version: 1,
  };
  const { record } = await insertOnce(ctx, 'worklog_orders', id, doc);
  if (record.reportedBy !== who.actorId) throw new AppError('CONFLICT');
  return toOrder(record, now, await staffNames(ctx, who.committeeId));
});

interface Step {
  event: Exclude<OrderEvent, 'report'>;
  note: string | null;
  assigneeId?: string;
  /** fields the transition sets besides status and history */
  patch: Partial<Pick<WorkOrderDoc, 'assigneeId' | 'resolution' | 'closedAt'>>;
}

/**
 * Applies one transition. A retry of the same request (same requestId) finds its own history
 * entry and answers the order as it is instead of failing on the changed status.
 */
async function transition(ctx: ActionContext, who: StaffCaller, orderId: string, version: number | undefined, decide: (doc: WorkOrderDoc, now: Date) => Promise<Step> | Step): Promise<WorkOrderOut> {
  const orders = collection(ctx.db, 'worklog_orders');
  const doc = await orders.byIdIn(orderId, who);
  const now = ctx.now();
  const requestKey = ctx.requestId ? recordId(ctx, `worklog:order:${orderId}`) : null;
  if (requestKey && (doc.history as StoredEntry[]).some((h) => h.requestKey === requestKey)) return toOrder(doc, now, await staffNames(ctx, who.committeeId));
  if (version !== undefined && version !== doc.version) throw new AppError('CONFLICT');
  const step = await decide(doc, now);
  const to = nextStatus(doc.status, step.event);
  if (!to) throw new AppError('ORDER_TRANSITION_INVALID', `工单当前为「${STATUS_LABEL[doc.status]}」，不能${EVENT_LABEL[step.event]}`);
  const entry: StoredEntry = { event: step.event, from: doc.status, to, by: who.actorId, at: now, note: step.note, assigneeId: step.assigneeId ?? null, requestKey };
  const next: WorkOrderDoc = { ...doc, ...step.patch, status: to, history: [...doc.history, entry], lastEventAt: now, version: doc.version + 1 };
  const res = await orders.ref
    .where({ _id: doc._id, version: doc.version })
    .update({ ...step.patch, status: to, history: next.history, lastEventAt: now, version: next.version });
  if (res.updated !== 1) throw new AppError('CONFLICT');
  return toOrder(next, now, await staffNames(ctx, who.committeeId));
}

function requireReporterOrSecretary(who: StaffCaller, doc: WorkOrderDoc): void {
  if (!who.isSecretary && doc.reportedBy !== who.actorId) throw new AppError('FORBIDDEN', '只有书记或上报人可以进行此操作');
}

export const assignIssueHandler = handle(assignIssue, async ({ orderId, version, assigneeId }, ctx) => {
  const who = await secretary(ctx);
  return transition(ctx, who, orderId, version, async (doc) => {
    if (doc.status === 'assigned' && doc.assigneeId === assigneeId) throw new AppError('ORDER_TRANSITION_INVALID', '工单已指派给该工作人员');
    await activeStaffByIds(ctx.db, who.committeeId, [assigneeId]);
    return { event: doc.status === 'assigned' ? 'reassign' : 'assign', note: null, assigneeId, patch: { assigneeId } };
  });
});

export const handleIssueHandler = handle(handleIssue, async ({ orderId, version, resolution }, ctx) => {
  const who = await committeeStaff(ctx);
  return transition(ctx, who, orderId, version, (doc) => {
    if (doc.status === 'assigned' && doc.assigneeId !== who.actorId) throw new AppError('FORBIDDEN', '只有被指派人可以提交处置结果');
    return { event: 'handle', note: resolution, patch: { resolution } };
  });
});

export const returnIssueHandler = handle(returnIssue, async ({ orderId, version, reason }, ctx) => {
  const who = await committeeStaff(ctx);
  return transition(ctx, who, orderId, version, (doc) => {
    requireReporterOrSecretary(who, doc);
    return { event: 'return', note: reason, patch: {} };
  });
});

export const closeIssueHandler = handle(closeIssue, async ({ orderId, version, note }, ctx) => {
  const who = await committeeStaff(ctx);
  return transition(ctx, who, orderId, version, (doc, now) => {
    requireReporterOrSecretary(who, doc);
    // the same instant as the history entry, which the month counts replay
    return { event: 'close', note, patch: { closedAt: now } };
  });
});

export const reopenIssueHandler = handle(reopenIssue, async ({ orderId, version, reason }, ctx) => {
  const who = await secretary(ctx);
  return transition(ctx, who, orderId, version, () => ({ event: 'reopen', note: reason, patch: { closedAt: null } }));
});

export const getIssueHandler = handle(getIssue, async ({ orderId }, ctx) => {
  const who = await committeeStaff(ctx);
  const doc = await collection(ctx.db, 'worklog_orders').byIdIn(orderId, who);
  return toOrder(doc, ctx.now(), await staffNames(ctx, who.committeeId));
});

/** Work orders are the committee's shared business: any of its staff may list them. */
export const listIssuesHandler = handle(listIssues, async (input, ctx) => {
  const who = await committeeStaff(ctx);
  const _ = ctx.db.command;
  const w = input.month ? monthWindow(input.month) : null;
  const where = {
    committeeId: who.committeeId,
    ...(input.status ? { status: input.status } : {}),
    ...(input.assignedToMe ? { assigneeId: who.actorId } : {}),
    ...(w ? { reportedAt: _.gte(w.start).and(_.lt(w.end)) } : {}),
  };
  const orders = collection(ctx.db, 'worklog_orders');
  const [page, total, names] = await Promise.all([
    orders.page((c) => c.where(where).orderBy('reportedAt', 'desc').orderBy('_id', 'desc'), input),
    orders.count(where),
    staffNames(ctx, who.committeeId),
  ]);
  const now = ctx.now();
  return { items: page.items.map((d) => toOrder(d, now, names)), total, nextOffset: page.nextOffset };
});
