import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError, isAppError } from '@shared/errors';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; data: T };

/** Runs `load` on mount and on `reload()`; a late answer from an earlier run is ignored. */
export function useAsync<T>(load: () => Promise<T>): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useRef(0);

  const reload = useCallback(() => {
    const id = ++run.current;
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => { if (id === run.current) setState({ status: 'ready', data }); },
      (err: unknown) => {
        if (id !== run.current) return;
        setState({ status: 'error', error: isAppError(err) ? err : new AppError('INTERNAL') });
      },
    );
  }, []);

  useEffect(() => {
    reload();
    return () => { run.current++; };
  }, [reload]);

  return { ...state, reload };
}
