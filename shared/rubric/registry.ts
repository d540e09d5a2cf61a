/**
 * Rubrics by id. The JSON files are imported statically so that the mini-program and the cloud
 * functions bundle them; nothing here reads the file system. Each file is validated on first use.
 */
import { AppError } from '../errors';
import acceptance from '../../rubrics/000_shequyun-acceptance.json';
import gridGovernance from '../../rubrics/001_grid-governance.json';
import wangcheng2021 from '../../rubrics/002_wangcheng-2021-performance.json';
import happyHomeDistrict from '../../rubrics/003_happy-home-district.json';
import happyHomeCommunity from '../../rubrics/003_happy-home-community.json';
import pointsCard from '../../rubrics/004_baishihui-points-card.json';
import { parseRubric, type Rubric } from './schema';

export const RUBRIC_IDS = {
  acceptance: 'shequyun-acceptance',
  gridGovernance: 'grid-governance',
  wangcheng2021: 'wangcheng-2021-performance',
  happyHomeDistrict: 'happy-home-district',
  happyHomeCommunity: 'happy-home-community',
  pointsCard: 'baishihui-points-card',
} as const;
export type RubricId = (typeof RUBRIC_IDS)[keyof typeof RUBRIC_IDS];

const FILES: Record<RubricId, { file: string; data: unknown }> = {
  'shequyun-acceptance': { file: '000_shequyun-acceptance.json', data: acceptance },
  'grid-governance': { file: '001_grid-governance.json', data: gridGovernance },
  'wangcheng-2021-performance': { file: '002_wangcheng-2021-performance.json', data: wangcheng2021 },
  'happy-home-district': { file: '003_happy-home-district.json', data: happyHomeDistrict },
  'happy-home-community': { file: '003_happy-home-community.json', data: happyHomeCommunity },
  'baishihui-points-card': { file: '004_baishihui-points-card.json', data: pointsCard },
};

const cache = new Map<string, Rubric>();

export function rubricIds(): RubricId[] {
  return Object.keys(FILES) as RubricId[];
}

export function isRubricId(id: string): id is RubricId {
  return Object.prototype.hasOwnProperty.call(FILES, id);
}

/** The validated rubric; throws NOT_FOUND for an unknown id and RUBRIC_INVALID for a bad file. */
export function getRubric(id: string): Rubric {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!isRubricId(id)) throw new AppError('NOT_FOUND', `没有编号为 ${id} 的评分规则`);
  const entry = FILES[id];
  const rubric = parseRubric(entry.data, entry.file);
  if (rubric.id !== id) throw new AppError('RUBRIC_INVALID', `评分规则文件 ${entry.file} 的 id 是 ${rubric.id}，应为 ${id}`);
  cache.set(id, rubric);
  return rubric;
}
