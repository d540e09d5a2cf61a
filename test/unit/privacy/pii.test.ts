import { createHmac } from 'node:crypto';
import {
  decryptPii,
  encryptPii,
  hashIdNumber,
  hashPhone,
  idClaimHash,
  idClaimHashOfId,
  loadPiiEncKeys,
  loadPiiHashKey,
  loadPiiKeys,
  PiiConfigError,
  phoneContext,
  revealPhone,
  verifyIdClaim,
  type PiiReadAudit,
} from '../../../cloudfunctions/_kit/pii';

const A = '31010419900307123X'; // check character computed by hand in id-number.test.ts
const HASH_HEX = 'a1'.repeat(32);
const HASH_B64 = Buffer.alloc(40, 7).toString('base64');
const ENC_HEX = '5c'.repeat(32);
const ENC_OTHER = Buffer.alloc(32, 9).toString('base64');
const env = { PII_HASH_KEY: HASH_HEX, PII_ENC_KEY: ENC_HEX };

describe('PII keys from configuration', () => {
  test('an absent key is a clear configuration error', () => {
    expect(() => loadPiiHashKey({})).toThrow(PiiConfigError);
    expect(() => loadPiiHashKey({})).toThrow(/PII_HASH_KEY is not configured/);
    expect(() => loadPiiEncKeys({})).toThrow(/PII_ENC_KEY is not configured/);
  });

  test('keys shorter than 32 bytes, or not base64/hex, are refused', () => {
    expect(() => loadPiiHashKey({ PII_HASH_KEY: Buffer.alloc(31, 1).toString('base64') })).toThrow(/at least 32 random bytes.*got 31 bytes/);
    expect(() => loadPiiHashKey({ PII_HASH_KEY: 'not a key!' })).toThrow(/neither base64 nor hex/);
    expect(() => loadPiiEncKeys({ PII_ENC_KEY: Buffer.alloc(48, 1).toString('base64') })).toThrow(/exactly 32 random bytes/);
  });

  test('hex and base64 are both accepted; a key never serialises its bytes', () => {
    expect(() => loadPiiHashKey({ PII_HASH_KEY: HASH_B64 })).not.toThrow();
    const keys = loadPiiKeys(env);
    expect(JSON.stringify(keys)).not.toContain(HASH_HEX);
    expect(JSON.stringify(keys)).toMatch(/\[key [0-9a-f]{8}\]/);
  });
});

describe('keyed hashes', () => {
  const key = loadPiiHashKey(env);
  const other = loadPiiHashKey({ PII_HASH_KEY: HASH_B64 });

  test('an ID hash is HMAC-SHA256 over the normalised number, stable across spellings', () => {
    const expected = createHmac('sha256', Buffer.from(HASH_HEX, 'hex')).update(`id:v1\u001f${A}`).digest('hex');
    expect(hashIdNumber(key, A)).toBe(expected);
    expect(hashIdNumber(key, ' 31010419900307123x ')).toBe(expected);
    expect(hashIdNumber(key, '310104900307123')).toBe(expected); // the 15-digit form of the same person
  });

  test('depends on the key', () => {
    expect(hashIdNumber(other, A)).not.toBe(hashIdNumber(key, A));
    expect(hashPhone(other, '13812345678')).not.toBe(hashPhone(key, '13812345678'));
  });

  test('an invalid number is refused rather than hashed', () => {
    expect(() => hashIdNumber(key, '310104199003071231')).toThrow('公民身份号码校验位不正确');
  });

  test('phone hashes agree across spellings and differ from ID hashes of the same digits', () => {
    expect(hashPhone(key, '+86 138 1234 5678')).toBe(hashPhone(key, '13812345678'));
    expect(hashPhone(key, 'abc')).toBeNull();
  });

  test('the claim hash binds the household: same suffix, different household, different digest', () => {
    const h1 = idClaimHashOfId(key, 'H001', A);
    expect(h1).toBe(idClaimHash(key, 'H001', '07123x'));
    expect(idClaimHash(key, 'H002', '07123X')).not.toBe(h1);
    expect(h1).not.toBe(hashIdNumber(key, A));
    expect(verifyIdClaim(key, 'H001', '07123X', h1)).toBe(true);
    expect(verifyIdClaim(key, 'H001', ' 07123x', h1)).toBe(true);
    expect(verifyIdClaim(key, 'H001', '071230', h1)).toBe(false);
    expect(verifyIdClaim(key, 'H002', '07123X', h1)).toBe(false);
    expect(verifyIdClaim(key, 'H001', '123X', h1)).toBe(false);
    expect(verifyIdClaim(key, 'H001', '07123X', null)).toBe(false);
    expect(() => idClaimHash(key, 'H001', '123')).toThrow('请填写公民身份号码的后6位');
  });
});

describe('AES-256-GCM envelopes', () => {
  const keys = loadPiiEncKeys(env);

  test('round trip, with a fresh IV each time', () => {
    const a = encryptPii(keys, '13812345678', phoneContext('H001'));
    const b = encryptPii(keys, '13812345678', phoneContext('H001'));
    expect(a).toMatch(/^pii1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(decryptPii(keys, a, phoneContext('H001'))).toBe('13812345678');
    expect(decryptPii(keys, b, phoneContext('H001'))).toBe('13812345678');
  });

  test('any flipped bit of the body fails authentication', () => {
    const env1 = encryptPii(keys, '13812345678', 'ctx');
    const [prefix, kid, body] = env1.split('.') as [string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    for (const at of [0, 12, bytes.length - 1]) {
      const t = Buffer.from(bytes);
      t[at] = (t[at] ?? 0) ^ 1;
      expect(() => decryptPii(keys, `${prefix}.${kid}.${t.toString('base64url')}`, 'ctx')).toThrow(/failed authentication/);
    }
  });

  test('a ciphertext moved to another household does not open', () => {
    const sealed = encryptPii(keys, '13812345678', phoneContext('H001'));
    expect(() => decryptPii(keys, sealed, phoneContext('H002'))).toThrow(/failed authentication/);
  });

  test('the previous key still opens old envelopes during a rotation; an unknown key is named', () => {
    const old = encryptPii(loadPiiEncKeys({ PII_ENC_KEY: ENC_OTHER }), '021-62345678', 'ctx');
    const rotated = loadPiiEncKeys({ PII_ENC_KEY: ENC_HEX, PII_ENC_KEY_PREVIOUS: ENC_OTHER });
    expect(decryptPii(rotated, old, 'ctx')).toBe('021-62345678');
    expect(() => decryptPii(keys, old, 'ctx')).toThrow(PiiConfigError);
    expect(() => decryptPii(keys, 'garbage', 'ctx')).toThrow(/not a pii1 envelope/);
  });

  test('revealing a phone writes the audit entry first, and not at all without a reason', async () => {
    const phoneEnc = encryptPii(keys, '13812345678', phoneContext('H001'));
    const entries: PiiReadAudit[] = [];
    const audit = async (e: PiiReadAudit) => {
      entries.push(e);
    };
    await expect(revealPhone({ keys, householdId: 'H001', member: { phoneEnc, sourceRow: 5 }, actor: 'staff-1', reason: '走访联系', audit })).resolves.toBe('13812345678');
    expect(entries).toEqual([{ field: 'phone', householdId: 'H001', sourceRow: 5, actor: 'staff-1', reason: '走访联系' }]);
    await expect(revealPhone({ keys, householdId: 'H001', member: { phoneEnc, sourceRow: 5 }, actor: 'staff-1', reason: ' ', audit })).rejects.toThrow('查看联系电话需要说明事由');
    const failing = async () => {
      throw new Error('audit store down');
    };
    await expect(revealPhone({ keys, householdId: 'H001', member: { phoneEnc, sourceRow: 5 }, actor: 'staff-1', reason: '走访', audit: failing })).rejects.toThrow('audit store down');
    expect(entries).toHaveLength(1);
  });
});
