/**
 * The household a visit reached, as "distinct households visited" counts it: the committee's
 * building and room in the register's normal form ('5号楼 602室' = '5 602'), so two visits to
 * the same flat written differently count once.
 */
import { placeKey } from '../register/values';

export function householdKeyOf(building: string, room: string): string {
  return placeKey(building, room);
}
