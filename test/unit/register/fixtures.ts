/** Builders for register tables in tests. */
import { idCheckCharacter } from '@shared/privacy';
import { columnForHeader, REGISTER_COLUMNS, type RegisterFieldKey } from '@shared/register/columns';
import type { RawTable } from '@shared/register/table';

export const TODAY = '2025-10-01';
export const HEADER = REGISTER_COLUMNS.map((c) => c.header);

/** A valid 18-digit number from its first 17 digits. */
export function withCheck(body17: string): string {
  return body17 + idCheckCharacter(body17);
}

export type Cells = Partial<Record<RegisterFieldKey, string>>;

let serial = 100;
/** A complete, valid person; `o` overrides cells. Each call gets a distinct ID number. */
export function person(o: Cells = {}): Cells {
  const seq = String(serial++).padStart(3, '0');
  const male = Number(seq[2]) % 2 === 1;
  return {
    householdId: 'H001',
    building: '晨曦路100弄1号',
    room: '101',
    name: male ? '张伟' : '李静',
    idNumber: withCheck(`31010419800101${seq}`),
    gender: male ? '男' : '女',
    birthDate: '1980-01-01',
    relation: '户主',
    phone: '13800001234',
    residenceStatus: '人户一致',
    ethnicity: '汉族',
    politicalStatus: '群众',
    grid: '第一网格',
    ...o,
  };
}

/** Rows after the header (row 1, unless `above` rows come first). */
export function table(people: Cells[], opts: { header?: string[]; above?: string[][] } = {}): RawTable {
  const header = opts.header ?? HEADER;
  const keys = header.map((h) => columnForHeader(h));
  const lines = [...(opts.above ?? []), header, ...people.map((p) => keys.map((k) => (k ? (p[k] ?? '') : '')))];
  return { format: 'csv', rows: lines.map((cells, i) => ({ row: i + 1, cells })) };
}

export function toCsvText(lines: string[][]): string {
  return lines.map((l) => l.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

let gbMap: Map<string, number[]> | null = null;
/**
 * GB18030 bytes for text in the BMP two-byte range, built by decoding every two-byte sequence
 * once (Node ships a GB18030 decoder but no encoder).
 */
export function encodeGb18030(text: string): Buffer {
  if (!gbMap) {
    gbMap = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(Uint8Array.from([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbMap.has(ch)) gbMap.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const b = gbMap.get(ch);
      if (!b) throw new Error(`no GB18030 two-byte code for ${ch}`);
      bytes.push(...b);
    }
  }
  return Buffer.from(bytes);
}
