/**
 * The rubric file format. Structural checks are zod; the checks that need the whole file (a
 * rule names an undeclared input, bands overlap or leave a gap, a group's stated maximum does
 * not add up) run afterwards and report the same way: the path of the field and the reason.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { cmp, fromDecimal, isMultipleOf, q, type Q } from './rational';

/** Points in the files have at most two decimals, so every score is an exact number of hundredths. */
const points = z.number().refine((x) => Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-9, {
  message: '分值最多保留两位小数',
});
const nonEmpty = z.string().trim().min(1);
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { message: '编号只能由字母、数字、_、- 组成，且以字母开头' });

export type InputType = 'rate' | 'number' | 'count' | 'boolean' | 'option' | 'instances';
export type Source = 'platform' | 'records' | 'assessor';

export interface InputDecl {
  label: string;
  type: InputType;
  source: Source;
  description: string;
  /** display unit; rates are always written and compared in percent */
  unit?: string;
  /** domain, in the unit thresholds are written in (percent for rates) */
  min?: number;
  max?: number;
  options?: { id: string; label: string }[];
  /** the value when none is given: a card starts empty, an incident count at 0 */
  default?: number | boolean | [];
}

/** An input key, or the difference of two numeric inputs (this year's staff less last year's). */
export type ValueRef = string | { minus: [string, string] };

export interface Edges {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  eq?: number;
}

/**
 * A band's score: fixed; a 评分区间 an assessor may choose inside (proposed by interpolation);
 * a formula that runs linearly from the score at the lower edge to the score at the upper edge;
 * or another rule that applies only inside this band.
 */
export type BandScore =
  | number
  /** the band is split evenly among the range's scores; saturateAt ends an open band for that split */
  | { range: [number, number]; saturateAt?: number }
  | { linear: [number, number]; saturateAt?: number }
  | { rule: Rule };

export type Band = Edges & { score: BandScore; note?: string };
export type Tier = Edges & { deduct: number };

export interface Unit {
  id: string;
  label: string;
  input: ValueRef;
  /** signed points per unit */
  points: number;
  /** instances per unit (每少500条 → 500); default 1 */
  per?: number;
  /** count the shortfall below this target instead of the value (每少1户) */
  shortfallFrom?: number;
  /** count only what exceeds this (超过2笔后 / 每超出1%) */
  excessOver?: number;
  /** floor: only complete units count (去尾); exact: prorated */
  rounding?: 'floor' | 'exact';
  /** bounds on this unit's contribution */
  min?: number;
  max?: number;
}

export interface ChoiceOption {
  id: string;
  label: string;
  score: number | { range: [number, number] };
}

export interface Part {
  id: string;
  label: string;
  max?: number;
  min?: number;
  criteria?: string[];
  reading?: string;
  rule: Rule;
}

export type Rule =
  | { kind: 'bands'; input: ValueRef; bands: Band[] }
  | { kind: 'proportional'; input: string; points?: number }
  | { kind: 'perUnit'; base?: number; units: Unit[]; min?: number; max?: number }
  | { kind: 'tieredDeduction'; input: string; base?: number; tiers: Tier[] }
  | { kind: 'choice'; input: string; options: ChoiceOption[] }
  | { kind: 'manual'; guidance?: string }
  | { kind: 'sum'; base?: number; parts: Part[] }
  | { kind: 'instances'; input: string; range: [number, number]; min?: number; max?: number }
  | { kind: 'reset'; input: string }
  | { kind: 'notApplicable'; reason: string };

export type RuleKind = Rule['kind'];
export type Scope = 'main' | 'bonus' | 'penalty';

/** A node is a group (has `items`) or an indicator (has `rule`). */
export interface RubricNode {
  id: string;
  label: string;
  /** the maximum the seed states; for a penalty item, the most it can take away */
  max?: number;
  scope?: Scope;
  computedBy?: Source;
  /** 评分要点 / 指标说明 as written */
  points?: string;
  /** 评分标准 as written, one line per clause */
  criteria?: string[];
  /** how this file reads the seed where the seed is ambiguous or inconsistent */
  reading?: string;
  rule?: Rule;
  items?: RubricNode[];
}

export interface Rubric {
  id: string;
  version: string;
  title: string;
  source: string;
  /** scores are rounded down to multiples of this */
  step: number;
  max?: number;
  description?: string;
  readings?: string[];
  definitions?: Record<string, unknown>;
  inputs: Record<string, InputDecl>;
  items: RubricNode[];
}

const inputDecl: z.ZodType<InputDecl> = z.strictObject({
  label: nonEmpty,
  type: z.enum(['rate', 'number', 'count', 'boolean', 'option', 'instances']),
  source: z.enum(['platform', 'records', 'assessor']),
  description: nonEmpty,
  unit: z.string().optional(),
  min: points.optional(),
  max: points.optional(),
  options: z.array(z.strictObject({ id, label: nonEmpty })).min(2).optional(),
  default: z.union([z.number(), z.boolean(), z.tuple([])]).optional(),
});

const valueRef: z.ZodType<ValueRef> = z.union([z.string().min(1), z.strictObject({ minus: z.tuple([z.string().min(1), z.string().min(1)]) })]);
const pair = z.tuple([points, points]);

const edges = {
  gt: points.optional(),
  gte: points.optional(),
  lt: points.optional(),
  lte: points.optional(),
  eq: points.optional(),
};

const bandScore: z.ZodType<BandScore> = z.union([
  points,
  z.strictObject({ range: pair, saturateAt: points.optional() }),
  z.strictObject({ linear: pair, saturateAt: points.optional() }),
  z.strictObject({ get rule() { return rule; } }),
]);

const unit: z.ZodType<Unit> = z.strictObject({
  id,
  label: nonEmpty,
  input: valueRef,
  points,
  per: points.refine((x) => x > 0, { message: 'per 必须大于 0' }).optional(),
  shortfallFrom: points.optional(),
  excessOver: points.optional(),
  rounding: z.enum(['floor', 'exact']).optional(),
  min: points.optional(),
  max: points.optional(),
});

const part: z.ZodType<Part> = z.strictObject({
  id,
  label: nonEmpty,
  max: points.optional(),
  min: points.optional(),
  criteria: z.array(nonEmpty).optional(),
  reading: nonEmpty.optional(),
  get rule() { return rule; },
});

export const rule: z.ZodType<Rule> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bands'), input: valueRef, bands: z.array(z.strictObject({ ...edges, score: bandScore, note: nonEmpty.optional() })).min(1) }),
  z.strictObject({ kind: z.literal('proportional'), input: z.string().min(1), points: points.optional() }),
  z.strictObject({ kind: z.literal('perUnit'), base: points.optional(), units: z.array(unit).min(1), min: points.optional(), max: points.optional() }),
  z.strictObject({ kind: z.literal('tieredDeduction'), input: z.string().min(1), base: points.optional(), tiers: z.array(z.strictObject({ ...edges, deduct: points })).min(1) }),
  z.strictObject({
    kind: z.literal('choice'),
    input: z.string().min(1),
    options: z.array(z.strictObject({ id, label: nonEmpty, score: z.union([points, z.strictObject({ range: pair })]) })).min(2),
  }),
  z.strictObject({ kind: z.literal('manual'), guidance: nonEmpty.optional() }),
  z.strictObject({ kind: z.literal('sum'), base: points.optional(), parts: z.array(part).min(1) }),
  z.strictObject({ kind: z.literal('instances'), input: z.string().min(1), range: pair, min: points.optional(), max: points.optional() }),
  z.strictObject({ kind: z.literal('reset'), input: z.string().min(1) }),
  z.strictObject({ kind: z.literal('notApplicable'), reason: nonEmpty }),
]) as z.ZodType<Rule>;

const node: z.ZodType<RubricNode> = z.strictObject({
  id,
  label: nonEmpty,
  max: points.optional(),
  scope: z.enum(['main', 'bonus', 'penalty']).optional(),
  computedBy: z.enum(['platform', 'records', 'assessor']).optional(),
  points: nonEmpty.optional(),
  criteria: z.array(nonEmpty).optional(),
  reading: nonEmpty.optional(),
  get rule() { return rule.optional(); },
  get items() { return z.array(node).min(1).optional(); },
});

export const rubricSchema: z.ZodType<Rubric> = z.strictObject({
  $schema: z.string().optional(),
  id,
  version: nonEmpty,
  title: nonEmpty,
  source: nonEmpty,
  step: points.refine((x) => x > 0, { message: 'step 必须大于 0' }),
  max: points.optional(),
  description: nonEmpty.optional(),
  readings: z.array(nonEmpty).optional(),
  definitions: z.record(z.string(), z.unknown()).optional(),
  inputs: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, { message: '输入键须为 camelCase' }), inputDecl),
  items: z.array(node).min(1),
}) as z.ZodType<Rubric>;

export interface Issue {
  path: string;
  message: string;
}

type Path = (string | number)[];
const show = (p: readonly PropertyKey[]): string => p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('').replace(/^\./, '');

/** An interval on the value axis; null bounds are open to ±∞. */
export interface Interval {
  lo: Q | null;
  loIncl: boolean;
  hi: Q | null;
  hiIncl: boolean;
}

export function intervalOf(e: Edges): Interval {
  if (e.eq !== undefined) {
    const v = fromDecimal(e.eq);
    return { lo: v, loIncl: true, hi: v, hiIncl: true };
  }
  return {
    lo: e.gte !== undefined ? fromDecimal(e.gte) : e.gt !== undefined ? fromDecimal(e.gt) : null,
    loIncl: e.gte !== undefined,
    hi: e.lte !== undefined ? fromDecimal(e.lte) : e.lt !== undefined ? fromDecimal(e.lt) : null,
    hiIncl: e.lte !== undefined,
  };
}

export function contains(iv: Interval, v: Q): boolean {
  if (iv.lo) {
    const c = cmp(v, iv.lo);
    if (c < 0 || (c === 0 && !iv.loIncl)) return false;
  }
  if (iv.hi) {
    const c = cmp(v, iv.hi);
    if (c > 0 || (c === 0 && !iv.hiIncl)) return false;
  }
  return true;
}

/** Checks that need the whole file. Returns every problem, each with the field it is about. */
function semanticIssues(r: Rubric): Issue[] {
  const issues: Issue[] = [];
  const add = (path: Path, message: string) => issues.push({ path: show(path), message });
  const step = fromDecimal(r.step);
  const used = new Set<string>();
  const ids = new Set<string>();

  const checkStep = (path: Path, x: number | undefined) => {
    if (x !== undefined && !isMultipleOf(fromDecimal(x), step)) add(path, `分值 ${x} 不是评分步长 ${r.step} 的整数倍`);
  };

  const inputOf = (path: Path, key: string, types: InputType[]): InputDecl | undefined => {
    used.add(key);
    const decl = r.inputs[key];
    if (!decl) add(path, `输入 ${key} 未在 inputs 中声明`);
    else if (!types.includes(decl.type)) add(path, `输入 ${key} 的类型是 ${decl.type}，此处需要 ${types.join(' / ')}`);
    return decl;
  };
  const refInput = (path: Path, ref: ValueRef) => {
    const numeric: InputType[] = ['rate', 'number', 'count'];
    if (typeof ref === 'string') return inputOf(path, ref, numeric);
    inputOf([...path, 'minus', 0], ref.minus[0], numeric);
    inputOf([...path, 'minus', 1], ref.minus[1], numeric);
    return undefined;
  };

  const checkEdges = (path: Path, e: Edges) => {
    const n = (['gt', 'gte', 'lt', 'lte', 'eq'] as const).filter((k) => e[k] !== undefined);
    if (e.eq !== undefined && n.length > 1) add(path, 'eq 不能与其他边界同时使用');
    if (e.gt !== undefined && e.gte !== undefined) add(path, 'gt 与 gte 不能同时使用');
    if (e.lt !== undefined && e.lte !== undefined) add(path, 'lt 与 lte 不能同时使用');
    if (n.length === 0) add(path, '区间至少需要一个边界');
    const iv = intervalOf(e);
    if (iv.lo && iv.hi && (cmp(iv.lo, iv.hi) > 0 || (cmp(iv.lo, iv.hi) === 0 && !(iv.loIncl && iv.hiIncl)))) add(path, '区间为空（下限不小于上限）');
    return iv;
  };

  /** Bands must tile the input's domain exactly: no value may fall in two bands or in none. */
  const checkTiling = (path: Path, ivs: Interval[], decl: InputDecl | undefined) => {
    const order = ivs.map((iv, i) => ({ iv, i })).sort((a, b) => (a.iv.lo && b.iv.lo ? cmp(a.iv.lo, b.iv.lo) || (a.iv.loIncl ? -1 : 1) : a.iv.lo ? 1 : -1));
    const domLo = decl?.min !== undefined ? fromDecimal(decl.min) : decl && decl.type !== 'number' ? q(0) : null;
    const domHi = decl?.max !== undefined ? fromDecimal(decl.max) : null;
    const first = order[0]!;
    if (first.iv.lo === null ? domLo !== null : domLo === null || cmp(first.iv.lo, domLo) !== 0 || !first.iv.loIncl) {
      add([...path, first.i], `最低一档须从取值下限 ${domLo ? `${decl?.min ?? 0}（含）` : '-∞'} 开始`);
    }
    for (let k = 1; k < order.length; k++) {
      const a = order[k - 1]!.iv;
      const b = order[k]!;
      if (!a.hi || !b.iv.lo || cmp(a.hi, b.iv.lo) !== 0 || a.hiIncl === b.iv.loIncl) {
        add([...path, b.i], a.hi && b.iv.lo && (cmp(a.hi, b.iv.lo) > 0 || (cmp(a.hi, b.iv.lo) === 0 && a.hiIncl && b.iv.loIncl)) ? '与相邻档次重叠' : '与相邻档次之间有空档');
      }
    }
    const last = order[order.length - 1]!;
    if (last.iv.hi === null ? domHi !== null : domHi === null || cmp(last.iv.hi, domHi) !== 0 || !last.iv.hiIncl) {
      add([...path, last.i], `最高一档须到取值上限 ${domHi ? `${decl?.max}（含）` : '+∞'} 为止`);
    }
  };

  const checkRule = (path: Path, ru: Rule, max: number | undefined) => {
    switch (ru.kind) {
      case 'bands': {
        const decl = refInput([...path, 'input'], ru.input);
        const ivs = ru.bands.map((b, i) => {
          const bp = [...path, 'bands', i];
          const iv = checkEdges(bp, b);
          const s = b.score;
          if (typeof s === 'number') checkStep([...bp, 'score'], s);
          else if ('rule' in s) {
            if (s.rule.kind === 'sum' || s.rule.kind === 'manual') add([...bp, 'score', 'rule', 'kind'], '档次内的规则不能是 sum 或 manual');
            else checkRule([...bp, 'score', 'rule'], s.rule, max);
          }
          else {
            const [a, c] = 'range' in s ? s.range : s.linear;
            checkStep([...bp, 'score'], a);
            checkStep([...bp, 'score'], c);
            if ('range' in s && a > c) add([...bp, 'score', 'range'], '评分区间的下限不能大于上限');
            if (!iv.lo) add(bp, '区间计分的档次须有下边界，才能在档内按比例计分');
            if (!iv.hi && s.saturateAt === undefined) add([...bp, 'score'], '开口的最高档须用 saturateAt 写明在何值达到上限');
            if (s.saturateAt !== undefined) {
              const sat = fromDecimal(s.saturateAt);
              if ((iv.lo && cmp(sat, iv.lo) <= 0) || (iv.hi && cmp(sat, iv.hi) >= 0)) add([...bp, 'score', 'saturateAt'], 'saturateAt 须在本档上下边界之间');
            }
          }
          return iv;
        });
        if (typeof ru.input === 'string' || ru.bands.length > 1) checkTiling([...path, 'bands'], ivs, decl);
        break;
      }
      case 'tieredDeduction': {
        inputOf([...path, 'input'], ru.input, ['rate', 'number', 'count']);
        const ivs = ru.tiers.map((t, i) => checkEdges([...path, 'tiers', i], t));
        ivs.forEach((a, i) =>
          ivs.slice(i + 1).forEach((b, j) => {
            const lo = a.lo && b.lo ? (cmp(a.lo, b.lo) >= 0 ? a : b) : a.lo ? a : b;
            const probe = lo.lo;
            if (probe && contains(a, probe) && contains(b, probe)) add([...path, 'tiers', i + 1 + j], '与其他扣分档重叠');
          }),
        );
        ru.tiers.forEach((t, i) => checkStep([...path, 'tiers', i, 'deduct'], t.deduct));
        break;
      }
      case 'proportional':
        inputOf([...path, 'input'], ru.input, ['rate']);
        if (ru.points === undefined && max === undefined) add(path, '按比例计分需要 points 或指标分值');
        break;
      case 'perUnit':
        ru.units.forEach((u, i) => {
          refInput([...path, 'units', i, 'input'], u.input);
          if (u.shortfallFrom !== undefined && u.excessOver !== undefined) add([...path, 'units', i], 'shortfallFrom 与 excessOver 不能同时使用');
        });
        checkStep([...path, 'base'], ru.base);
        break;
      case 'choice': {
        const decl = inputOf([...path, 'input'], ru.input, ['option', 'boolean']);
        const want = decl?.type === 'boolean' ? ['yes', 'no'] : (decl?.options ?? []).map((o) => o.id);
        const have = ru.options.map((o) => o.id);
        if (decl && (want.length !== have.length || want.some((w) => !have.includes(w)))) add([...path, 'options'], `选项须与输入 ${ru.input} 的取值一一对应：${want.join('、')}`);
        ru.options.forEach((o, i) => {
          if (typeof o.score === 'number') checkStep([...path, 'options', i, 'score'], o.score);
          else if (o.score.range[0] > o.score.range[1]) add([...path, 'options', i, 'score', 'range'], '评分区间的下限不能大于上限');
        });
        break;
      }
      case 'manual':
        if (max === undefined) add(path, '人工评分须有分值上限 max');
        break;
      case 'sum': {
        // a part is addressed as indicator.part, so its id need only be unique among its siblings
        const seen = new Set<string>();
        ru.parts.forEach((p, i) => {
          const pp = [...path, 'parts', i];
          if (seen.has(p.id)) add([...pp, 'id'], `分项编号 ${p.id} 重复`);
          seen.add(p.id);
          checkRule([...pp, 'rule'], p.rule, p.max);
        });
        break;
      }
      case 'instances':
        inputOf([...path, 'input'], ru.input, ['instances']);
        if (ru.range[0] > ru.range[1]) add([...path, 'range'], '每次扣/加分的区间下限不能大于上限');
        break;
      case 'reset':
        inputOf([...path, 'input'], ru.input, ['boolean']);
        break;
      case 'notApplicable':
        break;
    }
  };

  /** Maximum a main-scope node can reach; a group's stated max must agree unless a reading says why. */
  const walk = (path: Path, n: RubricNode): number => {
    if (ids.has(n.id)) add([...path, 'id'], `编号 ${n.id} 重复`);
    ids.add(n.id);
    checkStep([...path, 'max'], n.max);
    if ((n.rule === undefined) === (n.items === undefined)) {
      add(path, '每个节点须且只能有 rule（指标）或 items（分组）之一');
      return 0;
    }
    if (n.rule) {
      checkRule([...path, 'rule'], n.rule, n.max);
      if (n.rule.kind === 'notApplicable' && n.max !== 0) add([...path, 'max'], '不适用的指标分值须为 0');
      return (n.scope ?? 'main') === 'main' ? (n.max ?? 0) : 0;
    }
    const total = (n.items ?? []).reduce((s, c, i) => s + walk([...path, 'items', i], c), 0);
    if (n.max !== undefined && Math.abs(total - n.max) > 1e-9 && !n.reading) add([...path, 'max'], `分组分值 ${n.max} 与下属指标分值之和 ${total} 不符（如系原文如此，请用 reading 说明）`);
    return total;
  };
  const total = r.items.reduce((s, c, i) => s + walk(['items', i], c), 0);
  if (r.max !== undefined && Math.abs(total - r.max) > 1e-9) add(['max'], `总分 ${r.max} 与指标分值之和 ${total} 不符`);
  for (const [key, d] of Object.entries(r.inputs)) {
    if (!used.has(key)) add(['inputs', key], `输入 ${key} 已声明但没有规则使用`);
    const fits = d.default === undefined || (d.type === 'boolean' ? typeof d.default === 'boolean' : d.type === 'instances' ? Array.isArray(d.default) : d.type === 'count' ? Number.isInteger(d.default) && (d.default as number) >= 0 : false);
    if (!fits) add(['inputs', key, 'default'], `默认值不适用于 ${d.type} 类型（只有计数、是否和列表可有默认值）`);
    if (d.type === 'option' && !d.options) add(['inputs', key, 'options'], '选项型输入须列出 options');
  }
  return issues;
}

/** Validates a parsed rubric file; throws AppError('RUBRIC_INVALID') naming each bad field. */
export function parseRubric(data: unknown, origin = 'rubric'): Rubric {
  const res = rubricSchema.safeParse(data);
  const issues: Issue[] = res.success ? semanticIssues(res.data) : res.error.issues.map((i) => ({ path: show(i.path), message: i.message }));
  if (issues.length || !res.success) {
    const lines = issues.slice(0, 20).map((i) => `${i.path || '(根)'}: ${i.message}`);
    throw new AppError('RUBRIC_INVALID', `评分规则文件 ${origin} 有误：\n${lines.join('\n')}`, issues);
  }
  return res.data;
}
