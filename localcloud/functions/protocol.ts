/** Messages between the function runner and an instance process. */
export interface InvokeMessage {
  type: 'invoke';
  id: number;
  event: unknown;
  context: Record<string, unknown>;
  /** set on process.env for this invocation only, as SCF does */
  env: Record<string, string>;
}

export type InstanceReply =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string; stack?: string }
  | { type: 'load-error'; message: string };
