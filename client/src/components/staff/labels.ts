/** Chinese names of the worklog / roster / content codes, as staff say them. */
import type { NOTICE_STATES } from '@shared/contracts/content-notices';
import type { RecordType, VisitKind, ReceptionCategory, OrderStatus } from '@shared/domain/worklog';

export const RECORD_TYPE_LABELS: Record<RecordType, string> = { visit: '走访', reception: '首问接待', meeting: '会议记录', activity: '活动开展' };
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { ordinary: '一般走访', special: '特殊对象走访', line: '业务条线工作' };
export const RECEPTION_CATEGORY_LABELS: Record<ReceptionCategory, string> = { consult: '咨询', service: '办事' };
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = { reported: '待分派', assigned: '处理中', handled: '待验收', closed: '已结案' };
export const ORDER_EVENT_LABELS: Record<string, string> = { report: '上报', assign: '分派', reassign: '改派', handle: '处置完成', return: '退回重办', close: '结案', reopen: '重新打开' };
export const SHIFT_KIND_LABELS: Record<string, string> = { regular: '日常值班', evening: '晚间值班', weekend: '周末值班', holiday: '节假日值班' };

/** a notice's state as staff see it (residents only ever see published ones) */
export const NOTICE_STATE_LABELS: Record<(typeof NOTICE_STATES)[number], string> = { scheduled: '定时发布', published: '发布中', expired: '已过期' };
