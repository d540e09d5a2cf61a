/**
 * The acceptance rubric's own wording (评分要点, 评分标准) and rule kind per indicator, read from
 * the same JSON the functions score with; only this file is bundled, not the whole registry.
 */
import type { ChoiceOption, RubricNode } from '@shared/rubric/schema';
import acceptance from '../../../../rubrics/000_shequyun-acceptance.json';

export interface IndicatorText {
  points: string;
  criteria: string[];
  /** manual: judged in [0, max] with evidence; choice: fixed options; bands: a 评分区间 may be adjusted */
  kind: string;
  computedBy: string;
  /** a choice's options (建立运行管理制度 3 / 0; 使用情况 4 / 3 / 2 / 0–1) */
  options?: ChoiceOption[];
}

function collect(nodes: RubricNode[] | undefined, out: Map<string, IndicatorText>): Map<string, IndicatorText> {
  for (const n of nodes ?? []) {
    if (n.rule) out.set(n.id, { points: n.points ?? '', criteria: n.criteria ?? [], kind: n.rule.kind, computedBy: n.computedBy ?? 'platform', options: n.rule.kind === 'choice' ? n.rule.options : undefined });
    collect(n.items, out);
  }
  return out;
}

const BY_PATH = collect((acceptance as unknown as { items: RubricNode[] }).items, new Map());

export function indicatorText(path: string): IndicatorText | null {
  return BY_PATH.get(path) ?? null;
}
