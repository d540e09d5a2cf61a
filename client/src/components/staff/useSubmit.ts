/**
 * One form submission at a time, with the contract's field messages kept by field path. The
 * request id is kept until the write succeeds, so tapping 提交 again after a failure can never
 * create a second record.
 */
import { useCallback, useRef, useState } from 'react';
import { AppError, isAppError } from '@shared/errors';
import { newRequestId } from '../../services/request-id';

export type FieldErrors = Record<string, string>;

/** `details` of INVALID_INPUT: [{ path: 'visit.building', message }] → { building: message } (last segment wins). */
export function fieldErrors(error: AppError | null): FieldErrors {
  const out: FieldErrors = {};
  if (!error || error.code !== 'INVALID_INPUT' || !Array.isArray(error.details)) return out;
  for (const d of error.details as { path?: unknown; message?: unknown }[]) {
    if (typeof d.message !== 'string') continue;
    const key = typeof d.path === 'string' && d.path ? d.path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? '' : '';
    if (!(key in out)) out[key] = d.message;
  }
  return out;
}

export function useSubmit<R>(send: (requestId: string) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const requestId = useRef<string | null>(null);
  const sendRef = useRef(send);
  sendRef.current = send;

  const submit = useCallback(async (): Promise<R | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    setError(null);
    requestId.current ??= newRequestId();
    try {
      const result = await sendRef.current(requestId.current);
      requestId.current = null;
      return result;
    } catch (e) {
      setError(isAppError(e) ? e : new AppError('INTERNAL'));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [busy]);

  return { submit, busy, error, errors: fieldErrors(error), reset: () => { requestId.current = null; setError(null); } };
}
