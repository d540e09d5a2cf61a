import { validateRegister, type RegisterIssue, type RegisterValidation } from '@shared/register';
import { HEADER, person, table, TODAY, withCheck, type Cells } from './fixtures';

const run = (people: Cells[], opts?: Parameters<typeof table>[1]) => validateRegister(table(people, opts), { today: TODAY });
const messages = (v: RegisterValidation, severity?: RegisterIssue['severity']) => v.issues.filter((i) => !severity || i.severity === severity).map((i) => i.message);

describe('a clean register', () => {
  test('groups persons into households in file order, members inherit the address', () => {
    const v = run([
      person({ householdId: 'H001', relation: '户主' }),
      person({ householdId: 'H001', relation: '配偶', building: '', room: '', phone: '' }),
      person({ householdId: 'H002', relation: '户主', building: '晨曦路100弄2号', room: '202', grid: '' }),
    ]);
    expect(v.ok).toBe(true);
    expect(v.issues).toEqual([]);
    expect(v.header?.row).toBe(1);
    expect(v.households.map((h) => [h.householdId, h.building, h.room, h.rows])).toEqual([
      ['H001', '晨曦路100弄1号', '101', [2, 3]],
      ['H002', '晨曦路100弄2号', '202', [4]],
    ]);
    const spouse = v.households[0]!.members[1]!;
    expect(spouse).toMatchObject({ row: 3, building: '晨曦路100弄1号', room: '101', isHouseholder: false, phone: null, incompleteFields: [] });
    expect(v.counts).toEqual({ rows: 3, persons: 3, households: 2, completePersons: 3, errors: 0, incomplete: 0, notices: 0 });
  });

  test('values are normalised: 15-char forms, aliases, dates, several phones in one cell', () => {
    const v = run([
      person({ gender: '男性', idNumber: withCheck('31010419800101001'), birthDate: '1980年1月1日', relation: '本人', residenceStatus: '人在户在', ethnicity: '汉', politicalStatus: '中国共产党党员', phone: '021-62345678，13912345678' }),
    ]);
    expect(v.ok).toBe(true);
    expect(v.households[0]!.members[0]).toMatchObject({
      gender: '男',
      birthDate: '1980-01-01',
      relation: '户主',
      isHouseholder: true,
      residenceStatus: '人户一致',
      ethnicity: '汉族',
      politicalStatus: '中共党员',
      phone: { kind: 'mobile', value: '13912345678' },
    });
  });

  test('blank gender and birth date are read from the ID number', () => {
    const v = run([person({ idNumber: withCheck('31010419751203123'), gender: '', birthDate: '' })]);
    expect(v.households[0]!.members[0]).toMatchObject({ gender: '男', birthDate: '1975-12-03', incompleteFields: [] });
  });
});

describe('row errors carry the file row number and a Chinese reason', () => {
  const ok = person();
  const cases: [string, Cells, string, RegisterIssue['severity']][] = [
    ['wrong check digit', { idNumber: '310104198001011231' }, '第 3 行：公民身份号码校验位不正确', 'incomplete'],
    ['30 February', { idNumber: withCheck('31010419800230123') }, '第 3 行：公民身份号码中的出生日期不是有效日期', 'incomplete'],
    ['length', { idNumber: '31010419800101' }, '第 3 行：公民身份号码应为18位', 'incomplete'],
    ['scientific notation', { idNumber: '3.10104198E+17' }, '第 3 行：公民身份号码被表格软件存成了数字，末尾数字已丢失，请将该列设为“文本”格式后重新导出', 'error'],
    ['no ID number', { idNumber: '' }, '第 3 行：公民身份号码为空', 'incomplete'],
    ['15-digit number', { idNumber: '310104800101123', gender: '', birthDate: '' }, '第 3 行：公民身份号码为15位旧号码，已按规则升为18位用于比对，请在治理平台核实更正', 'incomplete'],
    ['no name', { name: '' }, '第 3 行：姓名为空', 'error'],
    ['digits in the name', { name: '张3' }, '第 3 行：姓名只能包含汉字、字母和“·”，且不超过30个字', 'error'],
    ['no household', { householdId: '' }, '第 3 行：户编号为空', 'error'],
    ['gender contradicts the number', { idNumber: withCheck('31010419800101002'), gender: '男' }, '第 3 行：性别与公民身份号码不符', 'incomplete'],
    ['birth date contradicts the number', { idNumber: withCheck('31010419800101002'), gender: '女', birthDate: '1980-01-02' }, '第 3 行：出生日期与公民身份号码不符', 'incomplete'],
    ['unknown gender', { gender: '未知' }, '第 3 行：性别应为“男”或“女”', 'incomplete'],
    ['bad birth date', { birthDate: '1980-13-01' }, '第 3 行：出生日期不是有效日期', 'incomplete'],
    ['bad phone', { phone: '1381234' }, '第 3 行：联系电话不是有效的手机号码或固定电话', 'incomplete'],
    ['unknown residence status', { residenceStatus: '暂住' }, '第 3 行：居住状态应为人户一致、人在户不在、户在人不在或来沪人员', 'incomplete'],
    ['unknown ethnicity', { ethnicity: '火星族' }, '第 3 行：民族不是国家标准中的民族名称', 'incomplete'],
    ['unknown political status', { politicalStatus: '会员' }, '第 3 行：政治面貌不是国家标准中的名称', 'incomplete'],
    ['odd relation', { relation: '123' }, '第 3 行：与户主关系应为“户主”“配偶”“子”“女”等称谓', 'incomplete'],
  ];
  test.each(cases)('%s', (_label, cells, message, severity) => {
    const relation = cells.relation ?? '子';
    const v = run([ok, person({ ...cells, relation, householdId: cells.householdId ?? 'H001' })]);
    const found = v.issues.find((i) => i.message === message);
    expect(found).toMatchObject({ row: 3, severity });
    expect(v.ok).toBe(severity !== 'error');
  });

  test('an invalid value makes the person incomplete but keeps them in the register', () => {
    const v = run([ok, person({ relation: '子', phone: '1381234' })]);
    const m = v.households[0]!.members[1]!;
    expect(m).toMatchObject({ phone: null, invalidFields: ['phone'], incompleteFields: ['phone'] });
    expect(v.counts).toMatchObject({ persons: 2, completePersons: 1 });
  });

  test('a spreadsheet cell that lost digits is an error naming the column', () => {
    const t = table([ok, person({ relation: '子' })]);
    t.rows[2]!.lossyCells = [HEADER.indexOf('公民身份号码')];
    const v = validateRegister(t, { today: TODAY });
    expect(v.ok).toBe(false);
    expect(messages(v, 'error')).toEqual(['第 3 行：公民身份号码被表格软件存成了数字，末尾数字已丢失，请将该列设为“文本”格式后重新导出']);
  });

  test('a duplicated ID number points at its first row, also across 15/18-digit forms', () => {
    const id = withCheck('31010419800101123');
    const v = run([person({ idNumber: id }), person({ relation: '子' }), person({ relation: '子', idNumber: id.toLowerCase() }), person({ relation: '子', idNumber: '310104800101123' })]);
    expect(messages(v, 'error')).toEqual(['第 4 行：公民身份号码与第 2 行重复', '第 5 行：公民身份号码与第 2 行重复']);
    expect(v.ok).toBe(false);
  });

  test('corrupted numbers are not reported as duplicates of each other', () => {
    const v = run([person(), person({ relation: '子', idNumber: '3.10104198E+17' }), person({ relation: '女', idNumber: '3.10104198E+17' })]);
    expect(v.issues.filter((i) => i.code === 'ID_DUPLICATE')).toEqual([]);
    expect(v.issues.filter((i) => i.code === 'ID_NUMERIC_CORRUPTED').map((i) => i.row)).toEqual([3, 4]);
  });

  test('one householder per household', () => {
    const v = run([person({ householdId: 'H1' }), person({ householdId: 'H1' }), person({ householdId: 'H2', relation: '子' }), person({ householdId: 'H2', relation: '女' })]);
    expect(messages(v, 'error')).toEqual(['第 2、3 行：户编号 H1 有 2 个户主', '第 4、5 行：户编号 H2 没有户主（与户主关系为“户主”的人）']);
    expect(v.issues.find((i) => i.code === 'HOUSEHOLD_MULTIPLE_HOUSEHOLDERS')?.rows).toEqual([2, 3]);
  });

  test("a household's rows must agree on building and room; spelling variants agree", () => {
    const same = run([person({ building: '5号楼', room: '602室' }), person({ relation: '子', building: '5号', room: '602' }), person({ relation: '女', building: ' 5 ', room: '６０２' })]);
    expect(same.ok).toBe(true);
    const v = run([person({ room: '601' }), person({ relation: '子', room: '601' }), person({ relation: '女', room: '602' })]);
    expect(messages(v, 'error')).toEqual(['第 2、4 行：户编号 H001 各行的楼号/室号不一致（“晨曦路100弄1号 601”与“晨曦路100弄1号 602”）']);
  });

  test('a household without any room is imported with its members incomplete', () => {
    const v = run([person({ room: '' }), person({ relation: '子', room: '' })]);
    expect(v.ok).toBe(true);
    expect(messages(v)).toEqual(['第 2、3 行：户编号 H001 没有室号']);
    expect(v.households[0]!.members.every((m) => m.incompleteFields.includes('room'))).toBe(true);
  });

  test('blank completeness fields are reported once per column, with all rows', () => {
    const v = run([person({ ethnicity: '' }), person({ relation: '子', ethnicity: '', phone: '' }), person({ householdId: 'H2', phone: '' })]);
    expect(messages(v)).toEqual(['第 2、3 行：民族为空', '第 4 行：户主的联系电话为空']);
  });
});

describe('the header', () => {
  test('title rows above the header shift row numbers as in the file; blank lines count', () => {
    const t = table([person(), person({ relation: '子', idNumber: '310104198001011231' })], { above: [['晨曦居委会本地人口库'], ['导出时间：2025-10-01']] });
    t.rows.splice(4, 0, { row: 0, cells: ['', ''] });
    t.rows.forEach((r, i) => (r.row = i + 1));
    const v = validateRegister(t, { today: TODAY });
    expect(v.header?.row).toBe(3);
    expect(messages(v)).toEqual(['第 6 行：公民身份号码校验位不正确']);
  });

  test('aliases and decorated headers map to the same columns', () => {
    const header = [' 户号 ', '楼栋', '房号', '姓 名', '身份证号码（必填）', '性别*', '出生年月日', '与户主的关系', '手机号', '人户状态', '民族', '政治面貌', '所属网格'];
    const v = run([person()], { header });
    expect(v.ok).toBe(true);
    expect(v.header?.columns).toMatchObject({ householdId: '户号', idNumber: '身份证号码（必填）', phone: '手机号', grid: '所属网格' });
    expect(v.households[0]!.members[0]!.phone?.value).toBe('13800001234');
  });

  test('a missing required column is a file error naming the columns', () => {
    const v = run([person()], { header: HEADER.filter((h) => h !== '室号' && h !== '公民身份号码') });
    expect(v.ok).toBe(false);
    expect(messages(v)).toEqual(['第 1 行：缺少必需的列：室号、公民身份号码']);
  });

  test('no recognisable header', () => {
    const v = validateRegister({ format: 'csv', rows: [{ row: 1, cells: ['a', 'b'] }, { row: 2, cells: ['1', '2'] }] }, { today: TODAY });
    expect(messages(v)).toEqual(['未找到表头：文件前 10 行中没有包含“户编号”“姓名”“公民身份号码”等列名的一行']);
  });

  test('two columns for one field, an unknown column and an absent optional one', () => {
    const header = [...HEADER.filter((h) => h !== '民族'), '身份证号', '备注'];
    const v = run([person()], { header });
    expect(messages(v)).toEqual([
      '第 1 行：“公民身份号码”和“身份证号”都是“公民身份号码”列，请只保留一列',
      '第 1 行：文件中没有“民族”列，相关人员信息将计为不完善',
      '第 1 行：以下列不属于人口库，已忽略：备注',
    ]);
    expect(v.ok).toBe(false);
  });

  test('a header with no data rows', () => {
    expect(messages(run([]))).toEqual(['文件中没有人员数据']);
  });
});

describe('limits', () => {
  test('the issue list is capped per severity, the counts are not', () => {
    const people = Array.from({ length: 30 }, (_, i) => person({ householdId: `H${i}`, phone: 'x' }));
    const v = validateRegister(table(people), { today: TODAY, maxIssuesPerSeverity: 10 });
    expect(v.issues).toHaveLength(10);
    expect(v.issuesTruncated).toBe(true);
    expect(v.counts.incomplete).toBe(30);
  });
});
