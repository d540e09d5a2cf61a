/**
 * Validates a register table (pure): locates the header, parses every row with the field schemas,
 * checks the file for duplicate ID numbers and each household for one householder and one
 * address, and groups persons into households. The result still holds plain ID numbers and
 * phones; it never leaves the server: `protectRegister` (cloudfunctions/_kit/pii.ts) turns it
 * into what is stored.
 */
import { AppError } from '../errors';
import type { Gender } from '../privacy/id-number';
import type { NormalizedPhone } from '../privacy/phone';
import { COLUMN_BY_KEY, REGISTER_COLUMNS, REGISTER_FIELD_KEYS, type RegisterFieldKey } from './columns';
import { incompleteFields, type CompletenessInput, type IdStatus } from './completeness';
import { makeIssue, type IssueSeverity, type RegisterIssue, type RegisterIssueCode } from './issues';
import { crossFieldProblems, issueCodeOf, registerFieldSchemas, type RegisterRowFields } from './schema';
import { locateHeader, MAX_REGISTER_ROWS, type RawTable } from './table';
import { placeKey, type PoliticalStatus, type ResidenceStatus } from './values';

export interface RegisterPerson extends CompletenessInput {
  /** the file row the person came from */
  row: number;
  householdId: string;
  name: string;
  idStatus: IdStatus;
  /** the normalised 18-character number when valid (or upgraded from 15), else null */
  idNumber: string | null;
  /** the cell as written (normalised) when it is not a usable number; only ever shown masked */
  idRaw: string | null;
  gender: Gender | null;
  birthDate: string | null;
  relation: string | null;
  isHouseholder: boolean;
  phone: NormalizedPhone | null;
  residenceStatus: ResidenceStatus | null;
  ethnicity: string | null;
  politicalStatus: PoliticalStatus | null;
  /** the household's, whichever row of it carried them */
  building: string | null;
  room: string | null;
  grid: string | null;
  invalidFields: RegisterFieldKey[];
  /** fields keeping the person from counting as complete (see completeness.ts) */
  incompleteFields: RegisterFieldKey[];
}

export interface RegisterHousehold {
  householdId: string;
  building: string | null;
  room: string | null;
  grid: string | null;
  rows: number[];
  members: RegisterPerson[];
}

export interface RegisterCounts {
  /** non-blank data rows */
  rows: number;
  persons: number;
  households: number;
  completePersons: number;
  errors: number;
  incomplete: number;
  notices: number;
}

export interface RegisterValidation {
  /** no errors: the register may be imported */
  ok: boolean;
  /** the header row and the header text each field was read from */
  header: { row: number; columns: Partial<Record<RegisterFieldKey, string>> } | null;
  households: RegisterHousehold[];
  /** sorted by row, at most `maxIssuesPerSeverity` of each severity */
  issues: RegisterIssue[];
  issuesTruncated: boolean;
  counts: RegisterCounts;
}

export interface ValidateOptions {
  /** YYYY-MM-DD (Shanghai); defaults to today */
  today?: string;
  maxIssuesPerSeverity?: number;
}

const INVALID_CODE: Record<RegisterFieldKey, RegisterIssueCode> = {
  householdId: 'HOUSEHOLD_ID_INVALID',
  building: 'PLACE_INVALID',
  room: 'PLACE_INVALID',
  name: 'NAME_INVALID',
  idNumber: 'ID_NUMERIC_CORRUPTED',
  gender: 'GENDER_INVALID',
  birthDate: 'BIRTH_DATE_INVALID',
  relation: 'RELATION_INVALID',
  phone: 'PHONE_INVALID',
  residenceStatus: 'RESIDENCE_STATUS_INVALID',
  ethnicity: 'ETHNICITY_INVALID',
  politicalStatus: 'POLITICAL_STATUS_INVALID',
  grid: 'GRID_INVALID',
};

/** Columns counted by 完善率 whose blank cells are reported (building/room: per household). */
const REPORT_BLANK: readonly RegisterFieldKey[] = ['gender', 'birthDate', 'relation', 'residenceStatus', 'ethnicity', 'politicalStatus', 'phone'];

class IssueLog {
  readonly kept: RegisterIssue[] = [];
  readonly counts: Record<IssueSeverity, number> = { error: 0, incomplete: 0, notice: 0 };
  truncated = false;
  constructor(private readonly max: number) {}
  add(issue: RegisterIssue): void {
    this.counts[issue.severity]++;
    if (this.counts[issue.severity] <= this.max) this.kept.push(issue);
    else this.truncated = true;
  }
  sorted(): RegisterIssue[] {
    return [...this.kept].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}

function label(field: RegisterFieldKey): string {
  return COLUMN_BY_KEY[field].header;
}

interface Draft {
  household: { rows: number[]; members: RegisterPerson[]; places: { row: number; building: string | null; room: string | null }[] };
}

export function validateRegister(table: RawTable, options: ValidateOptions = {}): RegisterValidation {
  if (table.rows.length > MAX_REGISTER_ROWS + 10) {
    throw new AppError('REGISTER_TOO_MANY_ROWS', `人口库文件超过 ${MAX_REGISTER_ROWS} 行，请按网格或楼栋拆分后分批导入`);
  }
  const log = new IssueLog(options.maxIssuesPerSeverity ?? 500);
  const counts: RegisterCounts = { rows: 0, persons: 0, households: 0, completePersons: 0, errors: 0, incomplete: 0, notices: 0 };
  const finish = (header: RegisterValidation['header'], households: RegisterHousehold[]): RegisterValidation => {
    counts.errors = log.counts.error;
    counts.incomplete = log.counts.incomplete;
    counts.notices = log.counts.notice;
    return { ok: counts.errors === 0, header, households, issues: log.sorted(), issuesTruncated: log.truncated, counts };
  };

  const header = locateHeader(table.rows);
  if (!header) {
    log.add(makeIssue('HEADER_NOT_FOUND', [], '未找到表头：文件前 10 行中没有包含“户编号”“姓名”“公民身份号码”等列名的一行'));
    return finish(null, []);
  }
  const headerCells = table.rows[header.index]?.cells ?? [];
  const headerInfo = {
    row: header.row,
    columns: Object.fromEntries(Object.entries(header.columns).map(([k, i]) => [k, (headerCells[i] ?? '').trim()])) as Partial<Record<RegisterFieldKey, string>>,
  };
  const missing = REGISTER_COLUMNS.filter((c) => c.required && header.columns[c.key] === undefined);
  if (missing.length) {
    log.add(makeIssue('COLUMN_MISSING', [header.row], `缺少必需的列：${missing.map((c) => c.header).join('、')}`));
    return finish(headerInfo, []);
  }
  for (const d of header.duplicates) {
    log.add(makeIssue('COLUMN_DUPLICATE', [header.row], `${d.headers.map((h) => `“${h}”`).join('和')}都是“${label(d.field)}”列，请只保留一列`, d.field));
  }
  for (const c of REGISTER_COLUMNS) {
    if (c.required || c.key === 'grid' || header.columns[c.key] !== undefined) continue;
    const fromId = c.key === 'gender' || c.key === 'birthDate';
    log.add(makeIssue('COLUMN_ABSENT', [header.row], `文件中没有“${c.header}”列，${fromId ? '将从公民身份号码中读取' : '相关人员信息将计为不完善'}`, c.key));
  }
  if (header.ignored.length) log.add(makeIssue('COLUMN_IGNORED', [header.row], `以下列不属于人口库，已忽略：${header.ignored.join('、')}`));

  const schemas = registerFieldSchemas({ today: options.today });
  const households = new Map<string, Draft['household']>();
  const seenIds = new Map<string, number>();
  const blanks = new Map<RegisterFieldKey, number[]>();

  for (const raw of table.rows.slice(header.index + 1)) {
    if (raw.cells.every((c) => c.trim() === '')) continue;
    counts.rows++;
    const r = raw.row;
    const values: Partial<RegisterRowFields> = {};
    const invalid = new Set<RegisterFieldKey>();
    let idCorrupted = false;
    for (const key of REGISTER_FIELD_KEYS) {
      const idx = header.columns[key];
      if (idx === undefined) continue;
      if (raw.lossyCells?.includes(idx)) {
        log.add(makeIssue(INVALID_CODE[key], [r], `${label(key)}被表格软件存成了数字，末尾数字已丢失，请将该列设为“文本”格式后重新导出`, key));
        invalid.add(key);
        if (key === 'idNumber') idCorrupted = true;
        continue;
      }
      const parsed = schemas[key].safeParse(raw.cells[idx] ?? '');
      if (parsed.success) {
        (values as Record<string, unknown>)[key] = parsed.data;
      } else {
        const first = parsed.error.issues[0];
        const code = (first && issueCodeOf(first)) ?? INVALID_CODE[key];
        log.add(makeIssue(code, [r], first?.message ?? `${label(key)}不正确`, key));
        invalid.add(key);
        if (code === 'ID_NUMERIC_CORRUPTED') idCorrupted = true;
      }
    }

    const householdId = values.householdId ?? null;
    const name = values.name ?? null;
    if (!householdId && !invalid.has('householdId')) log.add(makeIssue('HOUSEHOLD_ID_MISSING', [r], '户编号为空', 'householdId'));
    if (!name && !invalid.has('name')) log.add(makeIssue('NAME_MISSING', [r], '姓名为空', 'name'));

    const id = values.idNumber ?? null;
    const idCell = raw.cells[header.columns.idNumber ?? -1] ?? '';
    const idText = idCell.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    // A corrupted cell says nothing about the person, so it takes part in no duplicate check.
    const dupKey = id ? id.number : invalid.has('idNumber') && !idCorrupted ? idText : null;
    if (dupKey) {
      const first = seenIds.get(dupKey);
      if (first !== undefined) {
        log.add(makeIssue('ID_DUPLICATE', [r], `公民身份号码与第 ${first} 行重复`, 'idNumber'));
        continue;
      }
      seenIds.set(dupKey, r);
    }
    if (!householdId || !name) continue;

    if (!id && !invalid.has('idNumber')) log.add(makeIssue('ID_MISSING', [r], '公民身份号码为空', 'idNumber'));
    if (id?.status === 'legacy15') log.add(makeIssue('ID_LEGACY_15', [r], '公民身份号码为15位旧号码，已按规则升为18位用于比对，请在治理平台核实更正', 'idNumber'));
    for (const p of crossFieldProblems({ idNumber: id, gender: values.gender ?? null, birthDate: values.birthDate ?? null })) {
      log.add(makeIssue(p.code, [r], p.reason, p.field));
      invalid.add(p.field);
    }
    const relation = values.relation ?? null;
    const person: RegisterPerson = {
      row: r,
      householdId,
      name,
      idStatus: id ? id.status : invalid.has('idNumber') ? 'invalid' : 'missing',
      idNumber: id?.number ?? null,
      idRaw: id ? null : idText || null,
      // The ID number is checksummed; where the register disagrees or is blank, it decides.
      gender: id?.gender ?? values.gender ?? null,
      birthDate: id?.birthDate ?? values.birthDate ?? null,
      relation,
      isHouseholder: relation === '户主',
      phone: values.phone ?? null,
      residenceStatus: values.residenceStatus ?? null,
      ethnicity: values.ethnicity ?? null,
      politicalStatus: values.politicalStatus ?? null,
      building: values.building ?? null,
      room: values.room ?? null,
      grid: values.grid ?? null,
      invalidFields: REGISTER_FIELD_KEYS.filter((k) => invalid.has(k)),
      incompleteFields: [],
    };
    for (const f of REPORT_BLANK) {
      if (header.columns[f] === undefined || invalid.has(f) || person[f] !== null) continue;
      if (f === 'phone' && !person.isHouseholder) continue;
      blanks.set(f, [...(blanks.get(f) ?? []), r]);
    }
    const h = households.get(householdId) ?? { rows: [], members: [], places: [] };
    households.set(householdId, h);
    h.rows.push(r);
    h.members.push(person);
    if (person.building !== null || person.room !== null) h.places.push({ row: r, building: person.building, room: person.room });
  }

  if (counts.rows === 0) log.add(makeIssue('NO_ROWS', [], '文件中没有人员数据'));
  for (const [f, rows] of blanks) {
    log.add(makeIssue('FIELD_MISSING', rows, f === 'phone' ? '户主的联系电话为空' : `${label(f)}为空`, f));
  }

  const result: RegisterHousehold[] = [];
  for (const [householdId, h] of households) result.push(settleHousehold(householdId, h, log));
  for (const hh of result) {
    for (const m of hh.members) {
      m.incompleteFields = incompleteFields(m);
      counts.persons++;
      if (m.incompleteFields.length === 0) counts.completePersons++;
    }
  }
  counts.households = result.length;
  return finish(headerInfo, result);
}

/** One householder, one address; members take the household's building, room and grid. */
function settleHousehold(householdId: string, h: Draft['household'], log: IssueLog): RegisterHousehold {
  const heads = h.members.filter((m) => m.isHouseholder);
  if (heads.length === 0) log.add(makeIssue('HOUSEHOLD_NO_HOUSEHOLDER', h.rows, `户编号 ${householdId} 没有户主（与户主关系为“户主”的人）`, 'relation'));
  if (heads.length > 1) log.add(makeIssue('HOUSEHOLD_MULTIPLE_HOUSEHOLDERS', heads.map((m) => m.row), `户编号 ${householdId} 有 ${heads.length} 个户主`, 'relation'));

  const first = { building: null as string | null, room: null as string | null };
  const conflicts: number[] = [];
  let conflictText = '';
  for (const p of h.places) {
    first.building ??= p.building;
    first.room ??= p.room;
    const sameBuilding = p.building === null || placeKey(p.building, null) === placeKey(first.building, null);
    const sameRoom = p.room === null || placeKey(null, p.room) === placeKey(null, first.room);
    if (!sameBuilding || !sameRoom) {
      if (!conflicts.length) conflictText = `${first.building ?? ''} ${first.room ?? ''}”与“${p.building ?? ''} ${p.room ?? ''}`;
      conflicts.push(p.row);
    }
  }
  if (conflicts.length) {
    const rows = [h.places[0]!.row, ...conflicts];
    log.add(makeIssue('HOUSEHOLD_PLACE_CONFLICT', rows, `户编号 ${householdId} 各行的楼号/室号不一致（“${conflictText}”）`, 'room'));
  }
  for (const f of ['building', 'room'] as const) {
    if (first[f] === null) log.add(makeIssue('HOUSEHOLD_PLACE_MISSING', h.rows, `户编号 ${householdId} 没有${label(f)}`, f));
  }
  const grid = h.members.find((m) => m.grid !== null)?.grid ?? null;
  for (const m of h.members) {
    m.building = first.building;
    m.room = first.room;
    m.grid = grid;
  }
  return { householdId, building: first.building, room: first.room, grid, rows: h.rows, members: h.members };
}
