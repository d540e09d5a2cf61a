/** Chinese renderings of encoded rules, shared by results (band labels) and `rubric explain`. */
import { fromDecimal, format } from './rational';
import type { Band, BandScore, Edges, InputDecl, Rubric, Rule, Unit, ValueRef } from './schema';

export const pts = (x: number): string => `${format(fromDecimal(x), 2)}分`;

export function unitOf(decl: InputDecl | undefined): string {
  return decl?.type === 'rate' ? '%' : (decl?.unit ?? '');
}

export function refLabel(rubric: Rubric, ref: ValueRef): string {
  if (typeof ref === 'string') return rubric.inputs[ref]?.label ?? ref;
  return `${refLabel(rubric, ref.minus[0])} − ${refLabel(rubric, ref.minus[1])}`;
}

function refUnit(rubric: Rubric, ref: ValueRef): string {
  return unitOf(rubric.inputs[typeof ref === 'string' ? ref : ref.minus[0]]);
}

/** "80% ≤ 初始化完成率 < 100%", with the seed's own ≤ / < kept. */
export function edgesText(e: Edges, name: string, unit: string): string {
  const v = (x: number) => `${format(fromDecimal(x), 4)}${unit}`;
  if (e.eq !== undefined) return `${name} = ${v(e.eq)}`;
  const left = e.gte !== undefined ? `${v(e.gte)} ≤ ` : e.gt !== undefined ? `${v(e.gt)} < ` : '';
  const right = e.lte !== undefined ? ` ≤ ${v(e.lte)}` : e.lt !== undefined ? ` < ${v(e.lt)}` : '';
  if (left && !right) return `${name} ${e.gte !== undefined ? '≥' : '>'} ${v((e.gte ?? e.gt)!)}`;
  return `${left}${name}${right}`;
}

export function bandScoreText(s: BandScore, unit: string): string {
  if (typeof s === 'number') return pts(s);
  if ('rule' in s) return '按下列规则计分';
  const sat = s.saturateAt !== undefined ? `，按本档止于 ${format(fromDecimal(s.saturateAt), 4)}${unit} 计算，其上均为 ${pts('range' in s ? s.range[1] : s.linear[1])}` : '';
  if ('range' in s) return `评分区间 ${format(fromDecimal(s.range[0]), 2)}–${pts(s.range[1])}（本档按区间内分数等分，建议分随取值线性上升、向下取整${sat}；评估人可在区间内改定并说明理由）`;
  return `自下边界 ${pts(s.linear[0])} 线性变化至上边界 ${pts(s.linear[1])}${sat}`;
}

export function bandText(rubric: Rubric, input: ValueRef, band: Band): string {
  const unit = refUnit(rubric, input);
  return `${edgesText(band, refLabel(rubric, input), unit)} → ${bandScoreText(band.score, unit)}`;
}

function unitText(rubric: Rubric, u: Unit): string {
  const name = refLabel(rubric, u.input);
  const unit = refUnit(rubric, u.input);
  const per = u.per && u.per !== 1 ? `每${format(fromDecimal(u.per), 4)}${unit}` : `每1${unit}`;
  const what = u.shortfallFrom !== undefined ? `${name}低于 ${u.shortfallFrom}${unit} 的部分，${per}` : u.excessOver !== undefined ? `${name}超过 ${u.excessOver}${unit} 的部分，${per}` : `${name}，${per}`;
  const sign = u.points >= 0 ? `加 ${pts(u.points)}` : `扣 ${pts(-u.points)}`;
  const rounding = u.rounding === 'exact' ? '（按比例折算）' : u.per && u.per !== 1 ? '（不足一个单位不计）' : '';
  const bound = [u.min !== undefined ? `不低于 ${pts(u.min)}` : '', u.max !== undefined ? `不超过 ${pts(u.max)}` : ''].filter(Boolean).join('，');
  return `${u.label}：${what}${sign}${rounding}${bound ? `；本项${bound}` : ''}`;
}

/** One line per clause, indented for nested rules. */
export function ruleLines(rubric: Rubric, rule: Rule, max?: number, indent = ''): string[] {
  const out: string[] = [];
  const push = (s: string) => out.push(indent + s);
  switch (rule.kind) {
    case 'bands':
      for (const b of rule.bands) {
        push(bandText(rubric, rule.input, b) + (b.note ? `（${b.note}）` : ''));
        if (typeof b.score === 'object' && 'rule' in b.score) out.push(...ruleLines(rubric, b.score.rule, max, `${indent}    `));
      }
      break;
    case 'proportional':
      push(`得分 = ${pts(rule.points ?? max ?? 0)} × ${refLabel(rubric, rule.input)}`);
      break;
    case 'perUnit': {
      push(`基础分 ${pts(rule.base ?? 0)}`);
      for (const u of rule.units) push(`  ${unitText(rubric, u)}`);
      const bound = [rule.min !== undefined ? `最低 ${pts(rule.min)}` : '', rule.max !== undefined ? `最高 ${pts(rule.max)}` : ''].filter(Boolean).join('，');
      if (bound) push(`  合计${bound}`);
      break;
    }
    case 'tieredDeduction': {
      const unit = unitOf(rubric.inputs[rule.input]);
      push(`基础分 ${pts(rule.base ?? max ?? 0)}，按${refLabel(rubric, rule.input)}所在档次扣分（不在任何档次则不扣）：`);
      for (const t of rule.tiers) push(`  ${edgesText(t, refLabel(rubric, rule.input), unit)} → 扣 ${pts(t.deduct)}`);
      break;
    }
    case 'choice':
      push(`按${refLabel(rubric, rule.input)}选择：`);
      for (const o of rule.options) push(`  ${o.label} → ${typeof o.score === 'number' ? pts(o.score) : `评分区间 ${format(fromDecimal(o.score.range[0]), 2)}–${pts(o.score.range[1])}（评估人评定）`}`);
      break;
    case 'manual':
      push(`评估人在 0–${pts(max ?? 0)} 之间评定，须附证据${rule.guidance ? `；${rule.guidance}` : ''}`);
      break;
    case 'sum':
      push(`${rule.base ? `基础分 ${pts(rule.base)}，` : ''}各分项相加${max !== undefined ? `，合计限于 0–${pts(max)}` : ''}：`);
      for (const p of rule.parts) {
        push(`  〔${p.id}〕${p.label}${p.max !== undefined ? `（${pts(p.max)}）` : ''}`);
        out.push(...ruleLines(rubric, p.rule, p.max, `${indent}      `));
        if (p.reading) push(`      解读：${p.reading}`);
      }
      break;
    case 'instances':
      push(`每次（${refLabel(rubric, rule.input)}）按情节在 ${pts(rule.range[0])} 至 ${pts(rule.range[1])} 之间计，逐条写明事由${rule.min !== undefined ? `；合计不低于 ${pts(rule.min)}` : ''}`);
      break;
    case 'reset':
      push(`${refLabel(rubric, rule.input)}为“是”时，当期积分合计清零`);
      break;
    case 'notApplicable':
      push(`不适用：${rule.reason}`);
      break;
  }
  return out;
}
