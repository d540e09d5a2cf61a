/**
 * Offset pagination for every staff list: the first page loads on mount and whenever `key`
 * changes (a filter or month); 加载更多 appends the next page. A late answer from an older run
 * is dropped, so switching filters quickly never mixes lists.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError, isAppError } from '@shared/errors';

export interface Page {
  items: unknown[];
  nextOffset: number | null;
}

export interface PagedState<P extends Page> {
  status: 'loading' | 'error' | 'ready';
  items: P['items'];
  /** the first page's answer, for counts such as total or overdueCount */
  first: P | null;
  nextOffset: number | null;
  error: AppError | null;
  loadingMore: boolean;
  moreError: AppError | null;
}

const asAppError = (e: unknown) => (isAppError(e) ? e : new AppError('INTERNAL'));

export function usePaged<P extends Page>(load: (offset: number) => Promise<P>, key: string) {
  const [state, setState] = useState<PagedState<P>>({ status: 'loading', items: [], first: null, nextOffset: null, error: null, loadingMore: false, moreError: null });
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useRef(0);

  const reload = useCallback(() => {
    const id = ++run.current;
    setState({ status: 'loading', items: [], first: null, nextOffset: null, error: null, loadingMore: false, moreError: null });
    loadRef.current(0).then(
      (p) => { if (id === run.current) setState({ status: 'ready', items: p.items, first: p, nextOffset: p.nextOffset, error: null, loadingMore: false, moreError: null }); },
      (e: unknown) => { if (id === run.current) setState((s) => ({ ...s, status: 'error', error: asAppError(e) })); },
    );
  }, []);

  // Read by loadMore so that the request starts outside a state updater.
  const current = useRef(state);
  current.current = state;

  const loadMore = useCallback(() => {
    const id = run.current;
    const { nextOffset, loadingMore } = current.current;
    if (nextOffset === null || loadingMore) return;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    current.current = { ...current.current, loadingMore: true };
    loadRef.current(nextOffset).then(
      (p) => { if (id === run.current) setState((c) => ({ ...c, items: [...c.items, ...p.items], nextOffset: p.nextOffset, loadingMore: false })); },
      (e: unknown) => { if (id === run.current) setState((c) => ({ ...c, loadingMore: false, moreError: asAppError(e) })); },
    );
  }, []);

  useEffect(() => {
    reload();
    return () => { run.current++; };
  }, [reload, key]);

  return { ...state, reload, loadMore };
}
