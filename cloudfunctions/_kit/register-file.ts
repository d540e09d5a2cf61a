/**
 * Reads a population register file (CSV or .xlsx) from a Buffer into text rows with their file
 * row numbers; validation is shared/register's job. Government systems export CSV in GB18030/GBK
 * as often as in UTF-8, and Excel's "Unicode text" is UTF-16 with tabs, so the encoding and the
 * delimiter are detected rather than assumed. Input is bounded in bytes and rows.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '@shared/errors';
import { locateHeader, MAX_REGISTER_BYTES, MAX_REGISTER_ROWS, type RawRow, type RawTable } from '@shared/register/table';

export interface ReadRegisterOptions {
  /** the uploaded file's name; only used to refuse a legacy .xls clearly */
  filename?: string;
  maxBytes?: number;
  /** data rows; the header and a few title rows above it come on top */
  maxRows?: number;
}

/** Title lines above the header that do not count against the row limit. */
const HEADER_ALLOWANCE = 10;
/** A register has about fifteen columns; anything past this is not register data. */
const MAX_COLUMNS = 100;

export async function readRegisterFile(buf: Buffer, options: ReadRegisterOptions = {}): Promise<RawTable> {
  const maxBytes = options.maxBytes ?? MAX_REGISTER_BYTES;
  const maxRows = (options.maxRows ?? MAX_REGISTER_ROWS) + HEADER_ALLOWANCE;
  if (buf.length > maxBytes) {
    throw new AppError('REGISTER_FILE_TOO_LARGE', `人口库文件超过 ${Math.floor(maxBytes / 1024 / 1024)} MB，请按网格或楼栋拆分后分批导入`, { bytes: buf.length, maxBytes });
  }
  if (buf.length === 0) throw new AppError('REGISTER_FILE_UNREADABLE', '人口库文件是空的');
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return readXlsx(buf, maxRows);
  if (buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) || /\.xls$/i.test(options.filename ?? '')) {
    throw new AppError('REGISTER_FILE_UNSUPPORTED', '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后导入');
  }
  if (/\.xlsx$/i.test(options.filename ?? '')) throw new AppError('REGISTER_FILE_UNREADABLE', '无法读取 Excel 文件，文件可能已损坏');
  return readCsv(buf, maxRows);
}

function tooManyRows(maxRows: number): AppError {
  return new AppError('REGISTER_TOO_MANY_ROWS', `人口库文件超过 ${maxRows - HEADER_ALLOWANCE} 行，请按网格或楼栋拆分后分批导入`);
}

/** BOM first; then UTF-8 if the bytes are valid UTF-8; otherwise GB18030 (a superset of GBK and GB2312). */
export function decodeText(buf: Buffer): { text: string; encoding: NonNullable<RawTable['encoding']> } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(buf), encoding: 'gb18030' };
  }
}

/** Tab when the first non-blank line has more tabs than commas (Excel's "Unicode text"), else comma. */
function delimiterOf(text: string): ',' | '\t' {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (c: string) => line.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

function readCsv(buf: Buffer, maxRows: number): RawTable {
  const decoded = decodeText(buf);
  // csv-parse takes the first line's ending as the record delimiter; a file that mixes CRLF and
  // LF (edited in two programs) would then glue rows together and lose a household silently
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const { encoding } = decoded;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: maxRows + 1,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AppError('REGISTER_FILE_UNREADABLE', `CSV 文件格式有误${line ? `（第 ${line} 行附近）` : ''}，请检查引号是否成对`);
  }
  if (records.length > maxRows) throw tooManyRows(maxRows);
  // Every record is a row as a spreadsheet shows it, blank lines included, so numbering matches.
  const rows: RawRow[] = records.map((cells, i) => ({ row: i + 1, cells: cells.slice(0, MAX_COLUMNS) }));
  return { format: 'csv', encoding, rows };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel stores dates without a zone; exceljs hands them over as that wall time in UTC. */
function dateText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  return midnight ? date : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A cell as text; `lossy` when it is a number too long for a spreadsheet to hold exactly. */
export function cellText(v: unknown): { text: string; lossy: boolean } {
  if (v === null || v === undefined) return { text: '', lossy: false };
  if (typeof v === 'string') return { text: v, lossy: false };
  // Excel keeps 15 significant digits: a 16+ digit integer has already lost its tail.
  if (typeof v === 'number') return { text: String(v), lossy: Math.abs(v) >= 1e15 };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', lossy: false };
  if (v instanceof Date) return { text: Number.isNaN(v.getTime()) ? '' : dateText(v), lossy: false };
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string };
    if (Array.isArray(o.richText)) return { text: o.richText.map((r) => r.text).join(''), lossy: false };
    if ('result' in o || 'formula' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if (typeof o.error === 'string') return { text: o.error, lossy: false };
  }
  return { text: String(v), lossy: false };
}

interface SheetRows {
  name: string;
  rows: RawRow[];
}

async function readXlsx(buf: Buffer, maxRows: number): Promise<RawTable> {
  const sheets: SheetRows[] = [];
  let total = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      const current: SheetRows = { name: String((sheet as unknown as { name?: unknown }).name ?? ''), rows: [] };
      sheets.push(current);
      for await (const row of sheet) {
        if (++total > maxRows) throw tooManyRows(maxRows);
        const values = (row.values as unknown[]).slice(1, MAX_COLUMNS + 1);
        const cells: string[] = [];
        const lossy: number[] = [];
        for (let i = 0; i < values.length; i++) {
          const c = cellText(values[i]);
          cells.push(c.text);
          if (c.lossy) lossy.push(i);
        }
        current.rows.push(lossy.length ? { row: row.number, cells, lossyCells: lossy } : { row: row.number, cells });
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('REGISTER_FILE_UNREADABLE', '无法读取 Excel 文件，文件可能已损坏');
  }
  // A workbook may open with an explanation sheet; take the first sheet that has a register header.
  const chosen = sheets.find((s) => locateHeader(s.rows) !== null) ?? sheets.find((s) => s.rows.length > 0) ?? sheets[0];
  return { format: 'xlsx', sheet: chosen?.name ?? '', rows: chosen?.rows ?? [] };
}
