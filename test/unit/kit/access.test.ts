/**
 * The caller vocabulary over principals built by hand: each gate's answer for each kind of
 * caller, and NOT_FOUND (never FORBIDDEN) for another committee's record.
 */
import type { Principal } from '../../../cloudfunctions/_kit/principal';
import { committeeStaff, inCommittee, liaison, resident, secretary, signedIn, system } from '../../../cloudfunctions/_kit/access';
import type { StaffDoc, UserDoc } from '../../../shared/domain/people';
import { isAppError } from '../../../shared/errors';

const at = new Date('2026-09-01T00:00:00Z');
const staff = (roles: StaffDoc['roles'], scope: Partial<StaffDoc> = {}): StaffDoc => ({ _id: `s-${roles.join('-')}`, corpId: 'c', userId: 'u', openid: 'o-staff', name: '王丽', roles, committeeId: null, streetId: null, districtId: null, active: true, ...scope });
const user = (u: Partial<UserDoc> = {}): UserDoc => ({ _id: 'u1', openid: 'o-res', consent: { version: '2026-09', at }, displayName: '周阿姨', householdId: null, committeeId: 'c1', createdAt: at, ...u });

const ctxOf = (p: Partial<Principal>) => ({ principal: async () => ({ openid: 'o', user: null, staff: null, roles: [], ...p }) as Principal });
const codeOf = async (run: () => Promise<unknown> | unknown) => {
  try {
    await run();
    return 'ok';
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
};

const ANON = ctxOf({ openid: '' });
const UNVERIFIED = ctxOf({ user: user() });
const RESIDENT = ctxOf({ user: user({ householdId: 'h1' }), roles: ['resident'] });
const SOCIAL = ctxOf({ staff: staff(['staff'], { committeeId: 'c1', streetId: 's1', districtId: 'd1' }), roles: ['staff'] });
const SECRETARY = ctxOf({ staff: staff(['secretary', 'staff'], { committeeId: 'c1', streetId: 's1', districtId: 'd1' }), roles: ['secretary', 'staff'] });
const INACTIVE = ctxOf({ staff: { ...staff(['staff'], { committeeId: 'c1' }), active: false }, roles: ['staff'] });
const STREET = ctxOf({ staff: staff(['street_liaison'], { streetId: 's1', districtId: 'd1' }), roles: ['street_liaison'] });
const DISTRICT = ctxOf({ staff: staff(['district_liaison'], { districtId: 'd1' }), roles: ['district_liaison'] });
const CITY = ctxOf({ staff: staff(['city_admin']), roles: ['city_admin'] });

test.each([
  ['signedIn', signedIn, ['UNAUTHENTICATED', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  ['resident', resident, ['UNAUTHENTICATED', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']],
  ['committeeStaff', committeeStaff, ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN']],
  ['secretary', secretary, ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'FORBIDDEN']],
  ['liaison', liaison, ['UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok']],
] as const)('%s answers each kind of caller', async (_name, gate, expected) => {
  const callers = [ANON, UNVERIFIED, RESIDENT, SOCIAL, SECRETARY, STREET, DISTRICT];
  expect(await Promise.all(callers.map((c) => codeOf(() => (gate as (ctx: typeof c) => Promise<unknown>)(c))))).toEqual(expected);
});

test('an inactive staff record is no staff at all', async () => {
  expect(await codeOf(() => committeeStaff(INACTIVE))).toBe('FORBIDDEN');
});

test('a liaison reads only their regions; the city reads every one', async () => {
  const street = { level: 'street', id: 's1', districtId: 'd1' } as const;
  const otherStreet = { level: 'street', id: 's2', districtId: 'd1' } as const;
  const district = { level: 'district', id: 'd1', districtId: 'd1' } as const;
  const otherDistrict = { level: 'district', id: 'd2', districtId: 'd2' } as const;
  expect(await Promise.all([street, otherStreet, district].map((s) => codeOf(() => liaison(STREET, s))))).toEqual(['ok', 'FORBIDDEN', 'FORBIDDEN']);
  expect(await Promise.all([street, otherStreet, district, otherDistrict].map((s) => codeOf(() => liaison(DISTRICT, s))))).toEqual(['ok', 'ok', 'ok', 'FORBIDDEN']);
  expect(await Promise.all([otherStreet, otherDistrict].map((s) => codeOf(() => liaison(CITY, s))))).toEqual(['ok', 'ok']);
  const d = await liaison(DISTRICT);
  expect([d.managesDistrict('d1'), d.managesDistrict('d2')]).toEqual([true, false]);
});

test("another committee's record, or a missing one, is NOT_FOUND", async () => {
  const who = await committeeStaff(SOCIAL);
  expect(inCommittee({ committeeId: 'c1', n: 1 }, who).n).toBe(1);
  expect(await codeOf(() => inCommittee({ committeeId: 'c2' }, who))).toBe('NOT_FOUND');
  expect(await codeOf(() => inCommittee(null, who))).toBe('NOT_FOUND');
});

test('system entry points refuse every mini-program caller', async () => {
  expect(await codeOf(() => system({ caller: { openid: '', appid: '', unionid: '', source: '' } }))).toBe('ok');
  expect(await codeOf(() => system({ caller: { openid: 'o', appid: 'wx', unionid: '', source: 'wx_client' } }))).toBe('FORBIDDEN');
  expect(await codeOf(() => system({ caller: { openid: '', appid: '', unionid: '', source: 'wx_client' } }))).toBe('FORBIDDEN');
});
