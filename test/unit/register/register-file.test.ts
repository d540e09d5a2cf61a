import ExcelJS from 'exceljs';
import { cellText, decodeText, readRegisterFile } from '../../../cloudfunctions/_kit/register-file';
import { validateRegister } from '@shared/register';
import { encodeGb18030, HEADER, person, TODAY, toCsvText, withCheck } from './fixtures';

const ID_A = '31010419900307123X'; // hand-computed in test/unit/privacy/id-number.test.ts
const lines = [HEADER, HEADER.map((h) => (h === '公民身份号码' ? ID_A : (person({ idNumber: ID_A, gender: '男', birthDate: '1990-03-07' }) as Record<string, string>)[keyOf(h)] ?? ''))];

function keyOf(header: string): string {
  return { 户编号: 'householdId', 楼号: 'building', 室号: 'room', 姓名: 'name', 公民身份号码: 'idNumber', 性别: 'gender', 出生日期: 'birthDate', 与户主关系: 'relation', 联系电话: 'phone', 居住状态: 'residenceStatus', 民族: 'ethnicity', 政治面貌: 'politicalStatus', 网格: 'grid' }[header] ?? '';
}

describe('CSV', () => {
  test('UTF-8 with and without BOM', async () => {
    const text = toCsvText(lines);
    for (const buf of [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), Buffer.from(text)]) {
      const t = await readRegisterFile(buf);
      expect(t).toMatchObject({ format: 'csv', encoding: 'utf-8' });
      expect(t.rows[0]!.cells[0]).toBe('户编号');
      expect(t.rows[1]!.cells).toContain(ID_A);
    }
  });

  test('GB18030/GBK bytes are not valid UTF-8 and are decoded as GB18030', async () => {
    const buf = encodeGb18030(toCsvText(lines));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf)).toThrow();
    const t = await readRegisterFile(buf);
    expect(t.encoding).toBe('gb18030');
    expect(t.rows[0]!.cells).toEqual(HEADER);
    expect(t.rows[1]!.cells).toContain('晨曦路100弄1号');
    const v = validateRegister(t, { today: TODAY });
    expect(v.ok).toBe(true);
    expect(v.households[0]!.members[0]).toMatchObject({ name: '张伟', idNumber: ID_A });
  });

  test('UTF-16LE tab-separated text (Excel "Unicode text")', async () => {
    const tsv = lines.map((l) => l.join('\t')).join('\r\n');
    const t = await readRegisterFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    expect(t.encoding).toBe('utf-16le');
    expect(t.rows[1]!.cells[HEADER.indexOf('公民身份号码')]).toBe(ID_A);
  });

  test('row numbers count blank lines and quoted line breaks as a spreadsheet does', async () => {
    const text = `${toCsvText([HEADER])}\r\n"a\nb",x\r\nlast\r\n`;
    const t = await readRegisterFile(Buffer.from(text));
    expect(t.rows.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, '户编号'],
      [2, ''],
      [3, 'a\nb'],
      [4, 'last'],
    ]);
  });

  test('decodeText prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeText(Buffer.from('姓名,张三')).encoding).toBe('utf-8');
    expect(decodeText(encodeGb18030('姓名,张三'))).toEqual({ text: '姓名,张三', encoding: 'gb18030' });
  });

  test('an unclosed quote is a readable error', async () => {
    await expect(readRegisterFile(Buffer.from('户编号,姓名\r\nH1,"张三\r\n'))).rejects.toMatchObject({ code: 'REGISTER_FILE_UNREADABLE' });
  });
});

describe('bounds and unsupported input', () => {
  test('too many bytes, too many rows, empty, legacy .xls', async () => {
    await expect(readRegisterFile(Buffer.alloc(2048, 0x41), { maxBytes: 1024 })).rejects.toMatchObject({ code: 'REGISTER_FILE_TOO_LARGE' });
    const many = toCsvText([HEADER, ...Array.from({ length: 30 }, () => ['H1'])]);
    await expect(readRegisterFile(Buffer.from(many), { maxRows: 5 })).rejects.toMatchObject({ code: 'REGISTER_TOO_MANY_ROWS', message: '人口库文件超过 5 行，请按网格或楼栋拆分后分批导入' });
    await expect(readRegisterFile(Buffer.from(toCsvText([HEADER, ['H1']])), { maxRows: 5 })).resolves.toMatchObject({ format: 'csv' });
    await expect(readRegisterFile(Buffer.alloc(0))).rejects.toMatchObject({ code: 'REGISTER_FILE_UNREADABLE' });
    await expect(readRegisterFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({ code: 'REGISTER_FILE_UNSUPPORTED' });
    await expect(readRegisterFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: 'REGISTER_FILE_UNREADABLE' });
  });
});

describe('xlsx', () => {
  async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  test('round trip: dates as date cells, numbers as numbers, rich text, formulas', async () => {
    const idB = withCheck('31011520011225046'); // 310115200112250469
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('人口库');
      ws.addRow(HEADER);
      ws.addRow(['H001', '5号', 602, '张伟', ID_A, '男', new Date(Date.UTC(1990, 2, 7)), '户主', 13812345678, '人户一致', '汉族', '群众', '第一网格']);
      ws.addRow(['H001', '5号', 602, { richText: [{ text: '李' }, { text: '娜' }] }, idB, '女', '2001-12-25', '女', { formula: '"021-"&"62345678"', result: '021-62345678' }, '人户一致', '汉族', '共青团员', '第一网格']);
    });
    const t = await readRegisterFile(buf, { filename: '人口库.xlsx' });
    expect(t).toMatchObject({ format: 'xlsx', sheet: '人口库' });
    expect(t.rows[1]!.cells).toEqual(['H001', '5号', '602', '张伟', ID_A, '男', '1990-03-07', '户主', '13812345678', '人户一致', '汉族', '群众', '第一网格']);
    expect(t.rows[2]!.cells[3]).toBe('李娜');
    expect(t.rows[2]!.cells[8]).toBe('021-62345678');
    const v = validateRegister(t, { today: TODAY });
    expect(v.ok).toBe(true);
    expect(v.households[0]!.members.map((m) => m.idNumber)).toEqual([ID_A, idB]);
  });

  test('an ID number typed as a number is detected and reported on its row', async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(HEADER);
      ws.addRow(['H001', '5号', '602', '张伟', ID_A, '男', '1990-03-07', '户主', '13812345678', '人户一致', '汉族', '群众', '']);
      ws.addRow([]);
      // the number a spreadsheet makes of the ID 310115200112250469: its last digits already lost
      ws.addRow(['H001', '5号', '602', '李娜', Number('310115200112250469'), '女', '2001-12-25', '女', '', '人户一致', '汉族', '群众', '']);
    });
    const t = await readRegisterFile(buf);
    expect(t.rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(t.rows[2]!.lossyCells).toEqual([HEADER.indexOf('公民身份号码')]);
    const v = validateRegister(t, { today: TODAY });
    expect(v.ok).toBe(false);
    expect(v.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      '第 4 行：公民身份号码被表格软件存成了数字，末尾数字已丢失，请将该列设为“文本”格式后重新导出',
    ]);
  });

  test('an explanation sheet before the register is skipped', async () => {
    const buf = await workbook((wb) => {
      wb.addWorksheet('说明').addRow(['本表由治理平台导出']);
      const ws = wb.addWorksheet('数据');
      ws.addRow(['晨曦居委会本地人口库']);
      ws.addRow(HEADER);
    });
    const t = await readRegisterFile(buf);
    expect(t.sheet).toBe('数据');
    expect(t.rows.map((r) => r.row)).toEqual([1, 2]);
  });

  test('xlsx row limit', async () => {
    const buf = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(HEADER);
      for (let i = 0; i < 20; i++) ws.addRow(['H1']);
    });
    await expect(readRegisterFile(buf, { maxRows: 5 })).rejects.toMatchObject({ code: 'REGISTER_TOO_MANY_ROWS' });
  });

  test('cellText covers the value shapes exceljs produces', () => {
    expect(cellText(null)).toEqual({ text: '', lossy: false });
    expect(cellText(123456789012345)).toEqual({ text: '123456789012345', lossy: false }); // 15 digits survive
    expect(cellText(3.10104199003071e17).lossy).toBe(true);
    expect(cellText(new Date(Date.UTC(1990, 0, 1, 8, 30)))).toEqual({ text: '1990-01-01 08:30:00', lossy: false });
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' }).text).toBe('ab');
    expect(cellText({ error: '#N/A' }).text).toBe('#N/A');
    expect(cellText({ formula: 'A1', result: 310104199003071230 }).lossy).toBe(true);
  });
});

describe('line endings', () => {
  it('reads every row of a CSV that mixes CRLF and LF line endings', async () => {
    const csv = '户编号,姓名\r\nH1,张三\nH2,李四\r\nH3,王五\rH4,赵六\n';
    const table = await readRegisterFile(Buffer.from(csv, 'utf8'), { filename: 'mixed.csv' });
    expect(table.rows.filter((r) => r.cells.some((c) => c !== '')).map((r) => r.cells)).toEqual([
      ['户编号', '姓名'],
      ['H1', '张三'],
      ['H2', '李四'],
      ['H3', '王五'],
      ['H4', '赵六'],
    ]);
  });
});
