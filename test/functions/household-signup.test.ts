/**
 * Sign-up (上云) through the real path: privacy consent (auth.consent), claiming a household of
 * the register the demo seed imports, failures that reveal nothing, locks, a race for the same
 * person, one-time codes, invitations, leaving, 我的家庭, and requests for the committee to check.
 */
import { auditEntries } from '../../cloudfunctions/_kit/audit';
import { consent, PRIVACY_NOTICE_VERSION } from '../../shared/contracts/auth-consent';
import { me } from '../../shared/contracts/auth';
import {
  claimHousehold,
  createInvite,
  findCommittees,
  issueCode,
  joinByInvite,
  leaveHousehold,
  listChecks,
  myHouseholdQuery,
  redeemCode,
  requestCheck,
  resolveCheck,
} from '../../shared/contracts/household';
import type { HouseholdDoc } from '../../shared/domain/household';
import { DEMO_MEMBER, seedHousehold } from '../../localcloud/seed/household';
import { householdDocId } from '../../cloudfunctions/household/ids';
import { collection } from '../../cloudfunctions/_kit/store';
import { ok, useTestCloud } from '../support/local-cloud';
import { DEMO, LIQIANG, WANGLI, ZHOU } from '../support/demo-identities';

jest.setTimeout(30_000);

const HOME = DEMO.home._id;

/** Household 3101040510002 of the sample register: 晨曦路100弄8号 404, 徐子轩 (户主) 310115197312093053. */
const XU = { committeeId: HOME, building: '晨曦路100弄8号', room: '404', name: '徐子轩', idSuffix: '093053' };
const XU_HH = householdDocId(HOME, '3101040510002');

const t = useTestCloud({
  prepare: async (cloud) => {
    await seedHousehold(cloud.db, cloud.functionEnv);
  },
});
let n = 0;

/** A new WeChat user who has accepted the privacy notice. */
async function resident(): Promise<string> {
  const openid = `test-resident-${++n}`;
  ok(await t.call(openid, consent, { version: PRIVACY_NOTICE_VERSION }));
  return openid;
}

async function household(id: string): Promise<HouseholdDoc> {
  const doc = await collection(t.db, 'households').byId(id);
  if (!doc) throw new Error(`no household ${id}`);
  return doc;
}

const failedWith = (code: string) => ({ ok: false, error: { code } });

describe('auth.consent', () => {
  it('creates the user record on first consent and records version and time', async () => {
    expect(ok(await t.call('first-timer', me, {})).signedIn).toBe(false);
    const res = ok(await t.call('first-timer', consent, { version: PRIVACY_NOTICE_VERSION }));
    expect(res.version).toBe(PRIVACY_NOTICE_VERSION);
    const users = await collection(t.db, 'users').some((c) => c.where({ openid: 'first-timer' }), 10);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ consent: { version: PRIVACY_NOTICE_VERSION }, householdId: null });
    expect(ok(await t.call('first-timer', me, {})).signedIn).toBe(true);
    // consenting again keeps one record
    ok(await t.call('first-timer', consent, { version: PRIVACY_NOTICE_VERSION }));
    expect((await t.db.collection('users').where({ openid: 'first-timer' }).count()).total).toBe(1);
  });

  it('refuses an outdated notice version, bad input and callers without WeChat identity', async () => {
    expect(await t.call('x-1', consent, { version: '2020-01' })).toMatchObject(failedWith('PRIVACY_NOTICE_OUTDATED'));
    expect(await t.call('x-1', consent, {})).toMatchObject(failedWith('INVALID_INPUT'));
    expect(await t.call('', consent, { version: PRIVACY_NOTICE_VERSION })).toMatchObject(failedWith('UNAUTHENTICATED'));
  });

  it('accepts nothing personal before consent', async () => {
    expect(await t.call('not-consented', claimHousehold, XU)).toMatchObject(failedWith('CONSENT_REQUIRED'));
    expect(await t.call('not-consented', requestCheck, { ...XU, idSuffix: undefined })).toMatchObject(failedWith('INVALID_INPUT'));
    expect(await t.call('not-consented', requestCheck, { committeeId: HOME, building: '1', room: '1', name: '某某' })).toMatchObject(failedWith('CONSENT_REQUIRED'));
    expect(await t.call('', claimHousehold, XU)).toMatchObject(failedWith('UNAUTHENTICATED'));
  });
});

describe('the demo seed', () => {
  it('makes 周阿姨 a verified member of a household of the imported sample', async () => {
    const mine = ok(await t.call(ZHOU, myHouseholdQuery, {})).household;
    expect(mine).toMatchObject({ committee: { id: HOME }, building: '晨曦路100弄2号', room: '301', onCloud: true, verifiedCount: 1, via: 'claim' });
    expect(mine!.members.find((m) => m.isMe)).toMatchObject({ name: DEMO_MEMBER.name, verified: true });
    expect(ok(await t.call(ZHOU, me, {})).roles).toEqual(['resident']);
    expect(await seedHousehold(t.db, {})).toEqual({ seeded: false, households: 0, persons: 0 });
  });
});

describe('claiming a household', () => {
  it('finds one’s committee by a few characters of its name', async () => {
    const res = ok(await t.call(await resident(), findCommittees, { q: '曹杨一' }));
    expect(res.committees).toEqual([{ id: HOME, name: '曹杨一村居民委员会', street: '曹杨新村街道' }]);
    expect(await t.call('', findCommittees, { q: '曹杨' })).toMatchObject(failedWith('UNAUTHENTICATED'));
    expect(await t.call('x', findCommittees, { q: '' })).toMatchObject(failedWith('INVALID_INPUT'));
  });

  it('answers one generic error whatever detail is wrong', async () => {
    const openid = await resident();
    const wrong = [
      { ...XU, building: '晨曦路100弄9号' },
      { ...XU, room: '405' },
      { ...XU, name: '徐子' },
      { ...XU, idSuffix: '093054' },
    ];
    const answers = [];
    for (const input of wrong) answers.push(await t.call(openid, claimHousehold, input));
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD_CLAIM_FAILED', message: expect.stringContaining('请居委会核对') } });
    expect(await t.call(openid, claimHousehold, { ...XU, idSuffix: '12345' })).toMatchObject(failedWith('INVALID_INPUT'));
  });

  it('makes the caller a verified member and the household 上云, showing other members masked', async () => {
    const openid = await resident();
    const before = await household(XU_HH);
    expect(before).toMatchObject({ onCloud: false, verifiedCount: 0, onCloudAt: null });
    const res = ok(await t.call(openid, claimHousehold, { ...XU, building: '晨曦路100弄8号楼', room: '404室', idSuffix: '093053' }));
    expect(res).toMatchObject({ building: '晨曦路100弄8号', room: '404', onCloud: true, verifiedCount: 1, via: 'claim' });
    expect(res.members).toEqual([
      { name: '徐子轩', relation: '户主', isMe: true, verified: true },
      { name: '顾**', relation: '配偶', isMe: false, verified: false },
      { name: '徐**', relation: '女', isMe: false, verified: false },
    ]);
    expect(JSON.stringify(res.members)).not.toMatch(/\d/); // no ID or phone, not even masked
    const after = await household(XU_HH);
    expect(after).toMatchObject({ onCloud: true, verifiedCount: 1 });
    expect(after.onCloudAt).toBeInstanceOf(Date);
    const user = await collection(t.db, 'users').first({ openid });
    expect(user).toMatchObject({ householdId: XU_HH, committeeId: HOME });
    expect(ok(await t.call(openid, me, {})).roles).toEqual(['resident']);
    expect(await t.call(openid, claimHousehold, XU)).toMatchObject(failedWith('HOUSEHOLD_ALREADY_MEMBER'));
    // the same person again, by someone else: the generic answer
    expect(await t.call(await resident(), claimHousehold, XU)).toMatchObject(failedWith('HOUSEHOLD_CLAIM_FAILED'));
  });

  it('lets exactly one of two residents claiming the same person at the same moment succeed', async () => {
    const [a, b] = [await resident(), await resident()];
    const target = { committeeId: HOME, building: '晨曦路100弄4号', room: '404', name: '钱梓涵', idSuffix: '157645' };
    const results = await Promise.all([t.call(a, claimHousehold, target), t.call(b, claimHousehold, target)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject(failedWith('HOUSEHOLD_CLAIM_FAILED'));
    const hh = await household(householdDocId(HOME, '3101040510003'));
    expect(hh.verifiedCount).toBe(1);
    expect((await t.db.collection('household_members').where({ householdDocId: hh._id }).count()).total).toBe(1);
  });

  it('locks a resident after five failures, with the time to retry, even for right details', async () => {
    const openid = await resident();
    const wrongEach = (i: number) => ({ ...XU, building: `${i}号`, room: '1' });
    for (let i = 0; i < 4; i++) expect(await t.call(openid, claimHousehold, wrongEach(i))).toMatchObject(failedWith('HOUSEHOLD_CLAIM_FAILED'));
    const fifth = await t.call(openid, claimHousehold, wrongEach(4));
    expect(fifth).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD_CLAIM_LOCKED', message: expect.stringMatching(/请于 (\d{1,2}月\d{1,2}日 )?\d{2}:\d{2} 以后再试/) } });
    const right = { committeeId: HOME, building: '晨曦路100弄8号', room: '502', name: '徐伟', idSuffix: '274195' };
    expect(await t.call(openid, claimHousehold, right)).toMatchObject(failedWith('HOUSEHOLD_CLAIM_LOCKED'));
    // someone else is not affected
    expect(ok(await t.call(await resident(), claimHousehold, right)).onCloud).toBe(true);
  });

  it('locks an address after five failures from different residents', async () => {
    const address = { committeeId: HOME, building: '晨曦路100弄5号', room: '202', name: '某人', idSuffix: '000000' };
    for (let i = 0; i < 5; i++) await t.call(await resident(), claimHousehold, address);
    const right = { ...address, name: '姚德明', idSuffix: '276596' };
    expect(await t.call(await resident(), claimHousehold, right)).toMatchObject(failedWith('HOUSEHOLD_CLAIM_LOCKED'));
    // an address that is not in the register locks the same way: a lock reveals nothing
    const nowhere = { ...address, building: '不存在路1号' };
    for (let i = 0; i < 5; i++) await t.call(await resident(), claimHousehold, nowhere);
    expect(await t.call(await resident(), claimHousehold, nowhere)).toMatchObject(failedWith('HOUSEHOLD_CLAIM_LOCKED'));
  });

  it('lets a resident whose details did not match ask the committee, whose staff see and resolve it', async () => {
    const openid = await resident();
    const { id } = ok(await t.call(openid, requestCheck, { committeeId: HOME, building: '晨曦路100弄8号', room: '404', name: '徐子轩', note: '新搬来' }));
    expect(await t.call(openid, listChecks, {})).toMatchObject(failedWith('FORBIDDEN'));
    expect(ok(await t.call(LIQIANG, listChecks, {})).items).toEqual([]);
    const list = ok(await t.call(WANGLI, listChecks, {}));
    expect(list.nextOffset).toBeNull();
    expect(await t.call(WANGLI, listChecks, { page: 0 })).toMatchObject(failedWith('INVALID_INPUT'));
    expect(list.items.find((i) => i.id === id)).toMatchObject({ building: '晨曦路100弄8号', room: '404', name: '徐子轩', note: '新搬来', status: 'open' });
    expect((await auditEntries(t.db, { action: 'household.checks.read', actorId: DEMO.staffId(WANGLI) })).length).toBe(1);
    expect(await t.call(LIQIANG, resolveCheck, { id })).toMatchObject(failedWith('NOT_FOUND'));
    ok(await t.call(WANGLI, resolveCheck, { id }));
    expect(ok(await t.call(WANGLI, listChecks, {})).items.find((i) => i.id === id)).toBeUndefined();
    expect(await t.call(openid, requestCheck, { committeeId: 'committee-nope', building: '1', room: '1', name: '某某' })).toMatchObject(failedWith('NOT_FOUND'));
  });
});

describe('one-time codes from staff', () => {
  it('lets staff issue a code that makes one resident a member, once', async () => {
    const issued = ok(await t.call(WANGLI, issueCode, { householdId: '3101040510006' }));
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const a = await resident();
    const joined = ok(await t.call(a, redeemCode, { code: issued.code.toLowerCase().replace(/^(.{4})/, '$1-') }));
    expect(joined).toMatchObject({ via: 'code', onCloud: true, verifiedCount: 1 });
    expect(joined.members.every((m) => !m.isMe && m.name.includes('*'))).toBe(true);
    expect(await t.call(await resident(), redeemCode, { code: issued.code })).toMatchObject(failedWith('HOUSEHOLD_CODE_INVALID'));
    expect(await t.call(await resident(), redeemCode, { code: 'ABCDEFGH' })).toMatchObject(failedWith('HOUSEHOLD_CODE_INVALID'));
    expect(await t.call(a, redeemCode, { code: '12' })).toMatchObject(failedWith('INVALID_INPUT'));
    expect((await auditEntries(t.db, { action: 'household.code.issued' })).length).toBe(1);
  });

  it('cannot be blocked by strangers who lock the household’s address (issue 17, finding 7)', async () => {
    // five strangers guess at 姚磊's household (晨曦路100弄8号 302) until its address is locked
    const guess = { committeeId: HOME, building: '晨曦路100弄8号', room: '302', name: '某人', idSuffix: '000000' };
    for (let i = 0; i < 5; i++) await t.call(await resident(), claimHousehold, guess);
    const family = await resident();
    expect(await t.call(family, claimHousehold, { ...guess, name: '邵凤英', idSuffix: '046324' })).toMatchObject(failedWith('HOUSEHOLD_CLAIM_LOCKED'));
    // that refusal came before any count against the family member, and the staff code still works
    const issued = ok(await t.call(WANGLI, issueCode, { householdId: '3101040510006' }));
    expect(ok(await t.call(family, redeemCode, { code: issued.code }))).toMatchObject({ via: 'code', onCloud: true });
  });

  it('keeps codes within the staff member’s own committee and away from residents', async () => {
    expect(await t.call(LIQIANG, issueCode, { householdId: '3101040510006' })).toMatchObject(failedWith('NOT_FOUND'));
    expect(await t.call(ZHOU, issueCode, { householdId: '3101040510006' })).toMatchObject(failedWith('FORBIDDEN'));
    expect(await t.call('', issueCode, { householdId: '3101040510006' })).toMatchObject(failedWith('UNAUTHENTICATED'));
    expect(await t.call(WANGLI, issueCode, { householdId: '' })).toMatchObject(failedWith('INVALID_INPUT'));
  });
});

describe('family invitations and leaving', () => {
  it('lets a member invite family, who join once; the household stays 上云 until the last member leaves', async () => {
    const first = await resident();
    // 徐德明 of …0010; the lower-case x of his ID is typed as residents do
    ok(await t.call(first, claimHousehold, { committeeId: HOME, building: '晨曦路100弄2号', room: '104', name: '徐德明', idSuffix: '13771x' }));
    const hh = await household(householdDocId(HOME, '3101040510010'));

    expect(await t.call(await resident(), createInvite, {})).toMatchObject(failedWith('HOUSEHOLD_NOT_MEMBER'));
    expect(await t.call('', createInvite, {})).toMatchObject(failedWith('UNAUTHENTICATED'));
    const invite = ok(await t.call(first, createInvite, {}));
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const second = await resident();
    const joined = ok(await t.call(second, joinByInvite, { token: invite.token }));
    expect(joined).toMatchObject({ via: 'invite', verifiedCount: 2, onCloud: true });
    expect(joined.members.map((m) => m.name)).toEqual(['徐**', '杨**']);
    expect(await t.call(await resident(), joinByInvite, { token: invite.token })).toMatchObject(failedWith('HOUSEHOLD_INVITE_INVALID'));
    expect(await t.call(second, joinByInvite, { token: 'short' })).toMatchObject(failedWith('INVALID_INPUT'));
    expect(await t.call('not-consented-2', joinByInvite, { token: invite.token })).toMatchObject(failedWith('CONSENT_REQUIRED'));

    ok(await t.call(first, leaveHousehold, {}));
    expect(await household(hh._id)).toMatchObject({ verifiedCount: 1, onCloud: true });
    expect(ok(await t.call(first, myHouseholdQuery, {})).household).toBeNull();
    expect(ok(await t.call(first, me, {})).roles).toEqual([]);
    // his register person is free again: he (or, after a mistake, the right person) can claim it
    const xu = await collection(t.db, 'persons').first({ householdDocId: hh._id, name: '徐德明' });
    expect(xu?.claimedBy).toBeNull();

    const onCloudAt = (await household(hh._id)).onCloudAt;
    ok(await t.call(second, leaveHousehold, {}));
    const after = await household(hh._id);
    expect(after).toMatchObject({ verifiedCount: 0, onCloud: false });
    expect(after.onCloudAt).toEqual(onCloudAt);
    expect(await t.call(second, leaveHousehold, {})).toMatchObject(failedWith('HOUSEHOLD_NOT_MEMBER'));
  });
});
