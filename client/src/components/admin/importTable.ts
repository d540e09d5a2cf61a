/**
 * A pasted table (from Excel / WPS: tab-separated, or comma-separated text) → import rows.
 * Columns in order: 企业微信账号, 姓名, 角色, 所属区域代码. A first line that looks like the header
 * is skipped; every row keeps its line number in the pasted text, so the server's
 * "第 N 行" messages point at the line the user sees. Blank lines are skipped, not renumbered.
 */
import type { ImportRow } from '@shared/contracts/admin-staff-import';

const HEADER = /企业微信|账号|userid|姓名/i;

/** Tab-separated (pasted from a spreadsheet), else comma-separated, else spaces (账号 姓名 角色… 代码). */
export function splitCells(line: string): [string, string, string, string] {
  const unquote = (c: string) => c.trim().replace(/^"(.*)"$/, '$1');
  if (line.includes('\t') || /[,，]/.test(line)) {
    const [a = '', b = '', c = '', d = ''] = line.split(line.includes('\t') ? '\t' : /[,，]/).map(unquote);
    return [a, b, c, d];
  }
  const words = line.trim().split(/\s+/);
  const [a = '', b = '', ...rest] = words;
  const last = rest[rest.length - 1] ?? '';
  return /^\d+$/.test(last) ? [a, b, rest.slice(0, -1).join('、'), last] : [a, b, rest.join('、'), ''];
}

export interface ParsedTable {
  rows: ImportRow[];
  headerSkipped: boolean;
}

export function parseImportTable(text: string): ParsedTable {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const rows: ImportRow[] = [];
  let headerSkipped = false;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    if (!rows.length && !headerSkipped && HEADER.test(line)) {
      headerSkipped = true;
      return;
    }
    const [userId, name, roles, regionCode] = splitCells(line);
    rows.push({ rowNumber: i + 1, userId, name, roles, regionCode });
  });
  return { rows, headerSkipped };
}
