/**
 * A write the user starts with a tap: one at a time, its error kept for display, and one
 * requestId per logical submit, kept across the user's retries until the write succeeds, so a
 * resubmitted form (after a lost reply) creates nothing twice on the server.
 */
import { useCallback, useRef, useState } from 'react';
import { newRequestId } from '../../services/request-id';
import { errorText } from './errors';

export function useSubmit<A extends unknown[], R>(write: (requestId: string, ...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requestId = useRef<string | null>(null);
  const busyRef = useRef(false);
  const writeRef = useRef(write);
  writeRef.current = write;

  const submit = useCallback(async (...args: A): Promise<R | undefined> => {
    if (busyRef.current) return undefined;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    requestId.current ??= newRequestId();
    try {
      const result = await writeRef.current(requestId.current, ...args);
      requestId.current = null;
      return result;
    } catch (e) {
      setError(errorText(e));
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
  const clearError = useCallback(() => setError(null), []);

  return { submit, busy, error, clearError };
}
