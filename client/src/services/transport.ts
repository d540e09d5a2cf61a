import type { FunctionEvent, FunctionName } from '@shared/contract';

/** Sends one function event and resolves with the raw reply envelope (not yet checked). */
export type Transport = (fn: FunctionName, event: FunctionEvent) => Promise<unknown>;
