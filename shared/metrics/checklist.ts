/**
 * 初始化完成 (seed 000 数据初始化), per committee, from what the platform actually holds:
 * - registerImported 人口库已导入: the register lists at least one household;
 * - staffBound 工作人员已绑定: at least one active staff member or secretary has signed in with WeCom;
 * - buildingsAndGrids 楼栋与网格已设置: every register household has a 楼号 and a 网格;
 * - profileFilled 基本信息已填写: name, kind and a 12-digit code under its street's code.
 */
import type { CommitteeDoc, StreetDoc } from '../domain/regions';
import type { CommitteeFacts } from '../domain/metrics';

export const INIT_ITEMS = ['registerImported', 'staffBound', 'buildingsAndGrids', 'profileFilled'] as const;
export type InitItem = (typeof INIT_ITEMS)[number];

export const INIT_ITEM_LABELS: Record<InitItem, string> = {
  registerImported: '人口库已导入',
  staffBound: '工作人员已绑定',
  buildingsAndGrids: '楼栋与网格已设置',
  profileFilled: '基本信息已填写',
};

/** The profile fields that are missing or invalid; the street is null when the link is broken. */
export function profileGaps(c: Pick<CommitteeDoc, 'code' | 'name' | 'kind'>, street: Pick<StreetDoc, 'code'> | null): string[] {
  const gaps: string[] = [];
  if (!c.name || !c.name.trim()) gaps.push('名称');
  if (c.kind !== 'urban' && c.kind !== 'rural') gaps.push('居委/村委类别');
  // the 12-digit statistical code begins with its street's 9-digit code
  if (!/^\d{12}$/.test(c.code ?? '') || !street || !c.code.startsWith(street.code)) gaps.push('区划代码');
  if (!street) gaps.push('所属街镇');
  return gaps;
}

type ChecklistFacts = Pick<CommitteeFacts, 'households' | 'householdsWithBuilding' | 'householdsWithGrid' | 'staffBound' | 'profileGaps'>;

/** The checklist items a committee has not completed (empty = initialisation complete). */
export function initGaps(f: ChecklistFacts): InitItem[] {
  const done: Record<InitItem, boolean> = {
    registerImported: f.households > 0,
    staffBound: f.staffBound > 0,
    buildingsAndGrids: f.households > 0 && f.householdsWithBuilding === f.households && f.householdsWithGrid === f.households,
    profileFilled: f.profileGaps.length === 0,
  };
  return INIT_ITEMS.filter((i) => !done[i]);
}
