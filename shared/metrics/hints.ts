/**
 * What it takes to reach the next band, computed exactly from the band edges and the counts
 * (「还需 3 个居委完成初始化」), and which committees hold each indicator back (below the edge of
 * the indicator's top band).
 */
import type { AcceptanceInputValues } from '../rubric/keys';
import { edgesText, pts, refLabel, unitOf } from '../rubric/describe';
import * as R from '../rubric/rational';
import type { Q } from '../rubric/rational';
import { contains, intervalOf, type Band, type Rubric } from '../rubric/schema';
import { INIT_ITEM_LABELS } from './checklist';
import { COLUMN_LABELS, COLUMNS, type CommitteeRow, type Fraction } from './indicators';
import { indicatorNodes } from './score';

type BandKey = 'initCompletionRate' | 'residentInfoCompletenessRate' | 'visitsPerCommittee' | 'meetingsPerCommittee' | 'activitiesPerCommittee' | 'issuesHandledPerCommittee' | 'householdCloudRate';

/** What one more unit of the numerator is, in words. */
const NEED: Record<BandKey, string> = {
  initCompletionRate: '个居委完成初始化',
  residentInfoCompletenessRate: '名居民的信息完善',
  visitsPerCommittee: '次走访接待记录',
  meetingsPerCommittee: '次会议记录',
  activitiesPerCommittee: '次活动开展记录',
  issuesHandledPerCommittee: '件问题办结',
  householdCloudRate: '户家庭上云',
};

const isBandKey = (k: string): k is BandKey => Object.prototype.hasOwnProperty.call(NEED, k);
const ceilQ = (x: Q): bigint => -R.floorInt(R.neg(x));

export interface Hint {
  path: string;
  label: string;
  /** units still needed in the numerator, or null when no count can reach it */
  need: number | null;
  text: string;
  toBand: { index: number; text: string } | null;
}

/** The value the rubric compares: percent for a rate, the quotient for a per-committee average. */
function scaled(rubric: Rubric, key: string, f: Fraction): Q {
  const v = R.q(f.num, f.den);
  return rubric.inputs[key]?.type === 'rate' ? R.mul(v, R.HUNDRED) : v;
}

/** The smallest numerator increase that lifts num/den into `band` (its lower edge). */
export function unitsToReach(rubric: Rubric, key: string, f: Fraction, band: Band): number {
  const iv = intervalOf(band);
  const lo = iv.lo ?? R.ZERO;
  const unit = rubric.inputs[key]?.type === 'rate' ? R.HUNDRED : R.ONE;
  const target = R.div(R.mul(lo, R.q(f.den)), unit); // the numerator at the edge
  const needed = iv.loIncl ? ceilQ(target) : R.floorInt(target) + 1n;
  const x = needed - BigInt(f.num);
  return Number(x > 0n ? x : 0n);
}

/** The band just above the value: the one with the lowest lower edge above it. */
function bandAbove(bands: Band[], v: Q): { band: Band; index: number } | null {
  let best: { band: Band; index: number; lo: Q } | null = null;
  bands.forEach((band, index) => {
    const iv = intervalOf(band);
    if (!iv.lo || contains(iv, v) || R.lt(iv.lo, v)) return;
    if (!best || R.lt(iv.lo, best.lo)) best = { band, index, lo: iv.lo };
  });
  return best;
}

/** "60% ≤ 初始化完成率 < 80%（10–19分）": the edges and the scores, without the engine's long notes. */
function shortBandText(rubric: Rubric, key: string, band: Band): string {
  const s = band.score;
  const score = typeof s === 'number' ? pts(s) : 'range' in s ? `${s.range[0]}–${pts(s.range[1])}` : 'linear' in s ? `${s.linear[0]}–${pts(s.linear[1])}` : '另按规则计分';
  return `${edgesText(band, refLabel(rubric, key), unitOf(rubric.inputs[key]))}（${score}）`;
}

const asFraction = (v: unknown): Fraction | null => (typeof v === 'object' && v !== null && 'num' in v && 'den' in v ? (v as Fraction) : null);

export function nextBandHints(rubric: Rubric, values: AcceptanceInputValues, rows: CommitteeRow[], streets: { id: string; name: string; liaisons: number }[], districtLiaisons: number): Hint[] {
  const hints: Hint[] = [];
  const counted = rows.filter((r) => !r.exclusion);
  for (const node of indicatorNodes(rubric)) {
    const rule = node.rule!;
    if (rule.kind === 'bands' && typeof rule.input === 'string' && isBandKey(rule.input)) {
      const f = asFraction(values[rule.input]);
      if (!f) continue;
      const above = bandAbove(rule.bands, scaled(rubric, rule.input, f));
      if (!above) continue;
      const need = unitsToReach(rubric, rule.input, f, above.band);
      const band = shortBandText(rubric, rule.input, above.band);
      hints.push({ path: node.id, label: node.label, need, toBand: { index: above.index, text: band }, text: `还需 ${need} ${NEED[rule.input]}，可达到“${band}”` });
    } else if (node.id === 'columnUsage' && values.interactiveUsage && values.interactiveUsage !== 'allWithOutcome') {
      const missing = COLUMNS.filter((c) => !counted.some((r) => r.columns[c])).map((c) => `${COLUMN_LABELS[c]}有使用记录`);
      if (!counted.some((r) => r.topicOutcome)) missing.push('议事厅有成果');
      if (!counted.some((r) => r.noticeInteraction)) missing.push('社区公告有查阅或留言');
      hints.push({ path: node.id, label: node.label, need: missing.length, toBand: null, text: `还需：${missing.join('；')}` });
    } else if (node.id === 'opsTeam' && values.opsTeamDesignated === false) {
      const missing = [...(districtLiaisons > 0 ? [] : ['区联络员']), ...streets.filter((s) => s.liaisons === 0).map((s) => `${s.name}联络员`)];
      if (missing.length) hints.push({ path: node.id, label: node.label, need: missing.length, toBand: null, text: `还需指定：${missing.join('、')}` });
    }
  }
  return hints;
}

export interface Laggard {
  committeeId: string;
  name: string;
  /** how far below the target: units of the indicator, or checklist items missing */
  shortfall: number;
  detail: string;
}

/** The lowest edge at which the indicator reaches its highest-scoring band. */
function topEdge(bands: Band[]): Band | null {
  const top = (b: Band) => (typeof b.score === 'number' ? b.score : 'range' in b.score ? b.score.range[1] : 'linear' in b.score ? b.score.linear[1] : -1);
  return [...bands].sort((a, b) => top(b) - top(a))[0] ?? null;
}

const ROW_MEASURE: Partial<Record<BandKey, (r: CommitteeRow) => Fraction>> = {
  residentInfoCompletenessRate: (r) => r.completeness,
  householdCloudRate: (r) => r.cloud,
  visitsPerCommittee: (r) => ({ num: r.visits, den: 1 }),
  meetingsPerCommittee: (r) => ({ num: r.meetings, den: 1 }),
  activitiesPerCommittee: (r) => ({ num: r.activities, den: 1 }),
  issuesHandledPerCommittee: (r) => ({ num: r.issuesHandled, den: 1 }),
};

/** Per indicator path, the counted committees below the top band, largest shortfall first. */
export function holdingBack(rubric: Rubric, rows: CommitteeRow[]): Record<string, Laggard[]> {
  const out: Record<string, Laggard[]> = {};
  const counted = rows.filter((r) => !r.exclusion);
  for (const node of indicatorNodes(rubric)) {
    const rule = node.rule!;
    let list: Laggard[] = [];
    if (rule.kind === 'bands' && rule.input === 'initCompletionRate') {
      list = counted.filter((r) => r.initGaps.length).map((r) => ({ committeeId: r.committeeId, name: r.name, shortfall: r.initGaps.length, detail: `未完成：${r.initGaps.map((g) => INIT_ITEM_LABELS[g]).join('、')}` }));
    } else if (rule.kind === 'bands' && typeof rule.input === 'string' && isBandKey(rule.input)) {
      const measure = ROW_MEASURE[rule.input];
      const target = topEdge(rule.bands);
      if (!measure || !target) continue;
      const key = rule.input;
      list = counted.flatMap((r) => {
        const f = measure(r);
        if (f.den === 0) return [{ committeeId: r.committeeId, name: r.name, shortfall: 0, detail: '暂无数据' }];
        if (contains(intervalOf(target), scaled(rubric, key, f)) || !R.lt(scaled(rubric, key, f), intervalOf(target).lo ?? R.ZERO)) return [];
        const need = unitsToReach(rubric, key, f, target);
        return [{ committeeId: r.committeeId, name: r.name, shortfall: need, detail: `还需 ${need} ${NEED[key]}` }];
      });
    } else if (node.id === 'columnUsage') {
      list = counted.flatMap((r) => {
        const missing = COLUMNS.filter((c) => !r.columns[c]).map((c) => COLUMN_LABELS[c]);
        return missing.length ? [{ committeeId: r.committeeId, name: r.name, shortfall: missing.length, detail: `无使用记录：${missing.join('、')}` }] : [];
      });
    } else continue;
    out[node.id] = list.sort((a, b) => b.shortfall - a.shortfall || a.name.localeCompare(b.name, 'zh'));
  }
  return out;
}
