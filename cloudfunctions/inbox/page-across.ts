/**
 * The staff inbox is two indexed queries (open, then answered) shown as one list; this pages
 * across such parts with the one paging shape, each part read only where the page reaches it.
 */
import type { PageRequest } from '@shared/contracts/common';
import type { Page } from '../_kit/store';

/** One ordered list of a combined list: how many rows it holds (counted) and a page of it. */
export interface Part<T> {
  rows: number;
  page(page: PageRequest): Promise<Page<T>>;
}

/**
 * One page of several ordered lists read one after the other: each part is read where the page
 * reaches into it, and the part that still has rows after the page says where the next begins.
 */
export async function pageAcross<T>(parts: Part<T>[], { offset, limit }: PageRequest): Promise<Page<T>> {
  const items: T[] = [];
  let start = 0; // the combined offset at which the part begins
  for (const part of parts) {
    const skip = Math.max(0, offset + items.length - start);
    if (skip < part.rows) {
      // limit 0 when the page is full: the read then only says whether this part goes on
      const p = await part.page({ offset: skip, limit: limit - items.length });
      items.push(...p.items);
      if (p.nextOffset !== null) return { items, nextOffset: start + p.nextOffset };
    }
    start += part.rows;
  }
  return { items, nextOffset: null };
}
