/**
 * The street's yearly ranking through the real path. Cards are signed with points.signCard and
 * given their totals with points.correctCard (no source records needed): the ranking must use a
 * corrected month's latest total, count signed months only, and cut at floor(20% × N).
 *
 * 曹杨新村街道 has 10 社区工作者 here (cut = 2):
 *   r1 20 · 张敏 14.9 · r2 14.9 · r3 14.8 · r4 3 · 李强 0 (signed) · 王丽, 孙书记, 周书记, r5 0 (nothing signed)
 * so r1 is 1st, 张敏 and r2 share 2nd (both eligible: the tie sits at the cut), r3 is 4th (not).
 */
import { addEntry, correctCard, getCard, signCard } from '../../shared/contracts/points';
import { yearRanking } from '../../shared/contracts/points-ranking';
import type { StaffDoc } from '../../shared/domain/people';
import { demoDistrict } from '../../localcloud/seed/demo-district';
import { CHENJIE, DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHAOYUN } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

jest.setTimeout(90_000);

const STREET = DEMO.home.streetId;
const OTHER_STREET_COMMITTEE = DEMO.committees.find((c) => c.streetId !== STREET)!;
const ZM = DEMO.staffId(ZHANGMIN);
/** the OPENID of a staff member this file adds */
const openidOf = (userId: string) => `test-openid-${userId}`;

function person(userId: string, name: string, committee: { _id: string; streetId: string }, roles: StaffDoc['roles'] = ['staff']): StaffDoc {
  return { _id: `staff-${userId}`, corpId: demoDistrict.staff[0]!.corpId, userId, openid: openidOf(userId), name, roles, committeeId: committee._id, streetId: committee.streetId, districtId: DEMO.district._id, active: true };
}

/** Signs `month` for the staff member and, when `counts` is given, corrects it to those counts. */
async function signed(secretary: string, staffId: string, month: string, counts?: Record<string, number>) {
  ok(await t.call(secretary, signCard, { staffId, month }));
  if (counts) ok(await t.call(secretary, correctCard, { staffId, month, reason: '按纸质台账更正', counts }));
}

/** Runs once the demo cloud is up (`t` is usable from here on). */
async function prepare() {
  const c2 = DEMO.neighbour;
  const c3 = DEMO.committees[2]!;
  await t.db.collection('staff').add([
    person('secb', '孙书记', c2, ['secretary', 'staff']),
    person('sec3', '周书记', c3, ['secretary', 'staff']),
    ...['r1', 'r2', 'r3', 'r4', 'r5'].map((u) => person(u, u, c3)),
    person('far', '外街道社工', OTHER_STREET_COMMITTEE),
    person('far-sec', '外街道书记', OTHER_STREET_COMMITTEE, ['secretary']),
  ]);
  const S3 = openidOf('sec3');
  await signed(S3, 'staff-r1', '2026-08', { personalAwardsCity: 4 }); // 4 × 5 = 20
  await signed(S3, 'staff-r2', '2026-08', { firstContactReceptions: 12, householdsVisited: 30, staggeredShiftsAttended: 5 }); // 2.4 + 10 + 2.5 = 14.9
  await signed(S3, 'staff-r3', '2026-07', { firstContactReceptions: 24 }); // 4.8 …
  await signed(S3, 'staff-r3', '2026-08', { householdsVisited: 30 }); // … + 10 = 14.8 over two months
  await signed(S3, 'staff-r4', '2026-08', { personalAwardsStreet: 1 }); // 3
  // 张敏: 2026-09 signed at 0, 2026-10 signed at 0 and corrected twice
  await signed(WANGLI, ZM, '2026-09');
  await signed(WANGLI, ZM, '2026-10', { firstContactReceptions: 12, onlineRepliesSatisfied: 7, householdsVisited: 27, staggeredShiftsAttended: 4, specialActionDays: 2 }); // 17.4 …
  ok(await t.call(WANGLI, correctCard, { staffId: ZM, month: '2026-10', reason: '走访记录复核：5户无走访记录', counts: { householdsVisited: 22 } })); // … 27 → 22 households: 8.5 → 6, so 17.4 − 2.5 = 14.9
  await signed(openidOf('secb'), DEMO.staffId(LIQIANG), '2026-08');
  // another street's card and another year's card: neither counts here
  await signed(openidOf('far-sec'), 'staff-far', '2026-08', { personalAwardsCity: 10 });
  await signed(S3, 'staff-r5', '2025-12', { personalAwardsCity: 10 });
}

const t = useTestCloud({ prepare, timeoutMs: 90_000 });

describe('points.yearRanking', () => {
  it('ranks the street’s staff by their signed months, ties sharing a rank, the top 20% eligible', async () => {
    const r = ok(await t.call(CHENJIE, yearRanking, { year: '2026' }));
    expect([r.streetId, r.ranked, r.cut]).toEqual([STREET, 10, 2]);
    const rows = r.items.map((i) => [i.name, i.rank, i.total, i.eligible]);
    expect(rows.slice(0, 6)).toEqual([
      ['r1', 1, 20, true],
      ['r2', 2, 14.9, true],
      ['张敏', 2, 14.9, true],
      ['r3', 4, 14.8, false],
      ['r4', 5, 3, false],
      [expect.any(String), 6, 0, false],
    ]);
    expect(r.items.slice(5).map((i) => i.rank)).toEqual([6, 6, 6, 6, 6]);
    expect(r.items.map((i) => i.name)).not.toContain('外街道社工');
    const zm = r.items.find((i) => i.staffId === ZM)!;
    expect(zm).toMatchObject({ signedMonths: ['2026-09', '2026-10'], correctedMonths: ['2026-10'] });
    expect(r.items.find((i) => i.staffId === 'staff-r5')).toMatchObject({ total: 0, signedMonths: [] }); // 2025 is another year
    expect(r.items.find((i) => i.staffId === DEMO.staffId(WANGLI))).toMatchObject({ total: 0, signedMonths: [] });
  });

  it('counts unsigned months as nothing', async () => {
    // r4's September has a city award entered but is not signed: it is a card in progress, not a score
    ok(await t.call(openidOf('sec3'), addEntry, { staffId: 'staff-r4', month: '2026-09', entry: { kind: 'award', level: 'city', holder: 'personal', title: '市优秀社工' }, evidence: { text: '证书' } }));
    expect(ok(await t.call(openidOf('r4'), getCard, { month: '2026-09' })).card).toMatchObject({ status: 'open', effectiveTotal: 5 });
    const r = ok(await t.call(ZHAOYUN, yearRanking, { year: '2026', streetId: STREET }));
    expect(r.items.find((i) => i.staffId === 'staff-r4')).toMatchObject({ total: 3, signedMonths: ['2026-08'] });
  });

  it('shows a street liaison their own street only; staff see no ranking', async () => {
    expect(await t.call(CHENJIE, yearRanking, { year: '2026', streetId: OTHER_STREET_COMMITTEE.streetId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(ZHANGMIN, yearRanking, { year: '2026' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(WANGLI, yearRanking, { year: '2026' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(ZHAOYUN, yearRanking, { year: '2026' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(CHENJIE, yearRanking, { year: '26' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const other = ok(await t.call(ZHAOYUN, yearRanking, { year: '2026', streetId: OTHER_STREET_COMMITTEE.streetId }));
    expect(other.items.map((i) => [i.name, i.total])).toEqual([['外街道社工', 50]]);
    expect(other.cut).toBe(0); // one person is not within the top 20% of one… floor(0.2) = 0
  });
});
