/**
 * The vocabularies of the register's coded columns and the normalisers that map what exports
 * actually contain (long official names, short forms, stray spaces) onto one canonical value.
 */
import type { Gender } from '../privacy/id-number';
import { compactDateToIso } from '../privacy/id-number';

/** Trims every kind of space exports leave around a value (NBSP, ideographic space, zero-width). */
export function cleanCell(raw: string | undefined | null): string {
  return (raw ?? '').replace(/^[\s\u00A0\u3000\u200B\uFEFF]+|[\s\u00A0\u3000\u200B\uFEFF]+$/g, '');
}

/** Full-width folded, all whitespace removed: the form coded values are compared in. */
function compact(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200B]+/g, '');
}

export function normalizeGender(raw: string): Gender | null {
  const s = compact(raw);
  if (s === '男' || s === '男性') return '男';
  if (s === '女' || s === '女性') return '女';
  return null;
}

export const RESIDENCE_STATUSES = ['人户一致', '人在户不在', '户在人不在', '来沪人员'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

const RESIDENCE_ALIASES: Record<string, ResidenceStatus> = {
  人在户在: '人户一致',
  人户同在: '人户一致',
  户在人在: '人户一致',
  人户分离人在户不在: '人在户不在',
  人户分离户在人不在: '户在人不在',
  空挂户: '户在人不在',
  来沪: '来沪人员',
  外来人口: '来沪人员',
  流动人口: '来沪人员',
  来沪人口: '来沪人员',
};

export function normalizeResidenceStatus(raw: string): ResidenceStatus | null {
  const s = compact(raw).replace(/[()]/g, '');
  if ((RESIDENCE_STATUSES as readonly string[]).includes(s)) return s as ResidenceStatus;
  return RESIDENCE_ALIASES[s] ?? null;
}

/** GB/T 4762 political status, in the short forms a register displays. */
export const POLITICAL_STATUSES = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民革会员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
  '无党派人士',
  '群众',
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

const POLITICAL_ALIASES: Record<string, PoliticalStatus> = {
  中国共产党党员: '中共党员',
  共产党员: '中共党员',
  党员: '中共党员',
  中国共产党预备党员: '中共预备党员',
  预备党员: '中共预备党员',
  中国共产主义青年团团员: '共青团员',
  团员: '共青团员',
  中国国民党革命委员会会员: '民革会员',
  中国民主同盟盟员: '民盟盟员',
  中国民主建国会会员: '民建会员',
  中国民主促进会会员: '民进会员',
  中国农工民主党党员: '农工党党员',
  中国致公党党员: '致公党党员',
  台湾民主自治同盟盟员: '台盟盟员',
  无党派民主人士: '无党派人士',
};

export function normalizePoliticalStatus(raw: string): PoliticalStatus | null {
  const s = compact(raw);
  if ((POLITICAL_STATUSES as readonly string[]).includes(s)) return s as PoliticalStatus;
  return POLITICAL_ALIASES[s] ?? null;
}

/** The 56 recognised ethnic groups (stored with 族), plus the two residual categories of GB 3304. */
const ETHNIC_GROUPS = (
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 ' +
  '水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 ' +
  '乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
)
  .split(' ')
  .map((n) => `${n}族`);
export const ETHNICITIES: readonly string[] = [...ETHNIC_GROUPS, '其他', '外国血统中国籍人士'];
const ETHNICITY_SET = new Set(ETHNICITIES);

/** '汉' and '汉族' are both 汉族; anything outside GB 3304 is null. */
export function normalizeEthnicity(raw: string): string | null {
  const s = compact(raw);
  if (ETHNICITY_SET.has(s)) return s;
  if (ETHNICITY_SET.has(`${s}族`)) return `${s}族`;
  return null;
}

const HOUSEHOLDER = new Set(['户主', '本人', '户主本人', '本人(户主)', '户主(本人)']);

/** 与户主关系: the householder under one name (户主); other relations are kept as written. */
export function normalizeRelation(raw: string): string | null {
  const s = compact(raw);
  if (HOUSEHOLDER.has(s)) return '户主';
  return /^[\p{Script=Han}()]{1,12}$/u.test(s) ? s : null;
}

/**
 * A birth date as exports write it: 1990-01-01, 1990/1/1, 1990.1.1, 19900101, 1990年1月1日,
 * optionally followed by a midnight time. Returns YYYY-MM-DD for a real calendar date, else null.
 */
export function parseLocalDate(raw: string): string | null {
  const s = compact(raw.normalize('NFKC').trim().replace(/(?:T|\s+)0{1,2}:00(?::00(?:\.0+)?)?(?:Z|\+08:00)?$/, ''));
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(s);
  if (!m) return null;
  const month = (m[2] ?? m[4] ?? '').padStart(2, '0');
  const day = (m[3] ?? m[5] ?? '').padStart(2, '0');
  return compactDateToIso(`${m[1]}${month}${day}`);
}

/**
 * The form building and room are compared in when checking a household's rows agree:
 * '5号楼' = '5号' = '5', '602室' = '602'. Display keeps the text of the first row.
 */
export function placeKey(building: string | null, room: string | null): string {
  const b = compact(building ?? '').replace(/(号楼|号|幢|栋|楼)$/, '');
  const r = compact(room ?? '').replace(/室$/, '');
  return `${b}|${r}`;
}
