/** The rubric engine: schema, scoring, the registry of the project's rubrics, and explain. */
export { parseRubric, type Rubric, type RubricNode, type Rule, type RuleKind, type InputDecl } from './schema';
export { parseInputs, type RubricInputs, type Assessment, type RateValue, type NumberValue, type InstanceValue } from './inputs';
export { scoreRubric, type RubricResult, type IndicatorResult, type ItemResult, type LevelTotal, type Status } from './engine';
export { getRubric, rubricIds, isRubricId, RUBRIC_IDS, type RubricId } from './registry';
export { explainRubric } from './explain';
export * from './keys';
