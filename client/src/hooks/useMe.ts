import type { OutputOf } from '@shared/contract';
import { me } from '@shared/contracts/auth';
import { call } from '../services/cloud';
import { useAsync } from './useAsync';

export type Me = OutputOf<typeof me>;

/** Who the server says the caller is (roles, committee); asked afresh by each page. */
export function useMe() {
  return useAsync<Me>(() => call(me, {}));
}
