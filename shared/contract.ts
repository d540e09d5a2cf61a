/**
 * One contract per action: the function name, the action name, and zod schemas for the request
 * and the response. The client, the cloud function and the tests all import the same object.
 */
import { z } from 'zod';
import type { ErrorBody } from './errors';
import type { OpenDataKey } from './open-data';

export const FUNCTION_NAMES = ['auth', 'household', 'content', 'inbox', 'worklog', 'roster', 'points', 'metrics', 'admin'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  fn: FunctionName;
  action: string;
  input: I;
  output: O;
  /** top-level open-data fields (shared/open-data.ts) the action reads, decrypted by WeChat */
  openData: readonly OpenDataKey[];
}

export interface ActionOptions {
  openData?: readonly OpenDataKey[];
}

export function defineAction<I extends z.ZodType, O extends z.ZodType>(fn: FunctionName, action: string, input: I, output: O, options: ActionOptions = {}): ActionContract<I, O> {
  return { fn, action, input, output, openData: options.openData ?? [] };
}

export type InputOf<C extends ActionContract> = z.input<C['input']>;
export type OutputOf<C extends ActionContract> = z.output<C['output']>;

/** The event a cloud function receives: `{ action, payload }`. */
export const functionEvent = z.object({
  action: z.string().min(1).max(64),
  payload: z.unknown().optional(),
  /** A client-generated id that makes a retried write idempotent. */
  requestId: z.string().min(8).max(64).optional(),
});
export type FunctionEvent = z.infer<typeof functionEvent>;

/** Turns zod issues into a compact, user-safe list (path and Chinese-friendly message). */
export function describeIssues(error: z.ZodError): ErrorBody['details'] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
