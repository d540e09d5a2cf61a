/**
 * Rubric + inputs → a result per indicator and totals per level. Pure and deterministic: every
 * comparison and sum is exact (rational), and a score is rounded down to the rubric's step only
 * where it is shown.
 */
import { AppError } from '../errors';
import { bandText, edgesText, pts, refLabel, unitOf } from './describe';
import { assessmentSchema, normalizeValues, type Assessment, type Normalized, type RubricInputs } from './inputs';
import * as R from './rational';
import type { Q } from './rational';
import { contains, intervalOf, type Rubric, type RubricNode, type Rule, type RuleKind, type Scope, type Unit, type ValueRef } from './schema';

export type Status = 'scored' | 'pending' | 'missing' | 'notApplicable';

export interface ItemResult {
  /** indicator id, or indicator.part for a sub-item: the key assessments use */
  path: string;
  label: string;
  max: number | null;
  score: number;
  /** what the rules give before any assessor entry; null for judged items */
  proposed: number | null;
  assessed: Assessment | null;
  status: Status;
  rule: RuleKind;
  band?: { index: number; text: string };
  option?: { id: string; label: string };
  /** the input value(s) the rule read */
  value?: string;
  /** the range inside which an assessor may set the score */
  adjustable?: [number, number];
  missing?: string[];
  notes: string[];
  parts?: ItemResult[];
}

export interface IndicatorResult extends ItemResult {
  scope: Scope;
  /** labels of the groups above the indicator, outermost first */
  groups: string[];
}

export interface LevelTotal {
  id: string;
  label: string;
  depth: number;
  score: number;
  /** the largest main-scope score its indicators can reach */
  max: number;
  statedMax: number | null;
}

export interface RubricResult {
  rubric: { id: string; version: string; title: string };
  period?: string;
  indicators: IndicatorResult[];
  levels: LevelTotal[];
  totals: { main: number; bonus: number; penalty: number; total: number; max: number | null; reset: boolean };
  complete: boolean;
  pending: string[];
  missing: string[];
}

interface Bounds {
  lo: Q | null;
  hi: Q | null;
}

interface Outcome {
  value: Q | null;
  status: Status;
  missing: string[];
  notes: string[];
  band?: { index: number; text: string };
  option?: { id: string; label: string };
  valueText?: string;
  adjustable?: [Q, Q];
  reset?: boolean;
}

const toN = R.toNumber;
const clamp = (x: Q, b: Bounds): Q => {
  let y = x;
  if (b.lo && R.lt(y, b.lo)) y = b.lo;
  if (b.hi && R.lt(b.hi, y)) y = b.hi;
  return y;
};
const dec = (x?: number): Q | null => (x === undefined ? null : R.fromDecimal(x));
function assessmentError(path: string, message: string): never {
  throw new AppError('RUBRIC_ASSESSMENT_INVALID', `指标 ${path}：${message}`, { path });
}

class Scorer {
  private readonly step: Q;
  private readonly values: Map<string, Normalized>;
  private readonly assessments: Record<string, Assessment>;
  private readonly usedAssessments = new Set<string>();
  reset = false;

  constructor(
    private readonly rubric: Rubric,
    inputs: RubricInputs,
  ) {
    this.step = R.fromDecimal(rubric.step);
    this.values = normalizeValues(rubric, inputs.values);
    this.assessments = {};
    // callers may build inputs in code, bypassing parseInputs: check each entry here too
    for (const [path, a] of Object.entries(inputs.assessments ?? {})) {
      const res = assessmentSchema.safeParse(a);
      if (!res.success) assessmentError(path, res.error.issues.map((i) => `${i.path.join('.') || '(根)'}: ${i.message}`).join('；'));
      this.assessments[path] = res.data;
    }
  }

  unusedAssessments(): string[] {
    return Object.keys(this.assessments).filter((k) => !this.usedAssessments.has(k));
  }

  private numeric(ref: ValueRef): { value: Q | null; missing: string[]; text: string } {
    if (typeof ref !== 'string') {
      const a = this.numeric(ref.minus[0]);
      const b = this.numeric(ref.minus[1]);
      const missing = [...a.missing, ...b.missing];
      if (!a.value || !b.value) return { value: null, missing, text: '' };
      return { value: R.sub(a.value, b.value), missing, text: `${a.text}，${b.text}` };
    }
    const v = this.values.get(ref);
    if (!v) return { value: null, missing: [ref], text: '' };
    if (v.type !== 'numeric') throw new AppError('RUBRIC_INPUT_INVALID', `输入 ${ref} 应为数值`);
    return { value: v.value, missing: [], text: `${refLabel(this.rubric, ref)} = ${R.format(v.value, 4)}${unitOf(this.rubric.inputs[ref])}` };
  }

  private unitCount(u: Unit): { units: Q | null; missing: string[]; text: string } {
    const { value, missing, text } = this.numeric(u.input);
    if (!value) return { units: null, missing, text };
    let c = value;
    if (u.shortfallFrom !== undefined) c = R.maxQ(R.ZERO, R.sub(R.fromDecimal(u.shortfallFrom), value));
    else if (u.excessOver !== undefined) c = R.maxQ(R.ZERO, R.sub(value, R.fromDecimal(u.excessOver)));
    c = R.div(c, R.fromDecimal(u.per ?? 1));
    // 去尾: only complete units count, and a negative difference counts as none
    if ((u.rounding ?? 'floor') === 'floor') c = R.maxQ(R.ZERO, R.q(R.floorInt(c)));
    return { units: c, missing, text };
  }

  private evalRule(rule: Rule, max: number | undefined): Outcome {
    const base: Outcome = { value: null, status: 'scored', missing: [], notes: [] };
    switch (rule.kind) {
      case 'bands': {
        const { value, missing, text } = this.numeric(rule.input);
        if (!value) return { ...base, status: 'missing', missing };
        const index = rule.bands.findIndex((b) => contains(intervalOf(b), value));
        const band = rule.bands[index];
        if (!band) throw new AppError('RUBRIC_INPUT_INVALID', `${text} 不在任何档次内`);
        const hit = { index, text: bandText(this.rubric, rule.input, band) };
        const s = band.score;
        if (typeof s === 'number') return { ...base, value: R.fromDecimal(s), band: hit, valueText: text };
        if ('rule' in s) {
          const inner = this.evalRule(s.rule, max);
          return { ...inner, band: inner.band ?? hit, notes: [`所在档次：${hit.text}`, ...inner.notes], valueText: inner.valueText ?? text };
        }
        const iv = intervalOf(band);
        const lo = iv.lo!;
        const hi = s.saturateAt !== undefined ? R.fromDecimal(s.saturateAt) : iv.hi!;
        const [a, b] = ('range' in s ? s.range : s.linear).map((x) => R.fromDecimal(x)) as [Q, Q];
        const t = R.div(R.sub(R.minQ(value, hi), lo), R.sub(hi, lo));
        if ('linear' in s) {
          // a formula: exactly a at the lower edge, b at the upper edge (or saturation)
          const score = R.add(a, R.mul(t, R.sub(b, a)));
          return { ...base, value: score, band: hit, valueText: text, notes: [`档内线性：${R.format(a, 2)} + ${R.format(t, 4)} × (${R.format(b, 2)} − ${R.format(a, 2)}) = ${R.format(score, 4)}`] };
        }
        // a 评分区间 (PRODUCT.md: linear interpolation across the band, rounded down to the step):
        // each score owns an equal slice of the band (20–29 over 80%–100%: 2% each), i.e. the line
        // from a at the lower edge to b + step at the upper edge. The straight line to b would
        // propose the bottom score almost everywhere in a narrow range (2–3 over 5–10 visits).
        const width = R.add(R.sub(b, a), this.step);
        const score = R.minQ(b, R.add(a, R.mul(t, width)));
        return { ...base, value: score, band: hit, valueText: text, adjustable: [a, b], notes: [`档内插值：${R.format(a, 2)} + ${R.format(t, 4)} × ${R.format(width, 2)}，向下取整为建议分`] };
      }
      case 'proportional': {
        const { value, missing, text } = this.numeric(rule.input);
        if (!value) return { ...base, status: 'missing', missing };
        const frac = R.minQ(R.ONE, R.maxQ(R.ZERO, R.div(value, R.HUNDRED)));
        const p = R.fromDecimal(rule.points ?? max ?? 0);
        return { ...base, value: R.mul(p, frac), valueText: text, notes: [`${R.format(p, 2)} × ${R.format(R.mul(frac, R.HUNDRED), 4)}%`] };
      }
      case 'perUnit': {
        let total = R.fromDecimal(rule.base ?? 0);
        const notes: string[] = [];
        const missing: string[] = [];
        const texts: string[] = [];
        for (const u of rule.units) {
          const c = this.unitCount(u);
          missing.push(...c.missing);
          if (!c.units) continue;
          texts.push(c.text);
          const contrib = clamp(R.mul(c.units, R.fromDecimal(u.points)), { lo: dec(u.min), hi: dec(u.max) });
          notes.push(`${u.label}：${R.format(c.units, 4)} × ${u.points} = ${R.format(contrib, 4)}`);
          total = R.add(total, contrib);
        }
        if (missing.length) return { ...base, status: 'missing', missing };
        const bounded = clamp(total, { lo: dec(rule.min), hi: dec(rule.max) });
        if (!R.eq(bounded, total)) notes.push(`合计 ${R.format(total, 4)} 限于 ${R.format(bounded, 4)}`);
        return { ...base, value: bounded, notes, valueText: texts.join('；') };
      }
      case 'tieredDeduction': {
        const { value, missing, text } = this.numeric(rule.input);
        if (!value) return { ...base, status: 'missing', missing };
        const from = R.fromDecimal(rule.base ?? max ?? 0);
        const index = rule.tiers.findIndex((t) => contains(intervalOf(t), value));
        const tier = rule.tiers[index];
        if (!tier) return { ...base, value: from, valueText: text, notes: ['不在任何扣分档次，不扣分'] };
        const name = refLabel(this.rubric, rule.input);
        return { ...base, value: R.sub(from, R.fromDecimal(tier.deduct)), valueText: text, band: { index, text: `${edgesText(tier, name, unitOf(this.rubric.inputs[rule.input]))} → 扣 ${pts(tier.deduct)}` } };
      }
      case 'choice': {
        const v = this.values.get(rule.input);
        if (!v) return { ...base, status: 'missing', missing: [rule.input] };
        const id = v.type === 'boolean' ? (v.value ? 'yes' : 'no') : v.type === 'option' ? v.value : '';
        const opt = rule.options.find((o) => o.id === id);
        if (!opt) throw new AppError('RUBRIC_INPUT_INVALID', `输入 ${rule.input} 的取值不在选项中`);
        const option = { id: opt.id, label: opt.label };
        if (typeof opt.score === 'number') return { ...base, value: R.fromDecimal(opt.score), option, valueText: opt.label };
        const [a, b] = opt.score.range.map((x) => R.fromDecimal(x)) as [Q, Q];
        // a judged range: propose its floor until an assessor decides
        return { ...base, status: 'pending', value: a, option, valueText: opt.label, adjustable: [a, b], notes: ['本选项为评分区间，建议分取下限，须由评估人评定'] };
      }
      case 'manual':
        return { ...base, status: 'pending', adjustable: [R.ZERO, R.fromDecimal(max ?? 0)] };
      case 'instances': {
        const v = this.values.get(rule.input);
        if (!v) return { ...base, status: 'missing', missing: [rule.input] };
        if (v.type !== 'instances') throw new AppError('RUBRIC_INPUT_INVALID', `输入 ${rule.input} 应为列表`);
        const [lo, hi] = rule.range.map((x) => R.fromDecimal(x)) as [Q, Q];
        v.value.forEach((i, k) => {
          if (R.lt(i.points, lo) || R.lt(hi, i.points)) throw new AppError('RUBRIC_INPUT_INVALID', `输入 ${rule.input}[${k}]：每次应在 ${rule.range[0]} 至 ${rule.range[1]} 分之间`);
          if (!R.isMultipleOf(i.points, this.step)) throw new AppError('RUBRIC_INPUT_INVALID', `输入 ${rule.input}[${k}]：分值须为 ${this.rubric.step} 的整数倍`);
        });
        const total = R.sum(v.value.map((i) => i.points));
        return {
          ...base,
          value: clamp(total, { lo: dec(rule.min), hi: dec(rule.max) }),
          valueText: `${v.value.length} 次`,
          notes: v.value.map((i) => `${i.raw.points}：${i.raw.reason}`),
        };
      }
      case 'reset': {
        const v = this.values.get(rule.input);
        if (!v) return { ...base, status: 'missing', missing: [rule.input] };
        const on = v.type === 'boolean' && v.value;
        return { ...base, value: R.ZERO, reset: on, valueText: on ? '是' : '否', notes: on ? ['当期积分合计清零'] : [] };
      }
      case 'notApplicable':
        return { ...base, value: R.ZERO, status: 'notApplicable', notes: [rule.reason] };
      case 'sum':
        throw new Error('sum is scored by scoreUnit');
    }
  }

  /** Scores an indicator or a sub-item: rule outcome, rounding, bounds, then any assessor entry. */
  scoreUnit(path: string, label: string, rule: Rule, max: number | undefined, bounds: Bounds): { item: ItemResult; exact: Q } {
    if (rule.kind === 'sum') {
      if (this.assessments[path]) assessmentError(path, '由分项相加得出，请对分项评定');
      const parts = rule.parts.map((p) => this.scoreUnit(`${path}.${p.id}`, p.label, p.rule, p.max, { lo: dec(p.min), hi: dec(p.max) }));
      const raw = R.add(R.fromDecimal(rule.base ?? 0), R.sum(parts.map((p) => p.exact)));
      const score = clamp(raw, bounds);
      const items = parts.map((p) => p.item);
      const missing = items.flatMap((p) => p.missing ?? []);
      const status: Status = missing.length ? 'missing' : items.some((p) => p.status === 'pending') ? 'pending' : 'scored';
      const notes = R.eq(raw, score) ? [] : [`分项合计 ${R.format(raw, 2)}，限于 ${R.format(score, 2)}（扣完为止）`];
      return { item: { path, label, max: max ?? null, score: toN(score), proposed: null, assessed: null, status, rule: 'sum', notes, parts: items, ...(missing.length ? { missing } : {}) }, exact: score };
    }
    const o = this.evalRule(rule, max);
    if (o.reset) this.reset = true;
    const proposed = o.value ? clamp(R.floorTo(o.value, this.step), bounds) : null;
    let score = proposed ?? R.ZERO;
    let status = o.status;
    let assessed: Assessment | null = null;
    const a = this.assessments[path];
    if (a) {
      this.usedAssessments.add(path);
      if (!o.adjustable) assessmentError(path, '得分由规则确定，不能人工调整');
      if (o.status === 'missing') assessmentError(path, `缺少输入 ${o.missing.join('、')}，无法确定所在档次`);
      const s = R.fromDecimal(a.score);
      const [lo, hi] = o.adjustable!;
      if (R.lt(s, lo) || R.lt(hi, s)) assessmentError(path, `评定分 ${a.score} 须在 ${R.format(lo, 2)}–${R.format(hi, 2)} 之间（同一档次内）`);
      if (!R.isMultipleOf(s, this.step)) assessmentError(path, `评定分须为 ${this.rubric.step} 的整数倍`);
      if (rule.kind === 'manual' && !(a.evidence ?? []).length) assessmentError(path, '人工评分须附证据（evidence）');
      assessed = a;
      score = s;
      status = 'scored';
    }
    const item: ItemResult = {
      path,
      label,
      max: max ?? null,
      score: toN(score),
      proposed: proposed ? toN(proposed) : null,
      assessed,
      status,
      rule: rule.kind,
      notes: o.notes,
      ...(o.band ? { band: o.band } : {}),
      ...(o.option ? { option: o.option } : {}),
      ...(o.valueText ? { value: o.valueText } : {}),
      ...(o.adjustable ? { adjustable: [toN(o.adjustable[0]), toN(o.adjustable[1])] as [number, number] } : {}),
      ...(o.missing.length ? { missing: o.missing } : {}),
    };
    return { item, exact: score };
  }
}

function scopeBounds(scope: Scope, max: number | undefined): Bounds {
  const m = dec(max);
  return scope === 'penalty' ? { lo: m ? R.neg(m) : null, hi: R.ZERO } : { lo: R.ZERO, hi: m };
}

/** Scores every indicator of the rubric from the inputs. Throws AppError for inputs that break the rubric's rules. */
export function scoreRubric(rubric: Rubric, inputs: RubricInputs): RubricResult {
  if (inputs.rubric && inputs.rubric !== rubric.id) throw new AppError('RUBRIC_INPUT_INVALID', `输入文件针对的是 ${inputs.rubric}，不是 ${rubric.id}`);
  const s = new Scorer(rubric, inputs);
  const indicators: IndicatorResult[] = [];
  const levels: LevelTotal[] = [];
  const exact = new Map<string, Q>();

  const walk = (n: RubricNode, groups: string[], depth: number): { score: Q; max: number } => {
    if (n.rule) {
      const scope = n.scope ?? 'main';
      const { item, exact: e } = s.scoreUnit(n.id, n.label, n.rule, n.max, scopeBounds(scope, n.max));
      indicators.push({ ...item, scope, groups });
      exact.set(n.id, e);
      return { score: e, max: scope === 'main' ? (n.max ?? 0) : 0 };
    }
    const slot = levels.length;
    levels.push({ id: n.id, label: n.label, depth, score: 0, max: 0, statedMax: n.max ?? null });
    let score = R.ZERO;
    let max = 0;
    for (const c of n.items ?? []) {
      const r = walk(c, [...groups, n.label], depth + 1);
      score = R.add(score, r.score);
      max += r.max;
    }
    levels[slot] = { ...levels[slot]!, score: toN(score), max };
    return { score, max };
  };
  for (const n of rubric.items) walk(n, [], 0);

  const unused = s.unusedAssessments();
  if (unused.length) throw new AppError('RUBRIC_ASSESSMENT_INVALID', `评定针对的指标不存在：${unused.join('、')}`, { paths: unused });

  const by = (scope: Scope) => R.sum(indicators.filter((i) => i.scope === scope).map((i) => exact.get(i.path)!));
  const main = by('main');
  const bonus = by('bonus');
  const penalty = by('penalty');
  const total = s.reset ? R.ZERO : R.add(R.add(main, bonus), penalty);
  const flat = (items: ItemResult[]): ItemResult[] => items.flatMap((i) => (i.parts ? flat(i.parts) : [i]));
  const leaves = flat(indicators);
  return {
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    ...(inputs.period ? { period: inputs.period } : {}),
    indicators,
    levels,
    totals: { main: toN(main), bonus: toN(bonus), penalty: toN(penalty), total: toN(total), max: rubric.max ?? null, reset: s.reset },
    complete: leaves.every((i) => i.status === 'scored' || i.status === 'notApplicable'),
    pending: leaves.filter((i) => i.status === 'pending').map((i) => i.path),
    missing: [...new Set(leaves.flatMap((i) => i.missing ?? []))],
  };
}
