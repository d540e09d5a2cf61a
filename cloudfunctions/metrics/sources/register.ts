/**
 * Reads of the population register (household function: `households`, `persons`, shapes in
 * shared/domain/household.ts): households in the register with building / grid / 上云, and
 * persons with the completeness flag the import computed.
 */
import type { Database } from '../../_kit/cloud';
import { groupByCommittee } from './query';

export interface RegisterCounts {
  households: number;
  withBuilding: number;
  withGrid: number;
  onCloud: number;
}

/** Households still listed in the register; 上云 counted when it happened before the window ended. */
export async function householdCounts(db: Database, committeeIds: string[], windowEnd: Date): Promise<Map<string, RegisterCounts>> {
  const _ = db.command;
  const $ = _.aggregate;
  const flag = (cond: unknown) => $.sum($.cond({ if: cond, then: 1, else: 0 }));
  const rows = await groupByCommittee<RegisterCounts & { _id: string }>(
    db,
    'households',
    { committeeId: _.in(committeeIds), inRegister: true },
    {
      _id: '$committeeId',
      households: $.sum(1),
      // a non-empty string sorts above ''; null and missing sort below it
      withBuilding: flag($.gt(['$building', ''])),
      withGrid: flag($.gt(['$grid', ''])),
      onCloud: flag($.and([$.eq(['$onCloud', true]), $.lt(['$onCloudAt', windowEnd])])),
    },
    committeeIds.length,
  );
  return new Map(rows.map((r) => [r._id, { households: r.households, withBuilding: r.withBuilding, withGrid: r.withGrid, onCloud: r.onCloud }]));
}

export interface PersonCounts {
  persons: number;
  complete: number;
}

/** Active register persons (moved-out persons are no longer in the register). */
export async function personCounts(db: Database, committeeIds: string[]): Promise<Map<string, PersonCounts>> {
  const _ = db.command;
  const $ = _.aggregate;
  const rows = await groupByCommittee<PersonCounts & { _id: string }>(
    db,
    'persons',
    { committeeId: _.in(committeeIds), status: 'active' },
    { _id: '$committeeId', persons: $.sum(1), complete: $.sum($.cond({ if: $.eq(['$complete', true]), then: 1, else: 0 })) },
    committeeIds.length,
  );
  return new Map(rows.map((r) => [r._id, { persons: r.persons, complete: r.complete }]));
}
