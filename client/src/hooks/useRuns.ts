/**
 * The runs of a load (useAsync, usePagedList): each reload starts a new run, and an answer that
 * arrives for an earlier one (after a reload, a filter change or leaving the page) is dropped, so
 * a screen never shows a mix of two loads.
 */
import { useMemo, useRef } from 'react';

export interface Runs {
  /** starts a new run; the check says whether it is still the latest when its answer arrives */
  start(): () => boolean;
  /** joins the current run (loading more of it): the same check, without starting a new one */
  join(): () => boolean;
  /** whatever is in flight is dropped when it answers (the page is left, or loads anew) */
  drop(): void;
}

export function useRuns(): Runs {
  const run = useRef(0);
  return useMemo(() => {
    const checkFor = (id: number) => () => id === run.current;
    return {
      start: () => checkFor(++run.current),
      join: () => checkFor(run.current),
      drop: () => { run.current++; },
    };
  }, []);
}
