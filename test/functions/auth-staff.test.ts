/**
 * auth.staffLogin through the real path, against the fake WeCom: a wx.qy.login code binds the
 * caller's OPENID to the WeCom member's active staff record.
 */
import { auditEntries } from '../../cloudfunctions/_kit/audit';
import { me } from '../../shared/contracts/auth';
import { staffLogin } from '../../shared/contracts/auth-staff';
import { collection } from '../../cloudfunctions/_kit/store';
import { ok, useTestCloud } from '../support/local-cloud';
import { DEMO, WANGLI, ZHANGMIN } from '../support/demo-identities';

jest.setTimeout(30_000); // cold starts of the bundles on a shared machine

const HOME = DEMO.home;
const t = useTestCloud({
  prepare: async (cloud) => {
    await cloud.db.collection('staff').add({ _id: 'staff-gone', corpId: cloud.wecom.corpId, userId: 'gone', openid: null, name: '离职者', roles: ['staff'], committeeId: HOME._id, streetId: HOME.streetId, districtId: HOME.districtId, active: false });
  },
});

const staffDoc = async (id: string) => {
  const doc = await collection(t.db, 'staff').byId(id);
  if (!doc) throw new Error(`no staff ${id}`);
  return doc;
};
const errorOf = (env: { ok: boolean; error?: { code: string; message: string } }) => (env.ok ? null : env.error!);

describe('auth.staffLogin', () => {
  it('binds the OPENID, replacing the binding of the old phone, and audits it', async () => {
    const res = ok(await t.call('openid-new-phone', staffLogin, { code: t.wecom.issueLoginCode('zhangmin') }));
    expect(res).toEqual({
      staffId: 'staff-zhangmin',
      name: '张敏',
      roles: ['staff'],
      committee: { id: 'committee-310107005001', name: '曹杨一村居民委员会' },
      street: { id: 'street-310107005', name: '曹杨新村街道' },
      district: { id: 'district-310107', name: '普陀区' },
    });
    expect(JSON.stringify(res)).not.toMatch(/session/i);
    expect((await staffDoc('staff-zhangmin')).openid).toBe('openid-new-phone');
    expect(ok(await t.call('openid-new-phone', me, {})).roles).toEqual(['staff']);
    // the old phone no longer acts as staff
    expect(ok(await t.call(ZHANGMIN, me, {})).roles).toEqual([]);
    const audit = { data: await auditEntries(t.db, { action: 'staff.bind', subjectId: 'staff-zhangmin' }) };
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({ actorId: 'staff-zhangmin', subjectType: 'staff', details: { replacedBinding: true, unboundStaffIds: [] } });
  });

  it('binds one OPENID to one staff record at most', async () => {
    ok(await t.call('openid-shared', staffLogin, { code: t.wecom.issueLoginCode('zhangmin') }));
    ok(await t.call('openid-shared', staffLogin, { code: t.wecom.issueLoginCode('liqiang') }));
    expect((await staffDoc('staff-zhangmin')).openid).toBeNull();
    expect((await staffDoc('staff-liqiang')).openid).toBe('openid-shared');
    expect(ok(await t.call('openid-shared', me, {})).committee?.id).toBe('committee-310107005002');
    expect((await t.db.collection('staff').where({ openid: 'openid-shared' }).count()).total).toBe(1);
  });

  it('refuses a code of a member of another corp', async () => {
    const err = errorOf(await t.call('openid-other-corp', staffLogin, { code: t.wecom.issueLoginCode('wangli', { corpId: 'wwothercorp' }) }));
    expect(err?.code).toBe('WECOM_CORP_MISMATCH');
    expect((await staffDoc('staff-wangli')).openid).toBe(WANGLI);
  });

  it('refuses an unknown WeCom member and an inactive one with a clear Chinese message', async () => {
    for (const userId of ['nobody', 'gone']) {
      const err = errorOf(await t.call('openid-stranger', staffLogin, { code: t.wecom.issueLoginCode(userId) }));
      expect(err).toEqual({ code: 'STAFF_NOT_FOUND', message: expect.stringContaining('工作人员名单') });
    }
    expect((await staffDoc('staff-gone')).openid).toBeNull();
    expect(ok(await t.call('openid-stranger', me, {})).roles).toEqual([]);
  });

  it('refuses a used or invented code', async () => {
    const code = t.wecom.issueLoginCode('wangli');
    ok(await t.call('openid-wangli-2', staffLogin, { code }));
    expect(errorOf(await t.call('openid-thief', staffLogin, { code }))?.code).toBe('WECOM_LOGIN_CODE_INVALID');
    expect(errorOf(await t.call('openid-thief', staffLogin, { code: 'made-up' }))?.code).toBe('WECOM_LOGIN_CODE_INVALID');
    expect((await staffDoc('staff-wangli')).openid).toBe('openid-wangli-2');
  });

  it('rejects bad input and callers without a WeChat identity', async () => {
    expect(errorOf(await t.call('openid-x', staffLogin, {}))?.code).toBe('INVALID_INPUT');
    expect(errorOf(await t.call('openid-x', staffLogin, { code: '   ' }))?.code).toBe('INVALID_INPUT');
    expect(errorOf(await t.call('openid-x', staffLogin, { code: 'c', userId: 'wangli' }))?.code).toBe('INVALID_INPUT');
    expect(errorOf(await t.call('', staffLogin, { code: t.wecom.issueLoginCode('wangli') }))?.code).toBe('UNAUTHENTICATED');
  });
});
