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
 * One page of several ordered lists read one after the other: each part is read only where the
 * page reaches into it. The parts' counts say whether rows follow the page, so no read is spent
 * on that.
 */
export async function pageAcross<T>(parts: Part<T>[], { offset, limit }: PageRequest): Promise<Page<T>> {
  const items: T[] = [];
  let start = 0; // the combined offset at which the part begins
  for (const part of parts) {
    if (items.length === limit) break;
    const skip = offset + items.length - start;
    if (skip < part.rows) items.push(...(await part.page({ offset: skip, limit: limit - items.length })).items);
    start += part.rows;
  }
  const total = parts.reduce((n, p) => n + p.rows, 0);
  const end = offset + items.length;
  return { items, nextOffset: end < total ? end : null };
}
