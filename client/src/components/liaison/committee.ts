/** A committee's row of a snapshot in words: what it has done in the window and what is missing. */
import type { SnapshotView } from '@shared/contracts/metrics';
import { INIT_ITEM_LABELS } from '@shared/metrics/checklist';
import { COLUMN_LABELS, COLUMNS } from '@shared/metrics/indicators';
import { percent } from './format';

type Row = SnapshotView['rows'][number];

export function committeeSummary(r: Row): string {
  if (r.exclusion) return `不纳入验收：${r.exclusion.reason}`;
  const init = r.initGaps.length ? '初始化未完成' : '初始化已完成';
  return `${init} · 走访接待 ${r.visits} 次 · 会议 ${r.meetings} 次 · 活动 ${r.activities} 次 · 上云 ${percent(r.cloud)}`;
}

/** Every fact of the row, label and value, in the order of the rubric. */
export function committeeFacts(r: Row): [string, string][] {
  const yes = (b: boolean) => (b ? '有' : '无');
  return [
    ['区划代码', r.code],
    ['是否纳入验收', r.exclusion ? `不纳入（${r.exclusion.confirmedBy} ${r.exclusion.confirmedAt} 认定）` : '纳入'],
    ['初始化', r.initGaps.length ? `未完成：${r.initGaps.map((g) => INIT_ITEM_LABELS[g]).join('、')}` : '已完成'],
    ...(r.profileGaps.length ? [['基本信息缺项', r.profileGaps.join('、')] as [string, string]] : []),
    ['居民信息完善率', `${percent(r.completeness)}（${r.completeness.num} / ${r.completeness.den} 人）`],
    ['走访接待', `${r.visits} 次`],
    ['会议记录', `${r.meetings} 次`],
    ['活动开展', `${r.activities} 次`],
    ['问题处理', `${r.issuesHandled} 件`],
    ['居民家庭上云率', `${percent(r.cloud)}（${r.cloud.num} / ${r.cloud.den} 户）`],
    ...COLUMNS.map((c) => [`${COLUMN_LABELS[c]}使用`, yes(r.columns[c])] as [string, string]),
    ['议事厅成果', yes(r.topicOutcome)],
    ['公告查阅或留言', yes(r.noticeInteraction)],
  ];
}
