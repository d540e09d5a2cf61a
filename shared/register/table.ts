/**
 * A register file as rows of text cells, the contract between the file reader (server, Node) and
 * the validator (pure). Limits are here so the reader and the validator enforce the same ones.
 */
import { columnForHeader, type RegisterFieldKey } from './columns';

/** A district-sized committee has a few thousand persons; this leaves ample room, and bounds memory. */
export const MAX_REGISTER_ROWS = 200_000;
export const MAX_REGISTER_BYTES = 50 * 1024 * 1024;

export interface RawRow {
  /** the row number as a spreadsheet shows it: the first line of the file is row 1 */
  row: number;
  cells: string[];
  /**
   * Indexes of cells that were spreadsheet numbers of 16 or more digits. Excel keeps only 15
   * significant digits, so such a cell has already lost its tail (an ID number typed as a number).
   */
  lossyCells?: number[];
}

export interface RawTable {
  format: 'csv' | 'xlsx';
  /** csv: the encoding the bytes were decoded with */
  encoding?: 'utf-8' | 'gb18030' | 'utf-16le';
  /** xlsx: the worksheet read */
  sheet?: string;
  rows: RawRow[];
}

export interface HeaderMatch {
  /** index into `rows` of the header row */
  index: number;
  /** its file row number */
  row: number;
  /** field → cell index (the first column naming it) */
  columns: Partial<Record<RegisterFieldKey, number>>;
  /** headers naming a field another column already names */
  duplicates: { field: RegisterFieldKey; headers: string[] }[];
  /** non-empty headers the register does not use */
  ignored: string[];
}

/** Exports often put a title line or two above the header; look this far down for it. */
const HEADER_SEARCH_ROWS = 10;
/** A row naming at least this many register columns is taken to be the header. */
const HEADER_MIN_MATCHES = 3;

export function matchHeader(cells: readonly string[], index: number, row: number): HeaderMatch {
  const columns: Partial<Record<RegisterFieldKey, number>> = {};
  const seen = new Map<RegisterFieldKey, string[]>();
  const ignored: string[] = [];
  cells.forEach((h, i) => {
    const field = columnForHeader(h);
    if (!field) {
      if (h.trim()) ignored.push(h.trim());
      return;
    }
    if (columns[field] === undefined) columns[field] = i;
    seen.set(field, [...(seen.get(field) ?? []), h.trim()]);
  });
  const duplicates = [...seen].filter(([, hs]) => hs.length > 1).map(([field, headers]) => ({ field, headers }));
  return { index, row, columns, duplicates, ignored };
}

/** The header row: the first of the top rows that names enough register columns, else null. */
export function locateHeader(rows: readonly RawRow[]): HeaderMatch | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const r = rows[i]!;
    const m = matchHeader(r.cells, i, r.row);
    if (Object.keys(m.columns).length >= HEADER_MIN_MATCHES) return m;
  }
  return null;
}
