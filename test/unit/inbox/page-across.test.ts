/** The staff inbox's two lists (open, then answered) paged as one, against every offset and size. */
import type { PageRequest } from '../../../shared/contracts/common';
import { pageAcross, type Part } from '../../../cloudfunctions/inbox/page-across';
import type { Page } from '../../../cloudfunctions/_kit/store';

/** A part over an array, paged the way the store pages (one extra row says whether more follow). */
function part(rows: string[], reads: PageRequest[] = []): Part<string> {
  return {
    rows: rows.length,
    page: async (p) => {
      reads.push(p);
      const got = rows.slice(p.offset, p.offset + p.limit + 1);
      return { items: got.slice(0, p.limit), nextOffset: got.length > p.limit ? p.offset + p.limit : null };
    },
  };
}

const open = ['o1', 'o2', 'o3'];
const answered = ['a1', 'a2'];
const all = [...open, ...answered];

describe('pageAcross', () => {
  it('pages the parts as one list, whatever the offset and page size', async () => {
    for (let limit = 1; limit <= 6; limit++) {
      for (let offset = 0; offset <= all.length + 1; offset++) {
        const page = await pageAcross([part(open), part(answered)], { offset, limit });
        expect(page.items).toEqual(all.slice(offset, offset + limit));
        expect(page.nextOffset).toBe(offset + limit < all.length ? offset + limit : null);
      }
    }
  });

  it('walks the whole list page by page', async () => {
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: Page<string> = await pageAcross([part(open), part(answered)], { offset, limit: 2 });
      seen.push(...page.items);
      offset = page.nextOffset;
    }
    expect(seen).toEqual(all);
  });

  it('reads a part only where the page reaches into it', async () => {
    const openReads: PageRequest[] = [];
    const answeredReads: PageRequest[] = [];
    await pageAcross([part(open, openReads), part(answered, answeredReads)], { offset: 0, limit: 2 });
    expect(answeredReads).toEqual([]);
    await pageAcross([part(open, openReads), part(answered, answeredReads)], { offset: 4, limit: 2 });
    expect(openReads).toEqual([{ offset: 0, limit: 2 }]);
    expect(answeredReads).toEqual([{ offset: 1, limit: 2 }]);
  });

  it('skips an empty part (a status filter) and answers null past the end', async () => {
    expect(await pageAcross([part([]), part(answered)], { offset: 0, limit: 5 })).toEqual({ items: answered, nextOffset: null });
    expect(await pageAcross([part(open), part([])], { offset: 1, limit: 1 })).toEqual({ items: ['o2'], nextOffset: 2 });
    expect(await pageAcross([part(open), part(answered)], { offset: 9, limit: 5 })).toEqual({ items: [], nextOffset: null });
  });
});
