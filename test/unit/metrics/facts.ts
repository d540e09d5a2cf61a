/** One committee's facts, complete unless a test says otherwise. */
import type { CommitteeFacts } from '../../../shared/domain/metrics';

export function facts(over: Partial<CommitteeFacts> = {}): CommitteeFacts {
  return {
    committeeId: 'c1', code: '310199001001', name: '甲一居委', streetId: 's1', profileGaps: [], staffBound: 1,
    households: 10, householdsWithBuilding: 10, householdsWithGrid: 10, householdsOnCloud: 1, persons: 20, personsComplete: 20,
    visits: 10, receptionsConfirmed: 0, meetings: 5, activities: 4, ordersClosed: 4, ordersReported: 0, ordersClosedInWeek: 0,
    partyUse: 1, topicUse: 1, outcomes: 1, noticeUse: 1, noticeInteractions: 1, ...over,
  };
}
