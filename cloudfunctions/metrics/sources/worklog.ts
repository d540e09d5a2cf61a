/**
 * Reads of the work records (worklog function: `worklog_records`, `worklog_orders`, shapes in
 * shared/domain/worklog.ts). Counting rules are the worklog's own (shared/worklog/workorder.ts)
 * so the dashboard and the staff workbench never disagree.
 */
import type { OrderStatus, WorkOrderDoc } from '@shared/domain/worklog';
import type { Window } from '@shared/time';
import { weeklyClosure } from '@shared/metrics/orders';
import { countOrders } from '@shared/worklog/workorder';
import type { Database } from '../../_kit/cloud';
import { collection, readAll } from '../../_kit/store';
import { groupByCommittee } from './query';

export interface RecordCounts {
  visits: number;
  receptionsConfirmed: number;
  meetings: number;
  activities: number;
}

const empty = (): RecordCounts => ({ visits: 0, receptionsConfirmed: 0, meetings: 0, activities: 0 });

/** Records of the window that were not removed, by committee and type (receptions only when confirmed). */
export async function recordCounts(db: Database, committeeIds: string[], w: Window): Promise<Map<string, RecordCounts>> {
  const _ = db.command;
  const $ = _.aggregate;
  const rows = await groupByCommittee<{ _id: { c: string; t: string; s?: string | null }; n: number }>(
    db,
    'worklog_records',
    { committeeId: _.in(committeeIds), at: _.gte(w.start).and(_.lt(w.end)), removedAt: null },
    { _id: { c: '$committeeId', t: '$type', s: '$reception.confirmation.status' }, n: $.sum(1) },
    // four types, and a reception's two confirmation states
    committeeIds.length * 5,
  );
  const out = new Map<string, RecordCounts>();
  for (const r of rows) {
    const c = out.get(r._id.c) ?? empty();
    if (r._id.t === 'visit') c.visits += r.n;
    else if (r._id.t === 'reception' && r._id.s === 'confirmed') c.receptionsConfirmed += r.n;
    else if (r._id.t === 'meeting') c.meetings += r.n;
    else if (r._id.t === 'activity') c.activities += r.n;
    out.set(r._id.c, c);
  }
  return out;
}

export interface OrderCounts {
  closed: number;
  reported: number;
  closedInWeek: number;
}

type OrderRow = Pick<WorkOrderDoc, '_id' | 'committeeId' | 'reportedAt' | 'dueBy' | 'history'>;

/**
 * Orders that can matter to the window (reported before its end, and open or touched since its
 * start: the worklog's own month query), counted per committee.
 */
export async function orderCounts(db: Database, committeeIds: string[], w: Window, now: Date): Promise<Map<string, OrderCounts>> {
  const _ = db.command;
  const notClosed: OrderStatus = 'closed';
  const rows = await readAll<OrderRow>(
    collection(db, 'worklog_orders')
      .ref.where(_.and([{ committeeId: _.in(committeeIds), reportedAt: _.lt(w.end) }, _.or([{ status: _.neq(notClosed) }, { lastEventAt: _.gte(w.start) }])]))
      .field({ committeeId: true, reportedAt: true, dueBy: true, history: true })
      .orderBy('reportedAt', 'asc')
      .orderBy('_id', 'asc'),
  );
  const byCommittee = new Map<string, OrderRow[]>();
  for (const o of rows) byCommittee.set(o.committeeId, [...(byCommittee.get(o.committeeId) ?? []), o]);
  const out = new Map<string, OrderCounts>();
  for (const [committeeId, orders] of byCommittee) {
    const month = countOrders(orders, w, now);
    const week = weeklyClosure(orders, w);
    out.set(committeeId, { closed: month.closed, reported: week.reported, closedInWeek: week.closedInWeek });
  }
  return out;
}
