/** The points-card counts of one staff member's month, counted by hand below. */
import type { CountableRecord, CountableShift } from '../../../shared/worklog/summary';
import { countCommitteeRecords, summarizeStaffMonth } from '../../../shared/worklog/summary';
import { householdKeyOf } from '../../../shared/worklog/household';
import { monthWindow } from '../../../shared/time';

const d = (s: string) => new Date(s);
const visit = (staffId: string, at: string, building: string, room: string, kind: 'ordinary' | 'special' | 'line' = 'ordinary', removedAt: Date | null = null): CountableRecord => ({
  type: 'visit',
  staffId,
  at: d(at),
  removedAt,
  visit: { householdKey: householdKeyOf(building, room), kind },
});
const reception = (staffId: string, at: string, confirmed: boolean): CountableRecord => ({
  type: 'reception',
  staffId,
  at: d(at),
  removedAt: null,
  reception: { confirmation: { status: confirmed ? 'confirmed' : 'pending', confirmedAt: confirmed ? d(at) : null } },
});
const other = (type: 'meeting' | 'activity', staffId: string, at: string): CountableRecord => ({ type, staffId, at: d(at), removedAt: null });
const shift = (staffId: string, startAt: string, signedInAt: string | null, attended: boolean): CountableShift => ({ staffId, startAt: d(startAt), signedInAt: signedInAt ? d(signedInAt) : null, attended });

describe('household identity', () => {
  it('counts 5号楼 602室 and 5 602 as one household, and 5号 603 as another', () => {
    expect(householdKeyOf('5号楼', '602室')).toBe(householdKeyOf(' 5 ', '602'));
    expect(householdKeyOf('５号', '６０２')).toBe(householdKeyOf('5', '602'));
    expect(householdKeyOf('5号', '603')).not.toBe(householdKeyOf('5', '602'));
  });
});

describe('summarizeStaffMonth', () => {
  const w = monthWindow('2026-10');
  const records: CountableRecord[] = [
    visit('a', '2026-10-01T00:00:00+08:00', '5号楼', '602室'), // household 1 (first instant of October)
    visit('a', '2026-10-03T10:00:00+08:00', '5', '602', 'special'), // household 1 again, special
    visit('a', '2026-10-09T10:00:00+08:00', '7号', '101'), // household 2
    visit('a', '2026-10-31T23:59:59+08:00', '8', '202', 'line'), // household 3 (last second of October)
    visit('a', '2026-11-01T00:00:00+08:00', '9', '303'), // November: not counted
    visit('a', '2026-09-30T23:59:59+08:00', '9', '304'), // September: not counted
    visit('a', '2026-10-12T10:00:00+08:00', '10', '1', 'ordinary', d('2026-10-12T11:00:00+08:00')), // removed
    visit('b', '2026-10-12T10:00:00+08:00', '11', '1'), // someone else's
    reception('a', '2026-10-02T09:00:00+08:00', true),
    reception('a', '2026-10-02T10:00:00+08:00', true),
    reception('a', '2026-10-02T11:00:00+08:00', false),
    other('meeting', 'a', '2026-10-05T14:00:00+08:00'),
    other('activity', 'a', '2026-10-06T14:00:00+08:00'),
    other('activity', 'b', '2026-10-06T14:00:00+08:00'),
  ];
  const shifts: CountableShift[] = [
    shift('a', '2026-10-01T18:00:00+08:00', '2026-10-01T17:50:00+08:00', true), // attended
    shift('a', '2026-10-08T18:00:00+08:00', '2026-10-08T18:40:00+08:00', false), // late
    shift('a', '2026-10-15T18:00:00+08:00', null, false), // missed (before now)
    shift('a', '2026-10-30T18:00:00+08:00', null, false), // not yet (after now)
    shift('a', '2026-11-01T09:00:00+08:00', '2026-11-01T09:00:00+08:00', true), // November
    shift('b', '2026-10-01T18:00:00+08:00', '2026-10-01T18:00:00+08:00', true),
  ];
  const now = d('2026-10-20T12:00:00+08:00');

  it('counts by hand: 4 visits to 3 households, 2 confirmed receptions, 1 attended shift', () => {
    expect(summarizeStaffMonth('a', records, shifts, w, now)).toEqual({
      staffId: 'a',
      visits: 4,
      householdsVisited: 3,
      specialVisits: 1,
      receptionsConfirmed: 2,
      receptionsPending: 1,
      meetings: 1,
      activities: 1,
      shiftsAttended: 1,
      shiftsLate: 1,
      shiftsMissed: 1,
      shiftsPlanned: 4,
    });
  });

  it('counts the committee: all staff, removed records excluded', () => {
    expect(countCommitteeRecords(records, w)).toEqual({ visits: 5, receptionsConfirmed: 2, meetings: 1, activities: 2 });
  });
});
