/**
 * A write the user starts with a tap: one at a time, its error kept for display (as one message
 * and by form field), and one requestId per logical submission, kept across the user's retries
 * until the write succeeds, so a resubmitted form (after a lost reply) creates nothing twice.
 */
import { useCallback, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import { newRequestId } from '../services/request-id';
import { asAppError, errorText, fieldErrors } from '../lib/errors';

interface Failure {
  error: AppError;
  message: string;
}

export function useSubmit<A extends unknown[], R>(write: (requestId: string, ...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const requestId = useRef<string | null>(null);
  // A ref, not `busy`: a second tap before the next render must already see the first one.
  const busyRef = useRef(false);
  const writeRef = useRef(write);
  writeRef.current = write;

  const submit = useCallback(async (...args: A): Promise<R | undefined> => {
    if (busyRef.current) return undefined;
    busyRef.current = true;
    setBusy(true);
    setFailure(null);
    requestId.current ??= newRequestId();
    try {
      const result = await writeRef.current(requestId.current, ...args);
      requestId.current = null;
      return result;
    } catch (e) {
      setFailure({ error: asAppError(e), message: errorText(e) });
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  /**
   * Hides the last error while the user edits. The requestId stays: an edit after a lost reply
   * must not turn the same question into two (a refused write stored nothing, so the edited
   * text still goes through under the same id).
   */
  const clearError = useCallback(() => setFailure(null), []);

  /** Another submission from here on (another slot, another file): a new requestId, no error. */
  const reset = useCallback(() => {
    requestId.current = null;
    setFailure(null);
  }, []);

  const error = failure?.error ?? null;
  return { submit, busy, error, message: failure?.message ?? null, errors: fieldErrors(error), clearError, reset };
}
