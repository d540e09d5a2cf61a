/**
 * The inputs file: raw facts keyed by the rubric's declared input keys, and assessor entries
 * keyed by indicator path. Values are checked against their declaration and turned into exact
 * numbers in the unit the rubric writes thresholds in (percent for rates).
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { HUNDRED, cmp, div, fromDecimal, mul, q, type Q } from './rational';
import type { InputDecl, Rubric } from './schema';

const decimal = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);
const fraction = z.strictObject({ num: z.number().int().nonnegative(), den: z.number().int().positive() });

/** A rate as counts (`{num, den}`, compared exactly) or as a published percentage. */
export type RateValue = { num: number; den: number } | { percent: number | string };
/** A plain decimal or a quotient of counts (visits / committees). */
export type NumberValue = number | string | { num: number; den: number };
export interface InstanceValue {
  points: number;
  reason: string;
  evidence?: string[];
}
export type InputValue = RateValue | NumberValue | boolean | InstanceValue[];

export interface Assessment {
  score: number;
  reason: string;
  evidence?: string[];
  by?: string;
}

export interface RubricInputs {
  rubric?: string;
  period?: string;
  values: Record<string, unknown>;
  assessments?: Record<string, Assessment>;
  /** free notes on where each fact came from; the engine ignores them */
  notes?: Record<string, string>;
}

export const assessmentSchema = z.strictObject({
  score: z.number().finite(),
  reason: z.string().trim().min(1, { message: '调整或评定分数须写明理由' }),
  evidence: z.array(z.string().trim().min(1)).optional(),
  by: z.string().optional(),
});

export const inputsSchema = z.strictObject({
  $schema: z.string().optional(),
  rubric: z.string().optional(),
  period: z.string().optional(),
  values: z.record(z.string(), z.unknown()),
  assessments: z.record(z.string(), assessmentSchema).optional(),
  notes: z.record(z.string(), z.string()).optional(),
});

export type Normalized = { type: 'numeric'; value: Q } | { type: 'boolean'; value: boolean } | { type: 'option'; value: string } | { type: 'instances'; value: { points: Q; raw: InstanceValue }[] };

function fail(key: string, message: string): never {
  throw new AppError('RUBRIC_INPUT_INVALID', `输入 ${key}：${message}`, { key });
}

function numeric(key: string, decl: InputDecl, raw: unknown): Q {
  let v: Q;
  if (decl.type === 'rate') {
    if (typeof raw === 'object' && raw !== null && 'percent' in raw) {
      const p = z.strictObject({ percent: decimal }).safeParse(raw);
      if (!p.success) fail(key, '比率写作 {"percent": 数值} 或 {"num": 分子, "den": 分母}');
      v = fromDecimal(p.data.percent);
    } else {
      const f = fraction.safeParse(raw);
      if (!f.success) fail(key, '比率写作 {"num": 分子, "den": 分母}（非负整数，分母大于 0）或 {"percent": 数值}');
      const { num, den } = f.data;
      v = mul(q(num, den), HUNDRED);
    }
  } else if (decl.type === 'count') {
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) fail(key, '应为非负整数');
    v = q(raw as number);
  } else {
    const f = fraction.safeParse(raw);
    if (f.success) v = div(q(f.data.num), q(f.data.den));
    else {
      const d = decimal.safeParse(raw);
      if (!d.success) fail(key, '应为数值或 {"num": 分子, "den": 分母}');
      v = fromDecimal(d.data);
    }
  }
  if (decl.min !== undefined && cmp(v, fromDecimal(decl.min)) < 0) fail(key, `不能小于 ${decl.min}${decl.type === 'rate' ? '%' : ''}`);
  if (decl.max !== undefined && cmp(v, fromDecimal(decl.max)) > 0) fail(key, `不能大于 ${decl.max}${decl.type === 'rate' ? '%' : ''}`);
  return v;
}

/** Checks every supplied value against its declaration; unknown keys are errors (a typo would otherwise score 0 silently). */
export function normalizeValues(rubric: Rubric, values: Record<string, unknown>): Map<string, Normalized> {
  const out = new Map<string, Normalized>();
  const withDefaults: Record<string, unknown> = {};
  for (const [key, d] of Object.entries(rubric.inputs)) if (d.default !== undefined) withDefaults[key] = d.default;
  Object.assign(withDefaults, values);
  for (const [key, raw] of Object.entries(withDefaults)) {
    const decl = rubric.inputs[key];
    if (!decl) fail(key, `评分规则 ${rubric.id} 没有这个输入`);
    const d = decl as InputDecl;
    if (raw === null || raw === undefined) continue;
    switch (d.type) {
      case 'boolean':
        if (typeof raw !== 'boolean') fail(key, '应为 true 或 false');
        out.set(key, { type: 'boolean', value: raw as boolean });
        break;
      case 'option':
        if (typeof raw !== 'string' || !(d.options ?? []).some((o) => o.id === raw)) fail(key, `应为以下之一：${(d.options ?? []).map((o) => o.id).join('、')}`);
        out.set(key, { type: 'option', value: raw as string });
        break;
      case 'instances': {
        const list = z.array(z.strictObject({ points: decimal, reason: z.string().trim().min(1), evidence: z.array(z.string()).optional() })).safeParse(raw);
        if (!list.success) fail(key, '应为 [{"points": 分值, "reason": "事由"}] 列表，每条须写明事由');
        const items = (list.data ?? []).map((i) => ({ points: fromDecimal(i.points), raw: { ...i, points: Number(i.points) } }));
        out.set(key, { type: 'instances', value: items });
        break;
      }
      default:
        out.set(key, { type: 'numeric', value: numeric(key, d, raw) });
    }
  }
  return out;
}

export function parseInputs(data: unknown): RubricInputs {
  const res = inputsSchema.safeParse(data);
  if (!res.success) {
    const first = res.error.issues[0]!;
    throw new AppError('RUBRIC_INPUT_INVALID', `输入文件有误：${first.path.join('.') || '(根)'}: ${first.message}`, res.error.issues);
  }
  return res.data;
}
