import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import { asAppError } from '../lib/errors';
import { useRuns } from './useRuns';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; data: T };

/**
 * Runs `load` on mount, on `reload()` and whenever `key` changes (a picked date); a late answer
 * from an earlier run is ignored.
 */
export function useAsync<T>(load: () => Promise<T>, key = ''): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const runs = useRuns();

  const reload = useCallback(() => {
    const latest = runs.start();
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => { if (latest()) setState({ status: 'ready', data }); },
      (err: unknown) => { if (latest()) setState({ status: 'error', error: asAppError(err) }); },
    );
  }, [runs]);

  useEffect(() => {
    reload();
    return runs.drop;
  }, [reload, runs, key]);

  return { ...state, reload };
}
