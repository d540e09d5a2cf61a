/**
 * Scores a scope's values with the seed 000 rubric through the engine, applying the assessor
 * entries that fit. An entry for a boolean choice the assessor decides (建立运行管理制度 3 / 0,
 * 组建运营工作团队 2 / 0) becomes that input's value; any other entry is an engine assessment,
 * which is only valid inside the range the rules leave open. An entry that no longer fits (the
 * value moved to another band) is kept out and reported, never silently applied.
 */
import type { AssessmentRef } from '../domain/metrics';
import { scoreRubric, type RubricResult } from '../rubric/engine';
import type { Assessment } from '../rubric/inputs';
import type { AcceptanceInputValues } from '../rubric/keys';
import * as R from '../rubric/rational';
import type { Rubric, RubricNode, Rule } from '../rubric/schema';

/** The rubric's indicators (nodes with a rule), in file order. */
export function indicatorNodes(rubric: Rubric): RubricNode[] {
  const out: RubricNode[] = [];
  const walk = (nodes: RubricNode[]) => nodes.forEach((n) => (n.rule ? out.push(n) : walk(n.items ?? [])));
  walk(rubric.items);
  return out;
}

export function findIndicator(rubric: Rubric, path: string): RubricNode | null {
  return indicatorNodes(rubric).find((n) => n.id === path) ?? null;
}

/** A choice on a boolean input with fixed option scores: the assessor's score picks the option. */
function booleanChoice(rubric: Rubric, rule: Rule | undefined): { input: string; byScore: Map<number, boolean> } | null {
  if (rule?.kind !== 'choice' || rubric.inputs[rule.input]?.type !== 'boolean') return null;
  const byScore = new Map<number, boolean>();
  for (const o of rule.options) if (typeof o.score === 'number') byScore.set(o.score, o.id === 'yes');
  return { input: rule.input, byScore };
}

export interface Scored {
  values: AcceptanceInputValues;
  result: RubricResult;
  ignored: { id: string; path: string; why: string }[];
}

export function scoreScope(rubric: Rubric, platform: AcceptanceInputValues, entries: AssessmentRef[], period: string): Scored {
  const values: Record<string, unknown> = { ...platform };
  const ignored: Scored['ignored'] = [];
  const candidates: AssessmentRef[] = [];
  for (const e of entries) {
    const node = findIndicator(rubric, e.path);
    if (!node) {
      ignored.push({ id: e.id, path: e.path, why: '评分规则中没有这个指标' });
      continue;
    }
    const choice = booleanChoice(rubric, node.rule);
    if (choice) {
      const v = choice.byScore.get(e.score);
      if (v === undefined) ignored.push({ id: e.id, path: e.path, why: `该项只能评定为 ${[...choice.byScore.keys()].join(' 或 ')} 分` });
      else values[choice.input] = v;
    } else candidates.push(e);
  }
  // a dry run tells which indicators leave a range open, and where
  const dry = scoreRubric(rubric, { values, period });
  const step = R.fromDecimal(rubric.step);
  const assessments: Record<string, Assessment> = {};
  for (const e of candidates) {
    const item = dry.indicators.find((i) => i.path === e.path);
    const range = item?.adjustable;
    const why = !range
      ? '该项得分由规则确定，不能人工评定'
      : e.score < range[0] || e.score > range[1]
        ? `评定分须在 ${range[0]}–${range[1]} 分之间（当前档次）`
        : !R.isMultipleOf(R.fromDecimal(e.score), step)
          ? `评定分须为 ${rubric.step} 的整数倍`
          : item?.rule === 'manual' && e.evidence.length === 0
            ? '人工评分须附证据'
            : null;
    if (why) ignored.push({ id: e.id, path: e.path, why });
    else assessments[e.path] = { score: e.score, reason: e.reason, evidence: e.evidence, by: e.by };
  }
  const result = scoreRubric(rubric, { values, assessments, period });
  return { values: values as AcceptanceInputValues, result, ignored };
}
