import {
  birthDateFromIdNumber,
  genderFromIdNumber,
  idCheckCharacter,
  isValidIdNumber,
  normalizeIdNumber,
  normalizeIdSuffix,
  validateIdNumber,
} from '@shared/privacy';

/*
 * Weights of positions 1..17 are 2^(18-pos) mod 11. Powers of 2 mod 11 repeat with period 10
 * (2,4,8,5,10,9,7,3,6,1), so 2^17..2^1 mod 11 = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
 * The check character is "10X98765432"[sum mod 11].
 *
 * A = 31010419900307123?  digits 3 1 0 1 0 4 1 9 9 0 0 3 0 7 1 2 3
 *   21+9+0+5+0+16+2+9+54+0+0+27+0+35+8+8+6 = 200; 200 mod 11 = 2 → 'X'  → 31010419900307123X
 *   (sequence digit 3 is odd → 男; born 1990-03-07)
 * B = 31011520011225046?  digits 3 1 0 1 1 5 2 0 0 1 1 2 2 5 0 4 6
 *   21+9+0+5+8+20+4+0+0+3+7+18+20+25+0+16+12 = 168; 168 mod 11 = 3 → '9'  → 310115200112250469
 *   (6 is even → 女; born 2001-12-25)
 * C = 31010420000229017?  digits 3 1 0 1 0 4 2 0 0 0 0 2 2 9 0 1 7
 *   21+9+0+5+0+16+4+0+0+0+0+18+20+45+0+4+14 = 156; 156 mod 11 = 2 → 'X'  → 31010420000229017X
 *   (2000 is divisible by 400, so 29 February exists)
 * The 15-digit 310104900307123 is A before 1999: insert "19" after the region, append the check.
 */
const A = '31010419900307123X';
const B = '310115200112250469';
const C = '31010420000229017X';
const TODAY = '2025-10-01';

describe('ID number check character (ISO 7064 MOD 11-2)', () => {
  test('matches the hand-computed examples', () => {
    expect(idCheckCharacter('31010419900307123')).toBe('X');
    expect(idCheckCharacter('31011520011225046')).toBe('9');
    expect(idCheckCharacter('31010420000229017')).toBe('X');
  });

  test('accepts the valid numbers and extracts birth date and gender', () => {
    expect(validateIdNumber(A, { today: TODAY })).toEqual({ ok: true, id: A, region: '310104', birthDate: '1990-03-07', gender: '男', upgradedFrom15: false });
    expect(validateIdNumber(B, { today: TODAY })).toMatchObject({ ok: true, birthDate: '2001-12-25', gender: '女' });
    expect(validateIdNumber(C, { today: TODAY })).toMatchObject({ ok: true, birthDate: '2000-02-29', gender: '男' });
    expect(birthDateFromIdNumber(B, { today: TODAY })).toBe('2001-12-25');
    expect(genderFromIdNumber(B, { today: TODAY })).toBe('女');
  });

  test('a lowercase x, surrounding spaces, full-width digits and export wrappers normalise to the same number', () => {
    for (const raw of [' 31010419900307123x ', '３１０１０４１９９００３０７１２３Ｘ', '="31010419900307123X"', "'31010419900307123X"]) {
      expect(normalizeIdNumber(raw)).toBe(A);
      expect(isValidIdNumber(raw, { today: TODAY })).toBe(true);
    }
  });

  test('rejects every wrong check character', () => {
    for (const c of '0123456789') {
      expect(validateIdNumber(`31010419900307123${c}`, { today: TODAY })).toMatchObject({ ok: false, code: 'CHECK_DIGIT', reason: '公民身份号码校验位不正确' });
    }
    expect(validateIdNumber('31011520011225046X', { today: TODAY })).toMatchObject({ ok: false, code: 'CHECK_DIGIT' });
  });

  test('a single changed digit is caught by the check character', () => {
    const changed = `${A.slice(0, 9)}4${A.slice(10)}`; // 1990 → 1994 stays a real date
    expect(validateIdNumber(changed, { today: TODAY })).toMatchObject({ ok: false, code: 'CHECK_DIGIT' });
  });

  test('rejects impossible birth dates even with a matching check character', () => {
    const withCheck = (body: string) => body + idCheckCharacter(body);
    expect(validateIdNumber(withCheck('31010419900230123'), { today: TODAY })).toMatchObject({ ok: false, code: 'BIRTH_DATE' }); // 30 Feb
    expect(validateIdNumber(withCheck('31010419000229123'), { today: TODAY })).toMatchObject({ ok: false, code: 'BIRTH_DATE' }); // 1900 is not a leap year
    expect(validateIdNumber(withCheck('31010419901301123'), { today: TODAY })).toMatchObject({ ok: false, code: 'BIRTH_DATE' }); // month 13
    expect(validateIdNumber(withCheck('31010419900431123'), { today: TODAY })).toMatchObject({ ok: false, code: 'BIRTH_DATE' }); // 31 April
    expect(validateIdNumber(withCheck('31010418991231123'), { today: TODAY })).toMatchObject({ ok: false, code: 'BIRTH_TOO_EARLY' });
    expect(validateIdNumber(withCheck('31010420251002123'), { today: TODAY })).toMatchObject({ ok: false, code: 'BIRTH_FUTURE' });
    expect(validateIdNumber(withCheck('31010420251001123'), { today: TODAY })).toMatchObject({ ok: true }); // born today
  });

  test('rejects a region code outside the province list', () => {
    const withCheck = (body: string) => body + idCheckCharacter(body);
    expect(validateIdNumber(withCheck('99010419900307123'), { today: TODAY })).toMatchObject({ ok: false, code: 'REGION' });
    expect(validateIdNumber(withCheck('31000019900307123'), { today: TODAY })).toMatchObject({ ok: false, code: 'REGION' });
    expect(validateIdNumber(withCheck('81000019900307123'), { today: TODAY })).toMatchObject({ ok: true }); // Hong Kong residence permit
  });

  test('length, characters and spreadsheet corruption have their own reasons', () => {
    expect(validateIdNumber('', { today: TODAY })).toMatchObject({ code: 'EMPTY' });
    expect(validateIdNumber('3101041990030712', { today: TODAY })).toMatchObject({ code: 'LENGTH', reason: '公民身份号码应为18位' });
    expect(validateIdNumber('3101041990030712X3', { today: TODAY })).toMatchObject({ code: 'CHARACTERS' });
    expect(validateIdNumber('3.10104199003071E+17', { today: TODAY })).toMatchObject({ code: 'NUMERIC_CORRUPTED' });
    expect(validateIdNumber('310104199003071000.0', { today: TODAY })).toMatchObject({ code: 'NUMERIC_CORRUPTED' });
  });

  test('15-digit numbers are rejected by default and upgraded on request', () => {
    expect(validateIdNumber('310104900307123', { today: TODAY })).toMatchObject({ ok: false, code: 'LEGACY_15', reason: '15位旧身份证号码已停用，请填写18位公民身份号码' });
    expect(validateIdNumber('310104900307123', { today: TODAY, legacy15: 'upgrade' })).toEqual({
      ok: true,
      id: A,
      region: '310104',
      birthDate: '1990-03-07',
      gender: '男',
      upgradedFrom15: true,
    });
    expect(validateIdNumber('310104900230123', { today: TODAY, legacy15: 'upgrade' })).toMatchObject({ ok: false, code: 'BIRTH_DATE' });
  });

  test('the claim suffix is six characters, X allowed only last', () => {
    expect(normalizeIdSuffix(' 07123x')).toBe('07123X');
    expect(normalizeIdSuffix('7123')).toBeNull();
    expect(normalizeIdSuffix('0X1234')).toBeNull();
  });
});
