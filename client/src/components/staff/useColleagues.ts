/**
 * The committee's active staff, for the hand-over and assignment pickers and to name who did
 * what. A committee has a handful of staff: one page of the directory holds them all.
 */
import { listStaff, type StaffView } from '@shared/contracts/admin-staff';
import { PAGE_MAX } from '@shared/contracts/common';
import { useAsync } from '../../hooks/useAsync';
import { firstPage } from '../../hooks/usePagedList';
import { call } from '../../services/cloud';

async function loadColleagues(): Promise<StaffView[]> {
  const staff = await firstPage((offset) => call(listStaff, { offset, limit: PAGE_MAX }));
  return staff.filter((s) => s.active && s.roles.some((r) => r === 'staff' || r === 'secretary'));
}

export function useColleagues() {
  return useAsync(loadColleagues);
}

/** A staff id as a name, or a neutral word when the directory could not be read. */
export function nameOf(colleagues: StaffView[] | undefined, staffId: string | null): string {
  if (!staffId) return '';
  return colleagues?.find((s) => s.id === staffId)?.name ?? '一位同事';
}
