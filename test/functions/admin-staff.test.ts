/**
 * admin: the staff directory through the real path. Scope of the list per role, who may grant
 * which role (docs/staff.md), and an audit entry for every change.
 */
import { auditEntries } from '../../cloudfunctions/_kit/audit';
import { me } from '../../shared/contracts/auth';
import { createStaff, listStaff, setStaffActive, updateStaff } from '../../shared/contracts/admin-staff';
import { collection } from '../../cloudfunctions/_kit/store';
import { ok, useTestCloud, type TestCloud } from '../support/local-cloud';
import { CHENJIE, DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHAOYUN, ZHOU } from '../support/demo-identities';

jest.setTimeout(30_000); // cold starts of the bundles on a shared machine

const HOME = DEMO.home._id;
const NEXT_DOOR = DEMO.neighbour._id; // same street
const OTHER_STREET = 'committee-310107002001'; // same district
const JINGAN = 'committee-310106001001'; // another district

/** 静安区 with a committee, and staff beyond the demo district's: a city admin, 静安's liaison and worker, a deactivated worker. */
async function prepare(cloud: TestCloud): Promise<void> {
  await cloud.db.collection('districts').add({ _id: 'district-310106', code: '310106', name: '静安区' });
  await cloud.db.collection('streets').add({ _id: 'street-310106001', code: '310106001', name: '江宁路街道', districtId: 'district-310106' });
  await cloud.db.collection('committees').add({ _id: JINGAN, code: '310106001001', name: '静安测试居委会', kind: 'urban', streetId: 'street-310106001', districtId: 'district-310106' });
  const base = { corpId: cloud.wecom.corpId, committeeId: null, streetId: null, districtId: null, active: true };
  await cloud.db.collection('staff').add([
    { ...base, _id: 'staff-city', userId: 'city', openid: 'openid-city', name: '市管理员', roles: ['city_admin'] },
    { ...base, _id: 'staff-jingan-liaison', userId: 'jaliaison', openid: 'openid-jingan-liaison', name: '静安联络员', roles: ['district_liaison'], districtId: 'district-310106' },
    { ...base, _id: 'staff-jingan-worker', userId: 'jaworker', openid: 'openid-jingan-worker', name: '静安社工', roles: ['staff'], committeeId: JINGAN, streetId: 'street-310106001', districtId: 'district-310106' },
    { ...base, _id: 'staff-left', userId: 'left', openid: null, name: '已停用', roles: ['staff'], committeeId: HOME, streetId: 'street-310107005', districtId: 'district-310107', active: false },
  ]);
}
const t = useTestCloud({ prepare });

const errorOf = (env: { ok: boolean; error?: { code: string } }) => (env.ok ? null : env.error!.code);
const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
const staffDoc = (id: string) => collection(t.db, 'staff').byId(id);
const audits = (subjectId: string) => auditEntries(t.db, { subjectType: 'staff', subjectId });

describe('admin.listStaff', () => {
  it('shows a secretary their own committee, and no grants', async () => {
    const res = ok(await t.call(WANGLI, listStaff, {}));
    expect(ids(res.items)).toEqual(['staff-wangli', 'staff-zhangmin']);
    expect(res.grantableRoles).toEqual([]);
    for (const openid of [WANGLI, ZHANGMIN]) expect(JSON.stringify(res)).not.toContain(openid);
    expect(res.items.find((i) => i.id === 'staff-zhangmin')).toMatchObject({ bound: true, active: true, roles: ['staff'] });
  });

  it('shows a street liaison the committees of their street and the street level', async () => {
    const res = ok(await t.call(CHENJIE, listStaff, {}));
    expect(ids(res.items)).toEqual(['staff-chenjie', 'staff-liqiang', 'staff-wangli', 'staff-zhangmin']);
  });

  it('shows a district liaison the district, a city admin everything; inactive only on request', async () => {
    const district = ok(await t.call(ZHAOYUN, listStaff, {}));
    expect(ids(district.items)).toEqual(['staff-chenjie', 'staff-liqiang', 'staff-wangli', 'staff-zhangmin', 'staff-zhaoyun']);
    expect(district.grantableRoles).toEqual(['staff', 'secretary', 'street_liaison']);
    const withInactive = ok(await t.call(ZHAOYUN, listStaff, { includeInactive: true }));
    expect(ids(withInactive.items)).toContain('staff-left');
    const city = ok(await t.call('openid-city', listStaff, { limit: 50 }));
    expect(city.total).toBe(8);
    expect(city.grantableRoles).toHaveLength(5);
  });

  it('pages and filters by a committee inside the scope', async () => {
    const first = ok(await t.call(ZHAOYUN, listStaff, { limit: 2 }));
    expect(first).toMatchObject({ total: 5, nextOffset: 2 });
    expect(first.items).toHaveLength(2);
    const last = ok(await t.call(ZHAOYUN, listStaff, { limit: 2, offset: 4 }));
    expect(last.nextOffset).toBeNull();
    expect(ids(ok(await t.call(CHENJIE, listStaff, { committeeId: NEXT_DOOR })).items)).toEqual(['staff-liqiang']);
  });

  it('refuses a committee outside the scope, residents and strangers, and bad input', async () => {
    expect(errorOf(await t.call(WANGLI, listStaff, { committeeId: NEXT_DOOR }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(CHENJIE, listStaff, { committeeId: OTHER_STREET }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(ZHAOYUN, listStaff, { committeeId: JINGAN }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(ZHOU, listStaff, {}))).toBe('FORBIDDEN');
    expect(errorOf(await t.call('', listStaff, {}))).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.call(WANGLI, listStaff, { limit: 0 }))).toBe('INVALID_INPUT');
  });
});

describe('admin.createStaff', () => {
  it('lets a district liaison add a committee worker; street and district come from the committee; audited', async () => {
    const res = ok(await t.call(ZHAOYUN, createStaff, { userId: 'newbie', name: '新社工', roles: ['staff'], regionId: NEXT_DOOR }, 'req-create-newbie'));
    expect(res.staff).toMatchObject({ userId: 'newbie', roles: ['staff'], committeeId: NEXT_DOOR, streetId: 'street-310107005', districtId: 'district-310107', active: true, bound: false });
    expect(await staffDoc(res.staff.id)).toMatchObject({ corpId: t.wecom.corpId, openid: null });
    expect(await audits(res.staff.id)).toEqual([expect.objectContaining({ action: 'staff.create', actorId: 'staff-zhaoyun' })]);
    // a retry of the same request creates nothing more
    const again = ok(await t.call(ZHAOYUN, createStaff, { userId: 'newbie', name: '新社工', roles: ['staff'], regionId: NEXT_DOOR }, 'req-create-newbie'));
    expect(again.staff.id).toBe(res.staff.id);
    expect((await t.db.collection('staff').where({ userId: 'newbie' }).count()).total).toBe(1);
  });

  it('lets a city admin appoint a district liaison anywhere', async () => {
    const res = ok(await t.call('openid-city', createStaff, { userId: 'jaliaison2', name: '静安二', roles: ['district_liaison'], regionId: 'district-310106' }));
    expect(res.staff).toMatchObject({ committeeId: null, streetId: null, districtId: 'district-310106' });
  });

  it('never lets anyone grant a role above what they may grant, or outside their district', async () => {
    const as = (openid: string, roles: string[], regionId: string | null, userId = 'x1') => t.call(openid, createStaff, { userId, name: '某人', roles, regionId });
    expect(errorOf(await as(ZHAOYUN, ['district_liaison'], 'district-310107'))).toBe('FORBIDDEN');
    expect(errorOf(await as(ZHAOYUN, ['city_admin'], null))).toBe('FORBIDDEN');
    expect(errorOf(await as(ZHAOYUN, ['staff'], JINGAN))).toBe('FORBIDDEN');
    expect(errorOf(await as(WANGLI, ['staff'], HOME))).toBe('FORBIDDEN');
    expect(errorOf(await as(ZHANGMIN, ['staff'], HOME))).toBe('FORBIDDEN');
    expect(errorOf(await as(CHENJIE, ['staff'], HOME))).toBe('FORBIDDEN');
    expect(errorOf(await as(ZHOU, ['staff'], HOME))).toBe('FORBIDDEN');
    expect((await t.db.collection('staff').where({ userId: 'x1' }).count()).total).toBe(0);
  });

  it('rejects mixed levels, a region of the wrong level, a duplicate account and malformed input', async () => {
    const as = (input: unknown) => t.call(ZHAOYUN, createStaff, input);
    expect(errorOf(await as({ userId: 'y1', name: '某人', roles: ['staff', 'street_liaison'], regionId: HOME }))).toBe('STAFF_ROLE_LEVELS');
    expect(errorOf(await as({ userId: 'y1', name: '某人', roles: ['staff'], regionId: 'street-310107005' }))).toBe('STAFF_REGION_INVALID');
    expect(errorOf(await as({ userId: 'y1', name: '某人', roles: ['street_liaison'], regionId: null }))).toBe('STAFF_REGION_INVALID');
    expect(errorOf(await as({ userId: 'zhangmin', name: '张敏', roles: ['staff'], regionId: HOME }))).toBe('STAFF_DUPLICATE');
    expect(errorOf(await as({ userId: 'has space', name: '某人', roles: ['staff'], regionId: HOME }))).toBe('INVALID_INPUT');
    expect(errorOf(await as({ userId: 'y1', name: '', roles: ['staff'], regionId: HOME }))).toBe('INVALID_INPUT');
    expect(errorOf(await as({ userId: 'y1', name: '某人', roles: [], regionId: HOME }))).toBe('INVALID_INPUT');
    expect(errorOf(await as({ userId: 'y1', name: '某人', roles: ['boss'], regionId: HOME }))).toBe('INVALID_INPUT');
  });
});

describe('admin.updateStaff', () => {
  it('lets a district liaison make a worker secretary and records before and after', async () => {
    const res = ok(await t.call(ZHAOYUN, updateStaff, { staffId: 'staff-liqiang', name: '李强', roles: ['staff', 'secretary'], regionId: NEXT_DOOR }));
    expect(res.staff.roles).toEqual(['staff', 'secretary']);
    expect(ok(await t.call(LIQIANG, me, {})).roles.sort()).toEqual(['secretary', 'staff']);
    const [entry] = await audits('staff-liqiang');
    expect(entry).toMatchObject({ action: 'staff.update', actorId: 'staff-zhaoyun', details: { before: { roles: ['staff'] }, after: { roles: ['staff', 'secretary'], committeeId: NEXT_DOOR } } });
  });

  it('moves a worker to another committee of the district', async () => {
    const res = ok(await t.call(ZHAOYUN, updateStaff, { staffId: 'staff-zhangmin', name: '张敏', roles: ['staff'], regionId: OTHER_STREET }));
    expect(res.staff).toMatchObject({ committeeId: OTHER_STREET, streetId: 'street-310107002' });
    ok(await t.call(ZHAOYUN, updateStaff, { staffId: 'staff-zhangmin', name: '张敏', roles: ['staff'], regionId: HOME }));
  });

  it('refuses peers, superiors, oneself, other districts, non-administrators and unknown records', async () => {
    const upd = (openid: string, staffId: string, roles: string[], regionId: string | null) => t.call(openid, updateStaff, { staffId, name: '某人', roles, regionId });
    expect(errorOf(await upd(ZHAOYUN, 'staff-city', ['staff'], HOME))).toBe('FORBIDDEN');
    expect(errorOf(await upd(ZHAOYUN, 'staff-zhaoyun', ['district_liaison'], 'district-310107'))).toBe('FORBIDDEN');
    expect(errorOf(await upd(ZHAOYUN, 'staff-jingan-worker', ['staff'], JINGAN))).toBe('FORBIDDEN');
    expect(errorOf(await upd(ZHAOYUN, 'staff-jingan-worker', ['staff'], HOME))).toBe('FORBIDDEN');
    expect(errorOf(await upd(ZHAOYUN, 'staff-zhangmin', ['district_liaison'], 'district-310107'))).toBe('FORBIDDEN');
    expect(errorOf(await upd(WANGLI, 'staff-zhangmin', ['staff', 'secretary'], HOME))).toBe('FORBIDDEN');
    expect(errorOf(await upd(ZHANGMIN, 'staff-zhangmin', ['staff', 'secretary'], HOME))).toBe('FORBIDDEN');
    expect(errorOf(await upd(ZHAOYUN, 'staff-nobody', ['staff'], HOME))).toBe('NOT_FOUND');
    expect(errorOf(await t.call(ZHAOYUN, updateStaff, { staffId: 'staff-zhangmin', roles: ['staff'] }))).toBe('INVALID_INPUT');
    expect((await staffDoc('staff-zhangmin'))!.roles).toEqual(['staff']);
    expect((await staffDoc('staff-jingan-worker'))!.committeeId).toBe(JINGAN);
  });
});

describe('admin.setStaffActive', () => {
  it('deactivates (unbinding the phone) and reactivates, audited', async () => {
    const off = ok(await t.call(ZHAOYUN, setStaffActive, { staffId: 'staff-chenjie', active: false }));
    expect(off.staff).toMatchObject({ active: false, bound: false });
    expect(ok(await t.call(CHENJIE, me, {})).roles).toEqual([]);
    const on = ok(await t.call(ZHAOYUN, setStaffActive, { staffId: 'staff-chenjie', active: true }));
    expect(on.staff).toMatchObject({ active: true, bound: false });
    expect((await audits('staff-chenjie')).map((a) => a.action)).toEqual(['staff.deactivate', 'staff.activate']);
    // no change, no entry
    ok(await t.call(ZHAOYUN, setStaffActive, { staffId: 'staff-chenjie', active: true }));
    expect(await audits('staff-chenjie')).toHaveLength(2);
  });

  it('refuses non-administrators, superiors and bad input', async () => {
    expect(errorOf(await t.call(WANGLI, setStaffActive, { staffId: 'staff-zhangmin', active: false }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(ZHAOYUN, setStaffActive, { staffId: 'staff-city', active: false }))).toBe('FORBIDDEN');
    expect(errorOf(await t.call(ZHAOYUN, setStaffActive, { staffId: 'staff-zhangmin', active: 'no' }))).toBe('INVALID_INPUT');
    expect((await staffDoc('staff-zhangmin'))!.active).toBe(true);
  });
});
