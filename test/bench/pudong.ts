/**
 * A district the size of Pudong for the metrics benchmark: 36 streets, 1,300 committees,
 * 2,000,000 register households with their members, and 30 days of work records and resident
 * activity, written straight into the local cloud's store in batches (the documents have the
 * shapes the product's functions write; going through the functions would take hours).
 * Deterministic for a given scale.
 */
import crypto from 'node:crypto';
import type { DocumentStore } from '../../localcloud/admin-api';
import type { Window } from '../../shared/time';

export interface PudongSize {
  streets: number;
  committees: number;
  households: number;
}

export const PUDONG: PudongSize = { streets: 36, committees: 1300, households: 2_000_000 };

export const DISTRICT_ID = 'district-bench';
export const LIAISON_OPENID = 'bench-district-liaison';

/** xorshift: fast and reproducible */
function rng(seed: number) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

const hex = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

class Batcher {
  private readonly pending = new Map<string, object[]>();
  count = 0;
  constructor(private readonly store: DocumentStore, private readonly size = 5000) {}
  add(collection: string, doc: object) {
    let list = this.pending.get(collection);
    if (!list) this.pending.set(collection, (list = []));
    list.push(doc);
    this.count++;
    if (list.length >= this.size) this.flush(collection);
  }
  flush(collection?: string) {
    for (const [name, list] of this.pending) {
      if (collection && name !== collection) continue;
      if (list.length) this.store.insert(name, list as never[]);
      this.pending.set(name, []);
    }
  }
}

export interface Generated {
  documents: number;
  committeeIds: string[];
}

export function generatePudong(store: DocumentStore, size: PudongSize, w: Window, onProgress?: (done: number) => void): Generated {
  const rand = rng(20261123);
  const b = new Batcher(store);
  const at = (from: Date, to: Date) => new Date(from.getTime() + Math.floor(rand() * (to.getTime() - from.getTime())));
  const inWindow = () => at(w.start, new Date(w.end.getTime() - 1));
  const past = new Date(w.start.getTime() - 90 * 86_400_000);

  b.add('districts', { _id: DISTRICT_ID, code: '310115', name: '浦东新区（基准）' });
  const committeeIds: string[] = [];
  const perStreet = Math.ceil(size.committees / size.streets);
  for (let s = 0; s < size.streets; s++) {
    const streetId = `street-bench-${s}`;
    b.add('streets', { _id: streetId, code: `310115${String(s).padStart(3, '0')}`, name: `基准街道${s + 1}`, districtId: DISTRICT_ID });
    b.add('staff', { _id: `staff-sl-${s}`, corpId: 'wwbench', userId: `sl${s}`, openid: `bench-sl-${s}`, name: `街道联络员${s}`, roles: ['street_liaison'], committeeId: null, streetId, districtId: DISTRICT_ID, active: true });
    for (let c = 0; c < perStreet && committeeIds.length < size.committees; c++) {
      const id = `committee-bench-${committeeIds.length}`;
      committeeIds.push(id);
      const code = `310115${String(s).padStart(3, '0')}${String(c + 1).padStart(3, '0')}`;
      b.add('committees', { _id: id, code, name: `基准${committeeIds.length}居民委员会`, kind: 'urban', streetId, districtId: DISTRICT_ID });
      for (let k = 0; k < 6; k++) {
        b.add('staff', { _id: `staff-${id}-${k}`, corpId: 'wwbench', userId: `${id}-${k}`, openid: rand() < 0.9 ? `bench-${id}-${k}` : null, name: `社工${k}`, roles: k === 0 ? ['secretary', 'staff'] : ['staff'], committeeId: id, streetId, districtId: DISTRICT_ID, active: true });
      }
    }
  }
  b.add('staff', { _id: 'staff-bench-dl', corpId: 'wwbench', userId: 'dl', openid: LIAISON_OPENID, name: '区联络员', roles: ['district_liaison'], committeeId: null, streetId: null, districtId: DISTRICT_ID, active: true });
  b.flush();

  const streetOf = (i: number) => `street-bench-${Math.floor(i / perStreet)}`;
  const householdsPer = Math.floor(size.households / committeeIds.length);
  const stamps = { importJobId: 'job-bench', createdJobId: 'job-bench', changedJobId: 'job-bench' };
  for (let ci = 0; ci < committeeIds.length; ci++) {
    const committeeId = committeeIds[ci]!;
    for (let h = 0; h < householdsPer; h++) {
      const hid = `${ci}-${h}`;
      const members = 1 + Math.floor(rand() * 4);
      const onCloud = rand() < 0.07;
      const building = `${1 + (h % 40)}号`;
      const room = `${100 + (h % 600)}`;
      b.add('households', {
        _id: `hh-${hid}`, committeeId, streetId: streetOf(ci), districtId: DISTRICT_ID, householdId: `H${hid}`, building, room, placeKey: `${building}|${room}`,
        grid: rand() < 0.98 ? `网格${h % 12}` : null, inRegister: true, memberCount: members, verifiedCount: onCloud ? 1 : 0, onCloud, onCloudAt: onCloud ? at(past, w.end) : null,
        removedJobId: null, updatedAt: past, ...stamps,
      });
      for (let m = 0; m < members; m++) {
        b.add('persons', {
          _id: `p-${hid}-${m}`, committeeId, householdDocId: `hh-${hid}`, status: 'active', complete: rand() < 0.92,
          name: '张*', idHash: hex(`${hid}-${m}`), idMasked: '**************1234', relation: m === 0 ? '户主' : '子女',
          movedOutAt: null, movedOutJobId: null, claimedBy: null, claimedAt: null, updatedAt: past, ...stamps,
        });
      }
    }

    // 30 days of work: about 150 visits, 20 receptions, 4 meetings, 3 activities, 4 work orders
    const staffId = `staff-${committeeId}-1`;
    const base = { committeeId, staffId, staffName: '社工1', removedAt: null };
    const record = (type: string, extra: object) => {
      const t = inWindow();
      b.add('worklog_records', { _id: `r-${ci}-${b.count}`, ...base, type, at: t, createdAt: t, updatedAt: t, editableUntil: t, ...extra });
    };
    for (let i = 0; i < 100 + Math.floor(rand() * 100); i++) record('visit', { visit: { residentName: '李*', building: `${1 + (i % 40)}号`, room: '101', householdKey: `${i}`, familySituation: '', reason: '走访', difficulty: null, kind: 'ordinary', line: null, remark: null, photoFileIds: [] } });
    for (let i = 0; i < 20; i++) record('reception', { reception: { residentName: null, building: null, room: null, category: 'consult', matter: '咨询', outcome: '已答复', confirmation: { status: rand() < 0.9 ? 'confirmed' : 'pending', tokenHash: null, tokenExpiresAt: null, method: 'scan', confirmedAt: null, confirmedByOpenid: null, signatureFileId: null, signerName: null, capturedBy: null } } });
    for (let i = 0; i < 2 + Math.floor(rand() * 5); i++) record('meeting', { meeting: { topic: '例会', attendeeCount: 6, attendees: [], minutes: '', decisions: [] } });
    for (let i = 0; i < 1 + Math.floor(rand() * 4); i++) record('activity', { activity: { title: '活动', place: '活动室', attendance: 30, description: null, photoFileIds: [] } });
    for (let i = 0; i < 4; i++) {
      const reportedAt = inWindow();
      const closed = rand() < 0.75;
      const closedAt = closed ? new Date(reportedAt.getTime() + Math.floor(rand() * 9 * 86_400_000)) : null;
      const dueBy = new Date(reportedAt.getTime() + 7 * 86_400_000);
      const history = [{ event: 'report', from: null, to: 'reported', by: staffId, at: reportedAt, note: null }, ...(closedAt ? [{ event: 'close', from: 'handled', to: 'closed', by: staffId, at: closedAt, note: null }] : [])];
      b.add('worklog_orders', { _id: `o-${ci}-${i}`, committeeId, title: '问题', description: '', place: null, reportedBy: staffId, reportedAt, assigneeId: staffId, status: closed ? 'closed' : 'reported', dueDate: '2026-12-31', dueBy, resolution: null, closedAt, lastEventAt: closedAt ?? reportedAt, history, version: history.length });
    }

    // resident activity in the columns
    for (let i = 0; i < 3; i++) b.add('party_posts', { _id: `pp-${ci}-${i}`, committeeId, kind: 'article', title: '党建文章', publishedAt: inWindow() });
    for (let i = 0; i < 25; i++) b.add('party_signups', { _id: `ps-${ci}-${i}`, committeeId, postId: `pp-${ci}-0`, at: inWindow() });
    if (rand() < 0.8) b.add('topics', { _id: `t-${ci}`, committeeId, title: '议题', stage: 'concluded', createdAt: inWindow() });
    if (rand() < 0.6) b.add('topic_outcomes', { _id: `to-${ci}`, committeeId, topicId: `t-${ci}`, decision: '决定', decidedAt: inWindow() });
    for (let i = 0; i < 4; i++) b.add('notices', { _id: `n-${ci}-${i}`, committeeId, title: '公告', publishAt: inWindow() });
    for (let i = 0; i < 150; i++) b.add('notice_reads', { _id: `nr-${ci}-${i}`, committeeId, noticeId: `n-${ci}-${i % 4}`, at: inWindow() });
    for (let i = 0; i < 15; i++) b.add('content_comments', { _id: `cc-${ci}-${i}`, committeeId, targetType: i % 3 ? 'notice' : 'topic', targetId: `n-${ci}-0`, status: 'visible', createdAt: inWindow() });
    if (ci % 50 === 49) onProgress?.(b.count);
  }
  b.flush();
  return { documents: b.count, committeeIds };
}
