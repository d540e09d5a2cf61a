/**
 * Reading a function's reply envelope and turning it into data or an AppError. Shared by both
 * transports so that weapp and H5 agree on what counts as a malformed reply.
 */
import type { z } from 'zod';
import type { ActionContract, OutputOf } from '@shared/contract';
import { describeIssues } from '@shared/contract';
import { AppError, ERROR_MESSAGES } from '@shared/errors';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function unwrapEnvelope<C extends ActionContract>(contract: C, envelope: unknown): OutputOf<C> {
  if (!isRecord(envelope) || typeof envelope.ok !== 'boolean') {
    throw new AppError('INTERNAL', ERROR_MESSAGES.INTERNAL, { reason: 'malformed envelope' });
  }
  if (envelope.ok === false) {
    const error = isRecord(envelope.error) ? envelope.error : {};
    const code = typeof error.code === 'string' && error.code ? error.code : 'INTERNAL';
    const message = typeof error.message === 'string' && error.message ? error.message : undefined;
    throw new AppError(code, message, error.details);
  }
  const parsed = (contract.output as z.ZodType<OutputOf<C>>).safeParse(envelope.data);
  if (!parsed.success) {
    // A reply that does not match the contract is a server bug, not something the user can fix.
    throw new AppError('INTERNAL', ERROR_MESSAGES.INTERNAL, describeIssues(parsed.error));
  }
  return parsed.data;
}
