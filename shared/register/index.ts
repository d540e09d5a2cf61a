/**
 * The population register (本地人口库): parse → validate (here, pure) → protect
 * (cloudfunctions/_kit/pii.ts). See docs/register.md.
 */
export * from './columns';
export * from './values';
export * from './issues';
export * from './schema';
export * from './completeness';
export * from './table';
export * from './validate';
export * from './protected';
