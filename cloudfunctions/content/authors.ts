/** How an author is shown: staff by name, residents masked (张**) to everyone but themselves. */
import type { AuthorKind } from '@shared/domain/content';
import { maskName } from '@shared/privacy/mask';
import type { Viewer } from './access';

export function authorOf(v: Viewer, a: { kind: AuthorKind; openid: string; name: string }) {
  const mine = a.openid === v.openid;
  return { kind: a.kind, name: a.kind === 'staff' || mine ? a.name : maskName(a.name), mine };
}
