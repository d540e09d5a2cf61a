import { isMainlandMobile, maskIdNumber, maskName, maskPhone, normalizeMobile, normalizePhone } from '@shared/privacy';

describe('masks', () => {
  test('ID numbers keep only the last 4 characters and their length', () => {
    expect(maskIdNumber('310104199003071234')).toBe('**************1234');
    expect(maskIdNumber('31010419900307123X')).toBe('**************123X');
    expect(maskIdNumber('31010419900307123X')).toHaveLength(18);
    expect(maskIdNumber('310104900307123')).toBe('***********7123');
    expect(maskIdNumber('12345')).toBe('*****');
    // a mask of the old form (first 3 kept) becomes the new one: stored masks can be rewritten
    expect(maskIdNumber('310***********1234')).toBe('**************1234');
  });

  test('phones: 138****5678 for mobiles, last four for short numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02162345678')).toBe('021****5678');
    expect(maskPhone('62345678')).toBe('****5678');
    expect(maskPhone('123')).toBe('***');
  });

  test('names keep the surname, compound surnames whole', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('欧阳')).toBe('欧*'); // a two-character name is surname + given name
    expect(maskName('司马光')).toBe('司马*');
    expect(maskName('张')).toBe('*');
    expect(maskName(' 李四 ')).toBe('李*');
  });
});

describe('phone numbers', () => {
  test('mainland mobiles, with common prefixes and separators', () => {
    expect(isMainlandMobile('13812345678')).toBe(true);
    expect(isMainlandMobile('199 1234 5678')).toBe(true);
    expect(normalizeMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizeMobile('008613812345678')).toBe('13812345678');
    expect(normalizeMobile('8613812345678')).toBe('13812345678');
    expect(normalizeMobile('１３８１２３４５６７８')).toBe('13812345678');
    expect(isMainlandMobile('12812345678')).toBe(false); // no 12x network
    expect(isMainlandMobile('1381234567')).toBe(false);
    expect(isMainlandMobile('138123456789')).toBe(false);
    expect(isMainlandMobile('23812345678')).toBe(false);
  });

  test('landlines: area code + local number, bare 8 digits read as Shanghai', () => {
    expect(normalizePhone('021-62345678')).toEqual({ kind: 'landline', value: '02162345678' });
    expect(normalizePhone('(010)82345678')).toEqual({ kind: 'landline', value: '01082345678' });
    expect(normalizePhone('0512-6234567')).toEqual({ kind: 'landline', value: '05126234567' });
    expect(normalizePhone('62345678')).toEqual({ kind: 'landline', value: '02162345678' });
    expect(normalizePhone('13812345678')).toEqual({ kind: 'mobile', value: '13812345678' });
    expect(normalizePhone('021-0234567')).toBeNull();
    expect(normalizePhone('1381234')).toBeNull();
  });
});
