/** Scoring helpers shared by the rubric tests. */
import { scoreRubric, type ItemResult, type RubricResult } from '../../../shared/rubric/engine';
import type { RubricInputs } from '../../../shared/rubric/inputs';
import { getRubric } from '../../../shared/rubric/registry';
import { parseRubric, type Rubric } from '../../../shared/rubric/schema';

export function score(rubric: string | Rubric, values: Record<string, unknown>, assessments: RubricInputs['assessments'] = {}): RubricResult {
  return scoreRubric(typeof rubric === 'string' ? getRubric(rubric) : rubric, { values, assessments });
}

export function item(result: RubricResult, path: string): ItemResult {
  const [head, ...rest] = path.split('.');
  let found: ItemResult | undefined = result.indicators.find((i) => i.path === head);
  let prefix = head;
  for (const p of rest) {
    prefix = `${prefix}.${p}`;
    found = found?.parts?.find((x) => x.path === prefix);
  }
  if (!found) throw new Error(`no result for ${path}`);
  return found;
}

/** A one-indicator rubric for exercising a single rule. */
export function miniRubric(indicator: Record<string, unknown>, inputs: Record<string, unknown>, extra: Record<string, unknown> = {}): Rubric {
  return parseRubric({ id: 'mini', version: '1', title: '测试', source: 'test', step: 0.1, inputs, items: [{ id: 'x', label: '测试指标', ...indicator }], ...extra });
}
