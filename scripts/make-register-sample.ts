/**
 * Generates the sample population register of one fictional committee (docs/samples/):
 *   register-sample.csv        UTF-8 with BOM (opens cleanly in Excel), ~30 households
 *   register-sample.xlsx       the same rows, birth dates as real date cells
 *   register-sample-errors.csv valid rows plus deliberately broken ones (see docs/register.md)
 * Deterministic: a seeded generator and no clock, so re-running changes nothing. Every ID number
 * carries a check digit computed by shared/privacy; names, numbers and addresses are invented.
 *
 *   npx tsx scripts/make-register-sample.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { idCheckCharacter } from '../shared/privacy/id-number';
import { REGISTER_COLUMNS, type RegisterFieldKey } from '../shared/register/columns';
import { validateRegister } from '../shared/register/validate';
import type { RawTable } from '../shared/register/table';

const OUT = join(__dirname, '..', 'docs', 'samples');
/** Validation of the samples is pinned to this date so the check never depends on the clock. */
const AS_OF = '2025-10-01';

type Row = Record<RegisterFieldKey, string>;

/** mulberry32: small, seedable, good enough for sample data. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}

const SURNAMES = ['张', '王', '李', '陈', '徐', '沈', '周', '吴', '朱', '顾', '陆', '钱', '黄', '杨', '孙', '胡', '蒋', '金', '施', '姚', '俞', '曹', '范', '汤', '陶', '邵', '郁', '严', '欧阳'];
const MALE = ['建国', '伟', '志强', '国华', '明', '浩', '杰', '俊', '磊', '勇', '文斌', '海峰', '立新', '家豪', '子轩', '宇航', '晨', '永康', '德明', '振华'];
const FEMALE = ['秀英', '丽华', '美玲', '静', '敏', '婷', '慧', '芳', '雪梅', '佳怡', '梓涵', '雨桐', '欣怡', '凤英', '桂芳', '玉兰', '晓燕', '红梅', '淑珍', '莉'];
/** 徐汇, 黄浦, 卢湾 (merged into 黄浦 in 2011, still in older numbers), 长宁, 静安, 杨浦, 浦东 */
const SHANGHAI_REGIONS = ['310104', '310104', '310104', '310101', '310103', '310105', '310106', '310110', '310115'];
/** for 来沪人员: 苏州, 杭州, 合肥, 南通 */
const OTHER_REGIONS = ['320508', '330106', '340104', '320602'];
const GRIDS = ['第一网格', '第二网格', '第三网格'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function makeId(r: ReturnType<typeof rng>, region: string, birth: string, gender: '男' | '女'): string {
  const seq = r.int(0, 49) * 2 + (gender === '男' ? 1 : 0) + 100 * r.int(0, 9);
  const body = `${region}${birth.replace(/-/g, '')}${pad(seq % 1000, 3)}`;
  return body + idCheckCharacter(body);
}

function birthIn(r: ReturnType<typeof rng>, year: number): string {
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  return `${year}-${pad(month)}-${pad(day)}`;
}

function person(r: ReturnType<typeof rng>, base: Pick<Row, 'householdId' | 'building' | 'room' | 'grid' | 'residenceStatus'>, o: { surname: string; gender: '男' | '女'; year: number; relation: string; region?: string }): Row {
  const birthDate = birthIn(r, o.year);
  const age = 2025 - o.year;
  const region = o.region ?? r.pick(SHANGHAI_REGIONS);
  const hasPhone = o.relation === '户主' || (age >= 16 && r.next() < 0.8);
  const phone = !hasPhone ? '' : age >= 70 && r.next() < 0.5 ? `021-6${r.int(1000000, 9999999)}` : `1${r.pick(['38', '39', '36', '58', '86', '77'])}0000${pad(r.int(0, 9999), 4)}`;
  const political = age >= 14 && age <= 28 && r.next() < 0.5 ? '共青团员' : age >= 22 && r.next() < 0.2 ? '中共党员' : '群众';
  return {
    ...base,
    name: o.surname + r.pick(o.gender === '男' ? MALE : FEMALE),
    idNumber: makeId(r, region, birthDate, o.gender),
    gender: o.gender,
    birthDate,
    relation: o.relation,
    phone,
    ethnicity: r.next() < 0.94 ? '汉族' : r.pick(['回族', '满族', '蒙古族']),
    politicalStatus: political,
  };
}

function household(r: ReturnType<typeof rng>, index: number): Row[] {
  const building = `晨曦路100弄${r.int(1, 8)}号`;
  const room = `${r.int(1, 6)}0${r.int(1, 4)}`;
  const migrant = r.next() < 0.12;
  const status = migrant ? '来沪人员' : r.pick(['人户一致', '人户一致', '人户一致', '人户一致', '人在户不在', '户在人不在']);
  const base = { householdId: `3101040510${pad(index + 1, 3)}`, building, room, grid: GRIDS[index % GRIDS.length]!, residenceStatus: status };
  const region = migrant ? r.pick(OTHER_REGIONS) : undefined;
  const surname = r.pick(SURNAMES);
  const headGender: '男' | '女' = r.next() < 0.75 ? '男' : '女';
  const headYear = r.int(1940, 1992);
  const rows = [person(r, base, { surname, gender: headGender, year: headYear, relation: '户主', region })];
  const size = r.pick([1, 2, 2, 3, 3, 3, 4, 5]);
  const spouseSurname = r.pick(SURNAMES);
  if (size >= 2) rows.push(person(r, base, { surname: spouseSurname, gender: headGender === '男' ? '女' : '男', year: headYear + r.int(-4, 4), relation: '配偶', region }));
  for (let i = 2; i < size; i++) {
    const childGender: '男' | '女' = r.next() < 0.5 ? '男' : '女';
    const year = Math.min(2023, headYear + r.int(23, 36));
    rows.push(person(r, base, { surname: headGender === '男' ? surname : spouseSurname, gender: childGender, year, relation: childGender === '男' ? '子' : '女', region }));
  }
  // A register is never perfect: leave a few gaps that count against 居民信息完善率.
  for (const row of rows) {
    if (r.next() < 0.05) row.ethnicity = '';
    if (r.next() < 0.03) row.politicalStatus = '';
  }
  if (r.next() < 0.08) rows[0]!.phone = '';
  return rows;
}

export function sampleRows(): Row[] {
  const r = rng(20251001);
  return Array.from({ length: 30 }, (_, i) => household(r, i)).flat();
}

/** The valid rows of a small household set, then each deliberate break on a row of its own. */
export function errorRows(): Row[] {
  const r = rng(7);
  const rows = [0, 1, 2].flatMap((i) => household(r, 900 + i));
  const a = rows[0]!;
  const like = (o: Partial<Row>): Row => ({ ...a, relation: '子', ...o });
  const body = (id: string) => id.slice(0, 17);
  const broken: Row[] = [
    like({ name: '钱一', idNumber: body(a.idNumber) + (idCheckCharacter(body(a.idNumber)) === '1' ? '2' : '1') }), // wrong check digit
    like({ name: '钱二', idNumber: '31010420000230' + '1234' }), // 30 February
    like({ name: '钱三', idNumber: '3.10104199E+17' }), // a spreadsheet held it as a number
    like({ name: '钱四', idNumber: a.idNumber }), // the householder's number again
    like({ name: '', idNumber: '' }), // no name
    like({ name: '钱五', phone: '1381234', idNumber: '' }), // phone too short, no ID number
    like({ name: '钱六', idNumber: '310104751203123', gender: '男', birthDate: '1975-12-03' }), // 15-digit legacy number
    like({ name: '钱七', idNumber: makeId(r, '310104', '1980-05-05', '女'), gender: '男', birthDate: '1980-05-05' }), // gender contradicts the number
    like({ name: '钱八', idNumber: makeId(r, '310104', '1982-06-06', '男'), gender: '男', birthDate: '1982-06-06', residenceStatus: '暂住' }), // unknown status
    like({ name: '钱九', householdId: '', idNumber: makeId(r, '310104', '1983-07-07', '男'), gender: '男', birthDate: '1983-07-07' }), // no household
    like({ name: '孙一', householdId: '3101040519999', relation: '户主', idNumber: makeId(r, '310104', '1960-01-01', '男'), gender: '男', birthDate: '1960-01-01' }),
    like({ name: '孙二', householdId: '3101040519999', relation: '户主', idNumber: makeId(r, '310104', '1961-02-02', '女'), gender: '女', birthDate: '1961-02-02' }), // a second householder
    like({ name: '孙三', householdId: '3101040519999', room: '999', idNumber: makeId(r, '310104', '1990-03-03', '女'), gender: '女', birthDate: '1990-03-03' }), // another room
    like({ name: '赵一', householdId: '3101040518888', relation: '子', idNumber: makeId(r, '310104', '1995-04-04', '男'), gender: '男', birthDate: '1995-04-04' }), // household without householder
  ];
  return [...rows, ...broken];
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: Row[]): string {
  const lines = [REGISTER_COLUMNS.map((c) => c.header), ...rows.map((row) => REGISTER_COLUMNS.map((c) => row[c.key]))];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Fixed metadata, so the file is the same on every run.
  wb.creator = '社区云';
  wb.created = new Date(Date.UTC(2025, 9, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('本地人口库');
  ws.columns = REGISTER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'idNumber' ? 22 : 12, style: c.key === 'birthDate' ? { numFmt: 'yyyy-mm-dd' } : { numFmt: '@' } }));
  for (const row of rows) {
    const [y, m, d] = row.birthDate.split('-').map(Number);
    ws.addRow({ ...row, birthDate: row.birthDate ? new Date(Date.UTC(y!, m! - 1, d!)) : '' });
  }
  return pinZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * The zip writer stamps every entry with the current time; pin them all (central directory and
 * local headers) to 2025-10-01 00:00 so the committed file only changes when its content does.
 */
function pinZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const dosDate = ((2025 - 1980) << 9) | (10 << 5) | 1;
  let at = out.readUInt32LE(eocd + 16);
  for (let n = out.readUInt16LE(eocd + 10); n > 0; n--) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

function tableOf(rows: Row[]): RawTable {
  const all = [REGISTER_COLUMNS.map((c) => c.header), ...rows.map((row) => REGISTER_COLUMNS.map((c) => row[c.key]))];
  return { format: 'csv', rows: all.map((cells, i) => ({ row: i + 1, cells })) };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const rows = sampleRows();
  const check = validateRegister(tableOf(rows), { today: AS_OF });
  if (!check.ok) throw new Error(`the sample must import cleanly:\n${check.issues.map((i) => i.message).join('\n')}`);
  const errs = validateRegister(tableOf(errorRows()), { today: AS_OF });
  writeFileSync(join(OUT, 'register-sample.csv'), toCsv(rows));
  writeFileSync(join(OUT, 'register-sample.xlsx'), await toXlsx(rows));
  writeFileSync(join(OUT, 'register-sample-errors.csv'), toCsv(errorRows()));
  const c = check.counts;
  console.log(`register-sample: ${c.households} households, ${c.persons} persons, ${c.completePersons} complete (${((100 * c.completePersons) / c.persons).toFixed(1)}%)`);
  console.log(`register-sample-errors: ${errs.counts.errors} errors, ${errs.counts.incomplete} incomplete`);
  for (const i of errs.issues) if (i.severity !== 'notice') console.log(`  [${i.severity}] ${i.message}`);
  console.log(`written to ${dirname(join(OUT, 'x'))}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
