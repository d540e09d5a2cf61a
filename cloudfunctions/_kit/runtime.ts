/**
 * Turns a set of action handlers into a CloudBase `main(event, context)`. Every invocation:
 * parse the event, find the action, validate the payload with the action's contract, run the
 * handler, validate what it returns, answer an envelope. A user-caused failure is an AppError
 * with a stable code; anything else is logged and answered as INTERNAL, never a crash.
 */
import type { z } from 'zod';
import { describeIssues, functionEvent, type ActionContract, type FunctionName } from '@shared/contract';
import { AppError, isAppError, type Envelope } from '@shared/errors';
import type { OpenData } from '@shared/open-data';
import { callerFrom, type Caller } from './caller';
import { database, type Database } from './cloud';
import { createLogger, type Logger } from './logger';
import { loadPrincipal, type Principal } from './principal';
import { readOpenData } from './open-data';

export interface ActionContext {
  caller: Caller;
  db: Database;
  log: Logger;
  /** the client's id for this logical request; retries carry the same one */
  requestId: string | undefined;
  now(): Date;
  /** the caller's roles and scope, loaded once per invocation on first use */
  principal(): Promise<Principal>;
  /** open data WeChat decrypted for this caller, for the fields the action declares */
  openData: OpenData;
}

export interface ActionHandler<C extends ActionContract = ActionContract> {
  contract: C;
  run(input: z.output<C['input']>, ctx: ActionContext): Promise<z.input<C['output']>>;
}

export function handle<C extends ActionContract>(contract: C, run: ActionHandler<C>['run']): ActionHandler<C> {
  return { contract, run };
}

export function createFunction(fn: FunctionName, handlers: ActionHandler[]) {
  const byAction = new Map<string, ActionHandler>();
  for (const h of handlers) {
    if (h.contract.fn !== fn) throw new Error(`${h.contract.fn}.${h.contract.action} registered in ${fn}`);
    byAction.set(h.contract.action, h);
  }

  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    const caller = callerFrom(context);
    const log = createLogger({ fn });
    try {
      const parsedEvent = functionEvent.safeParse(event);
      if (!parsedEvent.success) throw new AppError('INVALID_INPUT', undefined, describeIssues(parsedEvent.error));
      const { action, payload, requestId } = parsedEvent.data;
      const handler = byAction.get(action);
      if (!handler) throw new AppError('UNKNOWN_ACTION');
      const input = handler.contract.input.safeParse(payload ?? {});
      if (!input.success) throw new AppError('INVALID_INPUT', undefined, describeIssues(input.error));

      const db = database();
      let principal: Promise<Principal> | undefined;
      const actionLog = createLogger({ fn, action });
      const ctx: ActionContext = {
        caller,
        db,
        log: actionLog,
        requestId,
        now: () => new Date(),
        principal: () => (principal ??= loadPrincipal(db, caller)),
        openData: readOpenData(event, handler.contract.openData, actionLog),
      };
      const result = await handler.run(input.data, ctx);
      const output = handler.contract.output.safeParse(result);
      if (!output.success) {
        log.error('output violates contract', { action, issues: describeIssues(output.error) });
        throw new AppError('INTERNAL');
      }
      return { ok: true, data: output.data };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } };
      log.error('unhandled', { error: e instanceof Error ? e.message : String(e) });
      return { ok: false, error: { code: 'INTERNAL', message: new AppError('INTERNAL').message } };
    }
  };
}
