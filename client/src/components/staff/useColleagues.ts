/**
 * The committee's active staff, for the hand-over and assignment pickers and to name who did
 * what. A committee has a handful of staff; up to four pages are read.
 */
import type { OutputOf } from '@shared/contract';
import { listStaff, type StaffView } from '@shared/contracts/admin-staff';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/cloud';

const MAX_PAGES = 4;

async function loadColleagues(): Promise<StaffView[]> {
  const out: StaffView[] = [];
  let offset: number | null = 0;
  for (let i = 0; i < MAX_PAGES && offset !== null; i++) {
    const page: OutputOf<typeof listStaff> = await call(listStaff, { offset, limit: 50 });
    out.push(...page.items);
    offset = page.nextOffset;
  }
  return out.filter((s) => s.active && s.roles.some((r) => r === 'staff' || r === 'secretary'));
}

export function useColleagues() {
  return useAsync(loadColleagues);
}

/** A staff id as a name, or a neutral word when the directory could not be read. */
export function nameOf(colleagues: StaffView[] | undefined, staffId: string | null): string {
  if (!staffId) return '';
  return colleagues?.find((s) => s.id === staffId)?.name ?? '一位同事';
}
