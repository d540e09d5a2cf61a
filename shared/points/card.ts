/** Scoring a card: the 百事汇 rubric (rubrics/004) through the rubric engine, nothing else. */
import type { CardValues } from '../domain/points';
import { scoreRubric, type RubricResult } from '../rubric/engine';
import type { PointsCardInputValues } from '../rubric/keys';
import { getRubric, RUBRIC_IDS } from '../rubric/registry';

// compile-time: a card's values are exactly the rubric's typed inputs (shared/rubric/keys.ts)
export const CARD_VALUES_ARE_RUBRIC_INPUTS: [CardValues] extends [Required<PointsCardInputValues>] ? ([Required<PointsCardInputValues>] extends [CardValues] ? true : never) : never = true;

export function pointsRubric() {
  return getRubric(RUBRIC_IDS.pointsCard);
}

export function scoreCard(values: CardValues, month: string): RubricResult {
  const rubric = pointsRubric();
  return scoreRubric(rubric, { rubric: rubric.id, period: month, values });
}

/** One card per staff member and month; the id makes a second signature collide. */
export function cardId(staffId: string, month: string): string {
  return `${staffId}_${month}`;
}

export interface CardItem {
  id: string;
  label: string;
  group: string;
  score: number;
  value: string | null;
  notes: string[];
}

/** The rows of the paper card: one per 分项, in the rubric's order. */
export function cardItems(result: RubricResult): CardItem[] {
  return result.indicators.map((i) => ({ id: i.path, label: i.label, group: i.groups[0] ?? '', score: i.score, value: i.value ?? null, notes: i.notes }));
}
