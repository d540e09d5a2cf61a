import { decryptPii, hashIdNumber, loadPiiKeys, phoneContext, protectRegister, verifyIdClaim } from '../../../cloudfunctions/_kit/pii';
import { completenessRate, incompleteFields, isPersonComplete, protectedHouseholdSchema, validateRegister, type CompletenessInput } from '@shared/register';
import { isAppError } from '@shared/errors';
import { person, table, TODAY, withCheck } from './fixtures';

const keys = loadPiiKeys({ PII_HASH_KEY: 'a1'.repeat(32), PII_ENC_KEY: '5c'.repeat(32) });

describe('protect', () => {
  const legacy = '310104800101125';
  const people = [
    person({ householdId: 'H001', idNumber: withCheck('31010419800101123'), gender: '男', phone: '13812345678' }),
    person({ householdId: 'H001', relation: '配偶', idNumber: withCheck('31010419820202124').toLowerCase(), gender: '女', birthDate: '1982-02-02', phone: '021-62345678' }),
    person({ householdId: 'H001', relation: '子', idNumber: legacy, gender: '男', birthDate: '', phone: '' }),
    person({ householdId: 'H002', idNumber: '310104198001011230', phone: '13987654321' }), // wrong check digit
  ];
  const v = validateRegister(table(people), { today: TODAY });
  const out = protectRegister(v, keys);

  test('no plain ID number or phone number anywhere in the stored form', () => {
    const json = JSON.stringify(out);
    const ids = people.map((p) => p.idNumber!);
    const upgraded = withCheck('31010419800101123'.slice(0, 6) + '19' + legacy.slice(6));
    for (const s of [...ids, ...ids.map((i) => i.toUpperCase()), upgraded, '13812345678', '02162345678', '62345678', '13987654321']) {
      expect(json).not.toContain(s);
    }
    // no run of 15 or more digits survives either
    expect(json).not.toMatch(/\d{15,}/);
    for (const h of out.households) expect(() => protectedHouseholdSchema.parse(h)).not.toThrow();
  });

  test('members carry hashes, masks and ciphertext', () => {
    const [head, spouse, child] = out.households[0]!.members;
    expect(head).toMatchObject({ idStatus: 'valid', idMasked: '**************' + withCheck('31010419800101123').slice(-4), phoneMasked: '138****5678', complete: true });
    // nothing besides the last four characters says anything about the number (issue 17)
    for (const m of out.households.flatMap((h) => h.members)) for (const k of ['gender', 'birthDate']) expect(m).not.toHaveProperty(k);
    expect(head!.idHash).toBe(hashIdNumber(keys.hash, withCheck('31010419800101123')));
    expect(spouse!.idHash).toBe(hashIdNumber(keys.hash, withCheck('31010419820202124')));
    expect(decryptPii(keys.enc, spouse!.phoneEnc!, phoneContext('H001'))).toBe('02162345678');
    expect(child).toMatchObject({ idStatus: 'legacy15', complete: false, incompleteFields: ['idNumber'] });
    expect(child!.idHash).toBe(hashIdNumber(keys.hash, legacy));
    const invalid = out.households[1]!.members[0]!;
    expect(invalid).toMatchObject({ idStatus: 'invalid', idHash: null, idClaimHash: null, idMasked: '**************1230', complete: false });
    expect(out.counts).toEqual({ households: 2, persons: 4, completePersons: 2 });
  });

  test('the claim hash verifies the last six characters for that household only', () => {
    const head = out.households[0]!.members[0]!;
    const suffix = withCheck('31010419800101123').slice(-6);
    expect(verifyIdClaim(keys.hash, 'H001', suffix, head.idClaimHash)).toBe(true);
    expect(verifyIdClaim(keys.hash, 'H002', suffix, head.idClaimHash)).toBe(false);
  });

  test('a register with errors is refused whole', () => {
    const bad = validateRegister(table([person(), person({ name: '' })]), { today: TODAY });
    try {
      protectRegister(bad, keys);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(isAppError(e)).toBe(true);
      expect(e).toMatchObject({ code: 'REGISTER_INVALID', message: '人口库文件有 1 处错误，请修正后重新导入' });
      expect((e as { details: { errors: { message: string }[] } }).details.errors[0]!.message).toBe('第 3 行：姓名为空');
    }
  });
});

describe('居民信息完善率: isPersonComplete', () => {
  const complete: CompletenessInput = {
    building: '5号',
    room: '602',
    name: '张伟',
    idStatus: 'valid',
    gender: '男',
    birthDate: '1980-01-01',
    relation: '户主',
    isHouseholder: true,
    phone: { kind: 'mobile', value: '13812345678' },
    residenceStatus: '人户一致',
    ethnicity: '汉族',
    politicalStatus: '群众',
    invalidFields: [],
  };

  test('every required field present and valid', () => {
    expect(isPersonComplete(complete)).toBe(true);
    for (const f of ['building', 'room', 'name', 'gender', 'birthDate', 'relation', 'residenceStatus', 'ethnicity', 'politicalStatus'] as const) {
      expect(incompleteFields({ ...complete, [f]: null })).toEqual([f]);
    }
  });

  test('the ID number must be a valid 18-digit one', () => {
    expect(incompleteFields({ ...complete, idStatus: 'legacy15' })).toEqual(['idNumber']);
    expect(incompleteFields({ ...complete, idStatus: 'invalid' })).toEqual(['idNumber']);
    expect(incompleteFields({ ...complete, idStatus: 'missing' })).toEqual(['idNumber']);
  });

  test('the phone is required of the householder only; an invalid one counts for anyone', () => {
    expect(incompleteFields({ ...complete, phone: null })).toEqual(['phone']);
    expect(isPersonComplete({ ...complete, isHouseholder: false, relation: '子', phone: null })).toBe(true);
    expect(incompleteFields({ ...complete, isHouseholder: false, relation: '子', phone: null, invalidFields: ['phone'] })).toEqual(['phone']);
  });

  test('a value contradicting the ID number counts as not valid', () => {
    expect(incompleteFields({ ...complete, invalidFields: ['gender'] })).toEqual(['gender']);
  });

  test('the rate', () => {
    expect(completenessRate([complete, complete, { ...complete, ethnicity: null }, { ...complete, idStatus: 'missing' }])).toEqual({ complete: 2, total: 4, rate: 0.5 });
    expect(completenessRate([])).toEqual({ complete: 0, total: 0, rate: 0 });
  });
});
