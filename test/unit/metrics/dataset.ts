/**
 * A small district whose every metric is worked out by hand (see the comments and
 * `EXPECTED`), written straight into the other domains' collections in the shapes they define.
 * Window: 30 days from 2026-10-08, i.e. [2026-10-07T16:00Z, 2026-11-06T16:00Z).
 *
 * committee   street  init                     persons (complete)  households (上云 in window)
 * A 甲一居委   甲街道   complete                  5 (4) + 1 moved out  4 (2) + 1 out of register
 * B 甲二居委   甲街道   a household has no grid    3 (3)                3 (0)
 * C 乙一村     乙镇     no staff bound             2 (1)                2 (1)
 * E 乙二村     乙镇     complete, EXCLUDED         4 (0)                2 (2)
 */
import type { HouseholdDoc, PersonDoc } from '../../../shared/domain/household';
import type { CommentDoc, NoticeDoc, NoticeReadDoc, OutcomeDoc, PartyPostDoc, TopicDoc } from '../../../shared/domain/content';
import type { StaffDoc, UserDoc } from '../../../shared/domain/people';
import type { CommitteeDoc, DistrictDoc, StreetDoc } from '../../../shared/domain/regions';
import type { OrderStatus, WorkOrderDoc, WorkRecordDoc } from '../../../shared/domain/worklog';
import type { Database } from '../../../cloudfunctions/_kit/cloud';

export const FROM = '2026-10-08';
export const TO = '2026-11-06';
/** Shanghai wall time → instant */
export const sh = (local: string) => new Date(`${local}+08:00`);

export const district: DistrictDoc = { _id: 'district-310199', code: '310199', name: '测试区' };
export const otherDistrict: DistrictDoc = { _id: 'district-310198', code: '310198', name: '邻区' };
export const S1: StreetDoc = { _id: 'street-310199001', code: '310199001', name: '甲街道', districtId: district._id };
export const S2: StreetDoc = { _id: 'street-310199002', code: '310199002', name: '乙镇', districtId: district._id };
const committee = (code: string, name: string, street: StreetDoc, kind: CommitteeDoc['kind']): CommitteeDoc => ({ _id: `committee-${code}`, code, name, kind, streetId: street._id, districtId: district._id });
export const A = committee('310199001001', '甲一居委', S1, 'urban');
export const B = committee('310199001002', '甲二居委', S1, 'urban');
export const C = committee('310199002001', '乙一村', S2, 'rural');
export const E = committee('310199002002', '乙二村', S2, 'rural');

export const OPENID = {
  districtLiaison: 'op-dl',
  otherDistrictLiaison: 'op-dl2',
  streetLiaison1: 'op-sl1',
  staffA: 'op-a',
  secretaryB: 'op-b',
  staffE: 'op-e',
  resident: 'op-res',
};

const staffDoc = (id: string, openid: string | null, roles: StaffDoc['roles'], scope: Partial<StaffDoc>): StaffDoc => ({
  _id: id,
  corpId: 'wwtest',
  userId: id,
  openid,
  name: id,
  roles,
  committeeId: null,
  streetId: null,
  districtId: null,
  active: true,
  ...scope,
});
const at = (c: CommitteeDoc) => ({ committeeId: c._id, streetId: c.streetId, districtId: c.districtId });

export const staff: StaffDoc[] = [
  staffDoc('s-a', OPENID.staffA, ['staff'], at(A)),
  staffDoc('s-b', OPENID.secretaryB, ['secretary', 'staff'], at(B)),
  // C's only staff member never signed in with WeCom: not bound
  staffDoc('s-c', null, ['staff'], at(C)),
  // an inactive, bound member does not bind C either
  { ...staffDoc('s-c2', 'op-c2', ['staff'], at(C)), active: false },
  staffDoc('s-e', OPENID.staffE, ['staff'], at(E)),
  staffDoc('s-dl', OPENID.districtLiaison, ['district_liaison'], { districtId: district._id }),
  staffDoc('s-dl2', OPENID.otherDistrictLiaison, ['district_liaison'], { districtId: otherDistrict._id }),
  // 甲街道 has a liaison, 乙镇 has none
  staffDoc('s-sl1', OPENID.streetLiaison1, ['street_liaison'], { streetId: S1._id, districtId: district._id }),
];

export const users: UserDoc[] = [{ _id: 'u-res', openid: OPENID.resident, consent: { version: '2026-09', at: sh('2026-09-01T10:00:00') }, displayName: '居民', householdId: 'h-A-1', committeeId: A._id, createdAt: sh('2026-09-01T10:00:00') }];

const stamps = { importJobId: 'job', createdJobId: 'job', changedJobId: 'job' };
let hn = 0;
function household(c: CommitteeDoc, over: Partial<HouseholdDoc> = {}): HouseholdDoc {
  hn++;
  return {
    _id: `h-${c.code}-${hn}`,
    committeeId: c._id,
    streetId: c.streetId,
    districtId: c.districtId,
    householdId: `H${hn}`,
    building: `${hn}号楼`,
    room: '101',
    placeKey: `${hn}|101`,
    grid: '第一网格',
    inRegister: true,
    memberCount: 1,
    verifiedCount: 0,
    onCloud: false,
    onCloudAt: null,
    removedJobId: null,
    updatedAt: sh('2026-09-01T10:00:00'),
    ...stamps,
    ...over,
  };
}
const cloud = (instant: Date): Partial<HouseholdDoc> => ({ onCloud: true, onCloudAt: instant, verifiedCount: 1 });

export const households: HouseholdDoc[] = [
  household(A, cloud(sh('2026-10-01T09:00:00'))),
  // 23:59:59 on the last day counts; 00:00:00 the next day does not
  household(A, cloud(sh('2026-11-06T23:59:59'))),
  household(A, cloud(sh('2026-11-07T00:00:00'))),
  household(A),
  // dropped by a full re-import: neither numerator nor denominator
  household(A, { ...cloud(sh('2026-10-02T09:00:00')), inRegister: false }),
  household(B),
  household(B),
  household(B, { grid: null }),
  household(C, cloud(sh('2026-10-20T09:00:00'))),
  household(C),
  household(E, cloud(sh('2026-10-10T09:00:00'))),
  household(E, cloud(sh('2026-10-11T09:00:00'))),
];

let pn = 0;
function person(c: CommitteeDoc, complete: boolean, status: PersonDoc['status'] = 'active'): PersonDoc {
  pn++;
  return {
    _id: `p-${pn}`,
    committeeId: c._id,
    householdDocId: `h-${c.code}`,
    status,
    movedOutAt: status === 'moved_out' ? sh('2026-10-01T00:00:00') : null,
    movedOutJobId: null,
    claimedBy: null,
    claimedAt: null,
    updatedAt: sh('2026-09-01T10:00:00'),
    name: `居民${pn}`,
    relation: '户主',
    isHouseholder: true,
    residenceStatus: '人户一致',
    ethnicity: '汉族',
    politicalStatus: '群众',
    idStatus: complete ? 'valid' : 'invalid',
    idHash: null,
    idClaimHash: null,
    idMasked: null,
    phoneMasked: null,
    phoneHash: null,
    phoneEnc: null,
    complete,
    incompleteFields: complete ? [] : ['idNumber'],
    sourceRow: pn,
    ...stamps,
  } as unknown as PersonDoc;
}
export const persons: PersonDoc[] = [
  ...[true, true, true, true, false].map((ok) => person(A, ok)),
  person(A, true, 'moved_out'),
  ...[true, true, true].map((ok) => person(B, ok)),
  ...[true, false].map((ok) => person(C, ok)),
  ...[false, false, false, false].map((ok) => person(E, ok)),
];

let rn = 0;
type RecordKind = 'visit' | 'meeting' | 'activity' | 'reception-confirmed' | 'reception-pending';
export function record(c: CommitteeDoc, kind: RecordKind, local: string, removed = false): WorkRecordDoc {
  rn++;
  const when = sh(local);
  const base = { _id: `r-${rn}`, committeeId: c._id, staffId: 's', staffName: '社工', at: when, createdAt: when, updatedAt: when, editableUntil: when, removedAt: removed ? when : null };
  if (kind === 'visit') {
    return { ...base, type: 'visit', visit: { residentName: '居民', building: '1', room: '101', householdKey: `1|${rn}`, familySituation: '', reason: '走访', difficulty: null, kind: 'ordinary', line: null, remark: null, photoFileIds: [] } };
  }
  if (kind === 'meeting') return { ...base, type: 'meeting', meeting: { topic: '例会', attendeeCount: 3, attendees: [], minutes: '纪要', decisions: [] } };
  if (kind === 'activity') return { ...base, type: 'activity', activity: { title: '活动', place: '活动室', attendance: 10, description: null, photoFileIds: [] } };
  const confirmed = kind === 'reception-confirmed';
  return {
    ...base,
    type: 'reception',
    reception: {
      residentName: null,
      building: null,
      room: null,
      category: 'consult',
      matter: '咨询',
      outcome: '已答复',
      confirmation: { status: confirmed ? 'confirmed' : 'pending', tokenHash: null, tokenExpiresAt: null, method: confirmed ? 'scan' : null, confirmedAt: confirmed ? when : null, confirmedByOpenid: null, signatureFileId: null, signerName: null, capturedBy: null },
    },
  };
}

export const records: WorkRecordDoc[] = [
  // A: visits at the window's first instant, mid-window and at 23:59:59 on the last day count (3);
  // 00:00:00 the day after, 23:59:59 the day before, and a removed one do not
  record(A, 'visit', '2026-10-08T00:00:00'),
  record(A, 'visit', '2026-10-20T10:00:00'),
  record(A, 'visit', '2026-11-06T23:59:59'),
  record(A, 'visit', '2026-11-07T00:00:00'),
  record(A, 'visit', '2026-10-07T23:59:59'),
  record(A, 'visit', '2026-10-21T10:00:00', true),
  // a confirmed reception counts with the visits (走访接待); a pending one does not → A: 4
  record(A, 'reception-confirmed', '2026-10-22T10:00:00'),
  record(A, 'reception-pending', '2026-10-23T10:00:00'),
  record(A, 'meeting', '2026-10-09T10:00:00'),
  record(A, 'meeting', '2026-10-30T10:00:00'),
  record(A, 'activity', '2026-10-18T10:00:00'),
  // B: 2 visits, 1 meeting
  record(B, 'visit', '2026-10-12T10:00:00'),
  record(B, 'visit', '2026-10-13T10:00:00'),
  record(B, 'meeting', '2026-10-14T10:00:00'),
  // C: 2 activities
  record(C, 'activity', '2026-10-15T10:00:00'),
  record(C, 'activity', '2026-11-01T10:00:00'),
  // E is excluded: none of these count
  ...Array.from({ length: 10 }, (_v, i) => record(E, 'visit', `2026-10-${String(10 + i)}T10:00:00`)),
];

function order(id: string, c: CommitteeDoc, reported: string, steps: [OrderStatus, string][]): WorkOrderDoc {
  const reportedAt = sh(reported);
  const history = [{ event: 'report' as const, from: null, to: 'reported' as OrderStatus, by: 's', at: reportedAt, note: null }, ...steps.map(([to, local]) => ({ event: (to === 'closed' ? 'close' : to === 'handled' ? 'handle' : 'assign') as 'close', from: null, to, by: 's', at: sh(local), note: null }))];
  const last = history[history.length - 1]!;
  const closed = last.to === 'closed';
  return {
    _id: id,
    committeeId: c._id,
    title: '问题',
    description: '描述',
    place: null,
    reportedBy: 's',
    reportedAt,
    assigneeId: 's',
    status: last.to,
    dueDate: '2026-12-31',
    dueBy: sh('2027-01-01T00:00:00'),
    resolution: closed ? '已处理' : null,
    closedAt: closed ? last.at : null,
    lastEventAt: last.at,
    history,
    version: history.length,
  };
}

export const orders: WorkOrderDoc[] = [
  // A: reported and closed in the window within 2 days → closed 1, reported 1, in a week 1
  order('o1', A, '2026-10-10T09:00:00', [['assigned', '2026-10-10T10:00:00'], ['handled', '2026-10-11T10:00:00'], ['closed', '2026-10-12T09:00:00']]),
  // A: reported before the window, closed in it → closed 1
  order('o2', A, '2026-09-20T09:00:00', [['assigned', '2026-09-21T10:00:00'], ['handled', '2026-10-14T10:00:00'], ['closed', '2026-10-15T09:00:00']]),
  // B: open → reported 1
  order('o3', B, '2026-10-20T09:00:00', [['assigned', '2026-10-20T10:00:00'], ['handled', '2026-10-21T10:00:00']]),
  // B: closed after 11 days → closed 1, reported 1, not in a week
  order('o4', B, '2026-10-25T09:00:00', [['assigned', '2026-10-25T10:00:00'], ['handled', '2026-11-04T10:00:00'], ['closed', '2026-11-05T09:00:00']]),
  // C: all before the window → nothing
  order('o5', C, '2026-10-01T09:00:00', [['assigned', '2026-10-01T10:00:00'], ['handled', '2026-10-03T10:00:00'], ['closed', '2026-10-05T09:00:00']]),
  // C: closed at 00:00:00 the day after the window → not closed in it; reported 1, closed within a week
  order('o6', C, '2026-11-01T10:00:00', [['assigned', '2026-11-01T11:00:00'], ['handled', '2026-11-06T20:00:00'], ['closed', '2026-11-07T00:00:00']]),
];

const post = (id: string, c: CommitteeDoc, local: string): PartyPostDoc => ({ _id: id, committeeId: c._id, kind: 'article', title: '党建', body: '正文', startsAt: null, endsAt: null, place: null, signupDeadline: null, capacity: null, signupCount: 0, likeCount: 0, authorStaffId: 's', authorName: '书记', publishedAt: sh(local) });
export const partyPosts: PartyPostDoc[] = [
  post('pp-a', A, '2026-10-15T10:00:00'),
  // one second before the window: B has no 党建园地 use
  post('pp-b', B, '2026-10-07T23:59:59'),
  // inside the window but taken down by staff: still no 党建园地 use for B
  { ...post('pp-b-withdrawn', B, '2026-10-15T10:00:00'), withdrawnAt: sh('2026-10-15T11:00:00'), withdrawnReason: '发错了', withdrawnByStaffId: 's-b' },
  post('pp-e', E, '2026-10-15T10:00:00'),
];
export const topics: TopicDoc[] = [
  // a proposal B's committee declined inside the window: no 议事厅 use for B
  { _id: 't-b-declined', committeeId: B._id, title: '议题', description: '说明', stage: 'declined', proposer: { kind: 'resident', openid: OPENID.resident, staffId: null, name: '居民' }, poll: null, createdAt: sh('2026-10-12T10:00:00'), updatedAt: sh('2026-10-13T10:00:00'), openedAt: null, concludedAt: null, declinedAt: sh('2026-10-13T10:00:00'), declineReason: '重复', declinedByStaffId: 's-b' },
  { _id: 't-a', committeeId: A._id, title: '议题', description: '说明', stage: 'concluded', proposer: { kind: 'staff', openid: OPENID.staffA, staffId: 's-a', name: '社工' }, poll: null, createdAt: sh('2026-10-10T10:00:00'), updatedAt: sh('2026-10-20T10:00:00'), openedAt: sh('2026-10-11T10:00:00'), concludedAt: sh('2026-10-20T10:00:00') },
];
export const outcomes: OutcomeDoc[] = [{ _id: 't-a', topicId: 't-a', committeeId: A._id, decision: '加装雨棚', actor: '物业', dueDate: sh('2026-11-30T00:00:00'), decidedAt: sh('2026-10-20T10:00:00'), decidedByStaffId: 's-a', requestKey: 'k', followUps: [] }];
const notice = (id: string, c: CommitteeDoc, local: string): NoticeDoc => ({ _id: id, committeeId: c._id, title: '公告', body: '正文', pinned: false, publishAt: sh(local), expiresAt: null, readCount: 0, shareCount: 0, shareReadCount: 0, authorStaffId: 's', authorName: '社工', createdAt: sh(local) });
export const notices: NoticeDoc[] = [notice('n-a', A, '2026-10-12T10:00:00'), notice('n-b', B, '2026-10-20T10:00:00')];
export const noticeReads: NoticeReadDoc[] = [{ _id: 'nr-a', noticeId: 'n-a', committeeId: A._id, openid: OPENID.resident, at: sh('2026-10-13T10:00:00'), viaShareId: null, groupId: null }];
// a hidden 留言 is no interaction
export const comments: CommentDoc[] = [{ _id: 'cm-b', targetType: 'notice', targetId: 'n-b', committeeId: B._id, authorOpenid: 'x', authorKind: 'resident', authorName: '居民', text: '收到', status: 'hidden', createdAt: sh('2026-10-21T10:00:00'), moderatedBy: 's-b', moderatedAt: sh('2026-10-21T11:00:00') }];

export async function writeDataset(db: Database): Promise<void> {
  const put = async (collection: string, docs: object[]) => {
    for (let i = 0; i < docs.length; i += 100) await db.collection(collection).add(docs.slice(i, i + 100) as never);
  };
  await put('districts', [district, otherDistrict]);
  await put('streets', [S1, S2]);
  await put('committees', [A, B, C, E]);
  await put('staff', staff);
  await put('users', users);
  await put('households', households);
  await put('persons', persons);
  await put('worklog_records', records);
  await put('worklog_orders', orders);
  await put('party_posts', partyPosts);
  await put('topics', topics);
  await put('topic_outcomes', outcomes);
  await put('notices', notices);
  await put('notice_reads', noticeReads);
  await put('content_comments', comments);
}

/**
 * By hand, with E excluded (3 committees counted):
 * - 初始化完成率 1/3 (A only) = 33.3% → band <60% (0–9): 0 + (33.3/60) × 10 = 5.55 → 5; next band 60%
 *   needs ⌈0.6 × 3⌉ = 2 complete → 还需 1 个居委
 * - 居民信息完善率 (4+3+1)/(5+3+2) = 8/10 = 80% → band 80–90 (15–19) at its lower edge: 15; 90% needs 9 → 还需 1 名
 * - 走访 (4+2+0)/3 = 2 → band <5 (0–1): 0 + (2/5) × 2 = 0.8 → 0; 5 per committee needs 15 → 还需 9 次
 * - 会议 (2+1+0)/3 = 1 → band <2 (0–1): (1/2) × 2 = 1 → 1; 2 per committee needs 6 → 还需 3 次
 * - 活动 (1+0+2)/3 = 1 → 1; 还需 3 次
 * - 问题处置 (2+1+0)/3 = 1 → 1; 还需 3 件
 * - 上云率 (2+0+1)/(4+3+2) = 3/9 = 33.3% ≥ 10% (saturation of 8–10) → 10
 * - 使用情况: A used all three, with an outcome and a read → allWithOutcome → 4
 * - 组建运营工作团队: 乙镇 has no liaison → 0 (还需指定：乙镇联络员)
 * - assessor items (建立运行管理制度, 贯彻落实, 规范与创新): none entered → 0
 * total 5 + 15 + 0 + 1 + 1 + 1 + 10 + 4 = 37
 * seed 001 事件办结率: reported in the window o1, o3, o4, o6 = 4; closed within 7 days o1, o6 = 2
 */
export const EXPECTED = {
  values: {
    initCompletionRate: { num: 1, den: 3 },
    residentInfoCompletenessRate: { num: 8, den: 10 },
    visitsPerCommittee: { num: 6, den: 3 },
    meetingsPerCommittee: { num: 3, den: 3 },
    activitiesPerCommittee: { num: 3, den: 3 },
    issuesHandledPerCommittee: { num: 3, den: 3 },
    householdCloudRate: { num: 3, den: 9 },
    interactiveUsage: 'allWithOutcome',
    opsTeamDesignated: false,
  },
  scores: { initCompletion: 5, residentInfoCompleteness: 15, visits: 0, meetings: 1, activities: 1, issuesHandled: 1, householdRegistration: 10, columnUsage: 4, opsTeam: 0, opsRegulations: 0, implementation: 0, innovation: 0 },
  total: 37,
  /** the same district with E counted: E is initialised, has 4 incomplete persons, 2 上云 households and 10 visits */
  valuesWithE: {
    initCompletionRate: { num: 2, den: 4 },
    residentInfoCompletenessRate: { num: 8, den: 14 },
    visitsPerCommittee: { num: 16, den: 4 },
    householdCloudRate: { num: 5, den: 11 },
  },
  eventClosureRate: { num: 2, den: 4 },
};
