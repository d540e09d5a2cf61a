/** Acceptance metrics (seed 000), pure: facts → values → scores, hints and drill-down. */
export * from './checklist';
export * from './indicators';
export * from './score';
export * from './hints';
export * from './canonical';
export * from './window';
export * from './orders';
