import type { FunctionEvent, FunctionName } from '@shared/contract';
import type { OpenDataKey } from '@shared/open-data';

/** cloudIDs from WeChat open-data APIs, by the top-level field the action declares for them */
export type OpenDataIds = Partial<Record<OpenDataKey, string>>;

/**
 * Sends one function event and resolves with the raw reply envelope (not yet checked). Each
 * open-data cloudID goes into its own top-level field, marked the way the platform decrypts.
 */
export type Transport = (fn: FunctionName, event: FunctionEvent, openData: OpenDataIds) => Promise<unknown>;
