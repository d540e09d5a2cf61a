/**
 * The columns of a population register (本地人口库) file as downloaded from the governance
 * platform, with stable English keys. Headers are matched after normalisation (full-width folded,
 * spaces and required-markers removed, a trailing parenthetical dropped), then against the
 * canonical header and its known aliases, so 「 姓 名 」, 「姓名*」 and 「身份证号码（必填）」 all match.
 */

export const REGISTER_FIELD_KEYS = [
  'householdId',
  'building',
  'room',
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'relation',
  'phone',
  'residenceStatus',
  'ethnicity',
  'politicalStatus',
  'grid',
] as const;
export type RegisterFieldKey = (typeof REGISTER_FIELD_KEYS)[number];

export interface RegisterColumn {
  key: RegisterFieldKey;
  /** the canonical Chinese header, as the sample files and the docs write it */
  header: string;
  aliases: readonly string[];
  /** a file without this column cannot be imported */
  required: boolean;
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: 'householdId', header: '户编号', aliases: ['户号', '户代码', '户编码', '家庭编号', '户籍编号'], required: true },
  { key: 'building', header: '楼号', aliases: ['楼栋', '楼号/楼栋', '楼栋号', '幢号', '楼幢', '楼幢号', '门牌号'], required: true },
  { key: 'room', header: '室号', aliases: ['房号', '室', '房间号', '门室号', '户室号'], required: true },
  { key: 'name', header: '姓名', aliases: ['居民姓名', '人员姓名'], required: true },
  {
    key: 'idNumber',
    header: '公民身份号码',
    aliases: ['身份证号', '身份证号码', '公民身份证号码', '身份证', '证件号码', '公民身份号'],
    required: true,
  },
  { key: 'gender', header: '性别', aliases: [], required: false },
  { key: 'birthDate', header: '出生日期', aliases: ['出生年月日', '出生年月', '生日'], required: false },
  { key: 'relation', header: '与户主关系', aliases: ['与户主的关系', '户主关系', '关系'], required: true },
  { key: 'phone', header: '联系电话', aliases: ['手机号', '手机号码', '联系方式', '电话', '电话号码', '手机'], required: false },
  { key: 'residenceStatus', header: '居住状态', aliases: ['人户状态', '人户情况', '居住情况', '人户一致情况'], required: false },
  { key: 'ethnicity', header: '民族', aliases: [], required: false },
  { key: 'politicalStatus', header: '政治面貌', aliases: [], required: false },
  { key: 'grid', header: '网格', aliases: ['所属网格', '网格名称', '网格号'], required: false },
];

export const COLUMN_BY_KEY = Object.fromEntries(REGISTER_COLUMNS.map((c) => [c.key, c])) as Record<RegisterFieldKey, RegisterColumn>;

/** 'Name (必填)*' → 'name'; '  姓　名 ' → '姓名'. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s*]+/g, '')
    .replace(/\([^()]*\)$/, '')
    .toLowerCase();
}

const HEADER_INDEX = new Map<string, RegisterFieldKey>();
for (const c of REGISTER_COLUMNS) {
  for (const h of [c.header, ...c.aliases, c.key]) HEADER_INDEX.set(normalizeHeader(h), c.key);
}

/** The field a header names, or null for a column the register does not use. */
export function columnForHeader(header: string): RegisterFieldKey | null {
  return HEADER_INDEX.get(normalizeHeader(header)) ?? null;
}
