/**
 * The demo district `npm start` seeds on first start: a slice of 普陀区 with real street names
 * and invented committees, staff and residents. Deterministic: the same ids every time, so a
 * second seed run is a no-op and tests can name records.
 */
import type { CommitteeDoc, DistrictDoc, StreetDoc } from '../../shared/domain/regions';
import type { StaffDoc, UserDoc } from '../../shared/domain/people';
import type { Persona } from '../personas';

/** The demo WeCom corp: the local fake WeCom is started with it, so staff sign-in matches the seed. */
export const DEMO_CORP_ID = 'wwdemo0000000001';

const district: DistrictDoc = { _id: 'district-310107', code: '310107', name: '普陀区' };

const streetRows: [code: string, name: string, committees: string[]][] = [
  ['310107005', '曹杨新村街道', ['曹杨一村', '曹杨二村', '兰溪路', '枣阳路']],
  ['310107002', '长寿路街道', ['普雄路', '武宁路', '莫干山路']],
  ['310107015', '长征镇', ['梅川路', '金沙江路', '红旗村']],
];

const streets: StreetDoc[] = streetRows.map(([code, name]) => ({ _id: `street-${code}`, code, name, districtId: district._id }));

const committees: CommitteeDoc[] = streetRows.flatMap(([streetCode, , names]) =>
  names.map((short, i) => {
    const code = `${streetCode}${String(i + 1).padStart(3, '0')}`;
    const rural = short.endsWith('村') && !short.includes('一村') && !short.includes('二村');
    return {
      _id: `committee-${code}`,
      code,
      name: rural ? `${short}村民委员会` : `${short}居民委员会`,
      kind: rural ? ('rural' as const) : ('urban' as const),
      streetId: `street-${streetCode}`,
      districtId: district._id,
    };
  }),
);

const HOME = committees[0]!; // 曹杨一村居民委员会: where the demo residents and staff are

function staff(userId: string, name: string, roles: StaffDoc['roles'], scope: Partial<StaffDoc>): StaffDoc {
  return { _id: `staff-${userId}`, corpId: DEMO_CORP_ID, userId, openid: `dev-openid-${userId}`, name, roles, committeeId: null, streetId: null, districtId: null, active: true, ...scope };
}

const staffMembers: StaffDoc[] = [
  staff('wangli', '王丽', ['secretary', 'staff'], { committeeId: HOME._id, streetId: HOME.streetId, districtId: district._id }),
  staff('zhangmin', '张敏', ['staff'], { committeeId: HOME._id, streetId: HOME.streetId, districtId: district._id }),
  staff('liqiang', '李强', ['staff'], { committeeId: committees[1]!._id, streetId: committees[1]!.streetId, districtId: district._id }),
  staff('chenjie', '陈洁', ['street_liaison'], { streetId: HOME.streetId, districtId: district._id }),
  staff('zhaoyun', '赵云', ['district_liaison'], { districtId: district._id }),
];

const SEEDED_AT = new Date('2026-09-01T02:00:00Z');

const users: UserDoc[] = [
  { _id: 'user-resident-zhou', openid: 'dev-openid-resident-zhou', consent: { version: '2026-09', at: SEEDED_AT }, displayName: '周阿姨', householdId: null, committeeId: HOME._id, createdAt: SEEDED_AT },
];

export const demoDistrict = { district, streets, committees, staff: staffMembers, users, home: HOME };

export const demoPersonas: Persona[] = [
  { id: 'resident-zhou', label: '周阿姨（居民）', kind: 'resident', openid: 'dev-openid-resident-zhou', description: `${HOME.name} 的居民，已同意隐私说明` },
  { id: 'resident-new', label: '新用户', kind: 'resident', openid: 'dev-openid-resident-new', description: '第一次打开小程序，尚未注册' },
  ...staffMembers.map((s) => ({
    id: `staff-${s.userId}`,
    label: `${s.name}（${s.roles.includes('secretary') ? '书记' : s.roles.includes('street_liaison') ? '街道联络员' : s.roles.includes('district_liaison') ? '区联络员' : '社工'}）`,
    kind: s.roles.some((r) => r.endsWith('liaison')) ? ('liaison' as const) : ('staff' as const),
    openid: s.openid!,
    description: s.committeeId ? (committees.find((c) => c._id === s.committeeId)?.name ?? '') : s.streetId ? (streets.find((x) => x._id === s.streetId)?.name ?? '') : district.name,
  })),
];
