/**
 * A list that loads page by page (offset pagination, as every content, inbox and staff list
 * answers): the first page loads on mount and whenever `key` changes (a filter or a month), with
 * loading / error states; 加载更多 or reaching the bottom appends the next page. A late answer
 * from an earlier run (after a reload or a filter change) is dropped, so lists never mix.
 * The result goes to `PagedList` as it is.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '@shared/errors';
import { asAppError } from '../lib/errors';
import { useRuns } from './useRuns';

export interface Page {
  items: unknown[];
  nextOffset: number | null;
}

export type Item<P extends Page> = P['items'][number];

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

export interface Paged<P extends Page> extends PagedState<P> {
  reload: () => void;
  loadMore: () => void;
  /** Puts an item the user just created at the top without reloading the list. */
  prepend: (item: Item<P>) => void;
  /** Replaces the items `same` matches with their changed version (e.g. after hiding one). */
  replace: (same: (item: Item<P>) => boolean, changed: (item: Item<P>) => Item<P>) => void;
}

function loading<P extends Page>(): PagedState<P> {
  return { status: 'loading', items: [], first: null, nextOffset: null, error: null, loadingMore: false, moreError: null };
}

export function usePagedList<P extends Page>(load: (offset: number) => Promise<P>, key = ''): Paged<P> {
  const [state, setState] = useState<PagedState<P>>(loading);
  const loadRef = useRef(load);
  loadRef.current = load;
  const runs = useRuns();

  const reload = useCallback(() => {
    const latest = runs.start();
    setState(loading());
    loadRef.current(0).then(
      (p) => { if (latest()) setState({ status: 'ready', items: p.items, first: p, nextOffset: p.nextOffset, error: null, loadingMore: false, moreError: null }); },
      (e: unknown) => { if (latest()) setState((s) => ({ ...s, status: 'error', error: asAppError(e) })); },
    );
  }, [runs]);

  // Read by loadMore so that the request starts outside a state updater.
  const current = useRef(state);
  current.current = state;

  const loadMore = useCallback(() => {
    const latest = runs.join();
    const { status, nextOffset, loadingMore } = current.current;
    if (status !== 'ready' || nextOffset === null || loadingMore) return;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    // a second call before the next render (a tap while reaching the bottom) loads nothing twice
    current.current = { ...current.current, loadingMore: true };
    loadRef.current(nextOffset).then(
      (p) => { if (latest()) setState((c) => ({ ...c, items: [...c.items, ...p.items], nextOffset: p.nextOffset, loadingMore: false })); },
      (e: unknown) => { if (latest()) setState((c) => ({ ...c, loadingMore: false, moreError: asAppError(e) })); },
    );
  }, [runs]);

  const prepend = useCallback((item: Item<P>) => {
    setState((c) => (c.status === 'ready' ? { ...c, items: [item, ...c.items] } : c));
  }, []);

  const replace = useCallback((same: (item: Item<P>) => boolean, changed: (item: Item<P>) => Item<P>) => {
    setState((c) => ({ ...c, items: c.items.map((i: Item<P>) => (same(i) ? changed(i) : i)) }));
  }, []);

  useEffect(() => {
    reload();
    return runs.drop;
  }, [reload, runs, key]);

  return { ...state, reload, loadMore, prepend, replace };
}

/**
 * Only the first page of a list, for pickers and dashboards that show what one page holds (a
 * committee's decisions or staff, a scope's snapshots) and never ask for more: the one reader of
 * a page besides usePagedList.
 */
export function firstPage<P extends Page>(load: (offset: number) => Promise<P>): Promise<P['items']> {
  return load(0).then((p) => p.items);
}
