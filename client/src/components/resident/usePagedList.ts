/**
 * A list that loads page by page (offset pagination, as every content and inbox list answers):
 * the first page with loading / error states, further pages on 加载更多 or reaching the bottom.
 * A late answer from an earlier run (after a reload or a filter change) is ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError, isAppError } from '@shared/errors';

export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

export type PagedState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; items: T[]; nextOffset: number | null; more: 'idle' | 'loading' | AppError };

const asAppError = (e: unknown) => (isAppError(e) ? e : new AppError('INTERNAL'));

export function usePagedList<T>(fetchPage: (offset: number) => Promise<Page<T>>, key = '') {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const run = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const reload = useCallback(() => {
    const id = ++run.current;
    setState({ status: 'loading' });
    fetchRef.current(0).then(
      (p) => { if (id === run.current) setState({ status: 'ready', items: p.items, nextOffset: p.nextOffset, more: 'idle' }); },
      (e: unknown) => { if (id === run.current) setState({ status: 'error', error: asAppError(e) }); },
    );
  }, []);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.status !== 'ready' || s.nextOffset === null || s.more === 'loading') return;
    const id = run.current;
    const offset = s.nextOffset;
    setState({ ...s, more: 'loading' });
    fetchRef.current(offset).then(
      (p) => {
        if (id !== run.current) return;
        setState((cur) => (cur.status === 'ready' ? { status: 'ready', items: [...cur.items, ...p.items], nextOffset: p.nextOffset, more: 'idle' } : cur));
      },
      (e: unknown) => {
        if (id !== run.current) return;
        setState((cur) => (cur.status === 'ready' ? { ...cur, more: asAppError(e) } : cur));
      },
    );
  }, []);

  /** Puts an item the user just created at the top without reloading the list. */
  const prepend = useCallback((item: T) => {
    setState((cur) => (cur.status === 'ready' ? { ...cur, items: [item, ...cur.items] } : cur));
  }, []);

  useEffect(() => {
    reload();
    return () => { run.current++; };
  }, [reload, key]);

  return { state, reload, loadMore, prepend };
}
