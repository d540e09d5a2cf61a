/** Facts → seed 000 values: exclusions, empty scopes, column usage, the initialisation checklist. */
import { initGaps, profileGaps } from '../../../shared/metrics/checklist';
import { committeeRows, interactiveUsage, scopeValues } from '../../../shared/metrics/indicators';
import type { SnapshotInputs } from '../../../shared/domain/metrics';
import { facts } from './facts';

const inputs = (over: Partial<SnapshotInputs>): SnapshotInputs => ({ committees: [], streets: [{ id: 's1', name: '甲街道', liaisons: 1 }], districtLiaisons: 1, exclusions: [], assessments: [], ...over });

describe('scopeValues', () => {
  const a = facts({ committeeId: 'a', visits: 3, receptionsConfirmed: 2, persons: 10, personsComplete: 9, households: 20, householdsWithBuilding: 20, householdsWithGrid: 20, householdsOnCloud: 2 });
  const b = facts({ committeeId: 'b', visits: 7, staffBound: 0, persons: 5, personsComplete: 1, households: 5, householdsOnCloud: 5 });

  it('divides by the committees counted and pools rates over persons and households', () => {
    const v = scopeValues(inputs({ committees: [a, b] }));
    expect(v.values).toMatchObject({
      initCompletionRate: { num: 1, den: 2 },
      visitsPerCommittee: { num: 12, den: 2 },
      residentInfoCompletenessRate: { num: 10, den: 15 },
      householdCloudRate: { num: 7, den: 25 },
      opsTeamDesignated: true,
    });
  });

  it('takes an excluded committee out of numerator and denominator', () => {
    const v = scopeValues(inputs({ committees: [a, b], exclusions: [{ id: 'x', committeeId: 'b', kind: 'codeOrBoundaryError', reason: '代码有误', confirmedBy: '公安分局', confirmedAt: '2026-10-01' }] }));
    expect(v).toMatchObject({ counted: 1, excluded: 1 });
    expect(v.values).toMatchObject({ initCompletionRate: { num: 1, den: 1 }, visitsPerCommittee: { num: 5, den: 1 }, residentInfoCompletenessRate: { num: 9, den: 10 }, householdCloudRate: { num: 2, den: 20 } });
  });

  it('leaves out what has nothing to divide by, so the engine reports it missing instead of 0%', () => {
    expect(scopeValues(inputs({ committees: [facts({ persons: 0, personsComplete: 0, households: 0, householdsOnCloud: 0 })] })).values).not.toHaveProperty('residentInfoCompletenessRate');
    expect(scopeValues(inputs({})).values).toEqual({ opsTeamDesignated: true });
  });

  it('needs a liaison for the district and for every street', () => {
    expect(scopeValues(inputs({ districtLiaisons: 0 })).values.opsTeamDesignated).toBe(false);
    expect(scopeValues(inputs({ streets: [{ id: 's1', name: '甲', liaisons: 1 }, { id: 's2', name: '乙', liaisons: 0 }] })).values.opsTeamDesignated).toBe(false);
  });
});

describe('interactiveUsage (district-wide: a column is used when any counted committee used it)', () => {
  const rows = (...f: Parameters<typeof facts>[0][]) => committeeRows({ committees: f.map((x, i) => facts({ committeeId: `c${i}`, ...x })), exclusions: [] });
  it('allWithOutcome needs an outcome and a notice interaction somewhere', () => {
    expect(interactiveUsage(rows({ outcomes: 0, noticeInteractions: 0 }, { partyUse: 0 }))).toBe('allWithOutcome');
    expect(interactiveUsage(rows({ outcomes: 0 }))).toBe('allUsed');
    expect(interactiveUsage(rows({ noticeInteractions: 0 }))).toBe('allUsed');
  });
  it('counts unused columns: a read alone uses 社区公告, an outcome alone uses 议事厅', () => {
    expect(interactiveUsage(rows({ noticeUse: 0, noticeInteractions: 1, topicUse: 0, outcomes: 1 }))).toBe('allWithOutcome');
    expect(interactiveUsage(rows({ partyUse: 0 }))).toBe('oneMissing');
    expect(interactiveUsage(rows({ partyUse: 0, topicUse: 0, outcomes: 0 }))).toBe('twoOrMoreMissing');
  });
});

describe('the initialisation checklist', () => {
  it('needs the register, a bound staff member, every household with building and grid, and the profile', () => {
    expect(initGaps(facts())).toEqual([]);
    expect(initGaps(facts({ households: 0, householdsWithBuilding: 0, householdsWithGrid: 0 }))).toEqual(['registerImported', 'buildingsAndGrids']);
    expect(initGaps(facts({ householdsWithGrid: 9 }))).toEqual(['buildingsAndGrids']);
    expect(initGaps(facts({ staffBound: 0, profileGaps: ['名称'] }))).toEqual(['staffBound', 'profileFilled']);
  });
  it('reads the profile: name, kind, a 12-digit code under the street code', () => {
    const street = { code: '310107005' };
    expect(profileGaps({ code: '310107005001', name: '曹杨一村居民委员会', kind: 'urban' }, street)).toEqual([]);
    expect(profileGaps({ code: '310107006001', name: ' ', kind: 'urban' }, street)).toEqual(['名称', '区划代码']);
    expect(profileGaps({ code: '31010700500', name: '甲', kind: 'rural' }, street)).toEqual(['区划代码']);
    expect(profileGaps({ code: '310107005001', name: '甲', kind: 'urban' }, null)).toEqual(['区划代码', '所属街镇']);
  });
});
