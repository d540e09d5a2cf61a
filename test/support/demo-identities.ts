/**
 * The demo district's people by name, as tests call them: the OPENIDs the dev sign-in and the
 * seed give them (localcloud/seed/demo-district.ts). Tests import these instead of spelling the
 * strings, so a change to the seed changes every test at once.
 */
import { demoDistrict, demoPersonas } from '../../localcloud/seed/demo-district';

function openidOf(personaId: string): string {
  const p = demoPersonas.find((x) => x.id === personaId);
  if (!p) throw new Error(`no demo persona ${personaId}`);
  return p.openid;
}

/** 王丽: 书记 (and 社工) of 曹杨一村 */
export const WANGLI = openidOf('staff-wangli');
/** 张敏: 社工 of 曹杨一村 */
export const ZHANGMIN = openidOf('staff-zhangmin');
/** 李强: 社工 of 曹杨二村, another committee of the same street */
export const LIQIANG = openidOf('staff-liqiang');
/** 陈洁: street liaison of 曹杨新村街道 */
export const CHENJIE = openidOf('staff-chenjie');
/** 赵云: district liaison of 普陀区 */
export const ZHAOYUN = openidOf('staff-zhaoyun');
/** 周阿姨: a resident of 曹杨一村 who consented, household not yet claimed */
export const ZHOU = openidOf('resident-zhou');
/** a WeChat user opening the mini-program for the first time */
export const NEW_USER = openidOf('resident-new');

export const DEMO = {
  district: demoDistrict.district,
  streets: demoDistrict.streets,
  committees: demoDistrict.committees,
  /** 曹杨一村居民委员会, where the demo residents and staff are */
  home: demoDistrict.home,
  /** 曹杨二村居民委员会 (李强's) */
  neighbour: demoDistrict.committees[1]!,
  staffId: (openid: string) => {
    const s = demoDistrict.staff.find((x) => x.openid === openid);
    if (!s) throw new Error(`no demo staff with ${openid}`);
    return s._id;
  },
};
