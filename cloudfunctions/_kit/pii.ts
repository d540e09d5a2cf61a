/**
 * Personal-data protection on the server (Node crypto): keyed hashes for matching, AES-256-GCM
 * for the one value staff must be able to read back (the phone), and the `protect` step that
 * turns a validated register into what is stored. Plain ID numbers are never stored or logged.
 *
 * Keys come from configuration, never from code or the database:
 * - PII_HASH_KEY: ≥ 32 random bytes, base64 or hex. Keys every hash. Rotating it invalidates
 *   every stored hash, and the plain numbers are not kept, so a rotation means re-importing the
 *   register from a fresh download.
 * - PII_ENC_KEY: exactly 32 random bytes, base64 or hex. PII_ENC_KEY_PREVIOUS (optional) keeps
 *   old ciphertext readable during a rotation; every envelope names the key that sealed it.
 * Generate either with `openssl rand -base64 32`.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { maskIdNumber, maskPhone, normalizeIdNumber, normalizeIdSuffix, normalizePhone, validateIdNumber, ID_CLAIM_SUFFIX_LENGTH } from '@shared/privacy';
import type { ProtectedHousehold, ProtectedMember, ProtectedRegister } from '@shared/register/protected';
import type { RegisterPerson, RegisterValidation } from '@shared/register/validate';

/** A deployment mistake, not something a user caused: the message tells the operator what to set. */
export class PiiConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PiiConfigError';
  }
}

/** Key material in a private field, so a logged or serialised key object shows nothing. */
class SecretKey {
  readonly #bytes: Buffer;
  /** a short fingerprint naming the key in envelopes (reveals nothing usable about it) */
  readonly kid: string;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
    this.kid = createHash('sha256').update('pii-kid\u001f').update(bytes).digest('hex').slice(0, 8);
  }
  bytes(): Buffer {
    return this.#bytes;
  }
  toJSON(): string {
    return `[key ${this.kid}]`;
  }
}

export type PiiHashKey = SecretKey;
export interface PiiEncKeys {
  current: SecretKey;
  previous: SecretKey | null;
}
export interface PiiKeys {
  hash: PiiHashKey;
  enc: PiiEncKeys;
}

const HOW_TO = 'generate one with `openssl rand -base64 32`';

function decodeKey(text: string): Buffer | null {
  const s = text.trim();
  if (/^[0-9a-fA-F]+$/.test(s) && s.length % 2 === 0 && s.length >= 64) return Buffer.from(s, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return Buffer.from(s, s.includes('-') || s.includes('_') ? 'base64url' : 'base64');
  return null;
}

function keySchema(name: string, check: (n: number) => boolean, expect: string) {
  return z
    .string({ error: `${name} is not configured: set it to ${expect} (base64 or hex); ${HOW_TO}` })
    .transform((text, ctx) => {
      const bytes = decodeKey(text);
      if (!bytes || !check(bytes.length)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be ${expect}, base64 or hex encoded (got ${bytes ? `${bytes.length} bytes` : 'neither base64 nor hex'}); ${HOW_TO}` });
        return z.NEVER;
      }
      return new SecretKey(bytes);
    });
}

const hashEnv = z.object({ PII_HASH_KEY: keySchema('PII_HASH_KEY', (n) => n >= 32, 'at least 32 random bytes') });
const encEnv = z.object({
  PII_ENC_KEY: keySchema('PII_ENC_KEY', (n) => n === 32, 'exactly 32 random bytes'),
  PII_ENC_KEY_PREVIOUS: keySchema('PII_ENC_KEY_PREVIOUS', (n) => n === 32, 'exactly 32 random bytes').optional(),
});

type Env = Record<string, string | undefined>;

function parseEnv<T extends z.ZodType>(schema: T, env: Env): z.output<T> {
  const r = schema.safeParse(env);
  if (!r.success) throw new PiiConfigError(r.error.issues.map((i) => i.message).join('; '));
  return r.data;
}

export function loadPiiHashKey(env: Env = process.env): PiiHashKey {
  return parseEnv(hashEnv, env).PII_HASH_KEY;
}

export function loadPiiEncKeys(env: Env = process.env): PiiEncKeys {
  const e = parseEnv(encEnv, env);
  return { current: e.PII_ENC_KEY, previous: e.PII_ENC_KEY_PREVIOUS ?? null };
}

export function loadPiiKeys(env: Env = process.env): PiiKeys {
  return { hash: loadPiiHashKey(env), enc: loadPiiEncKeys(env) };
}

/** Domain-separated HMAC: the same key never yields the same digest for two purposes. */
function keyedHash(key: PiiHashKey, purpose: string, ...parts: string[]): string {
  const h = createHmac('sha256', key.bytes());
  h.update(`${purpose}\u001f${parts.join('\u001f')}`, 'utf8');
  return h.digest('hex');
}

/**
 * The matching hash of an ID number: over the normalised 18-character form (trimmed, full-width
 * folded, uppercase X; a 15-digit number upgraded), so every way of writing one number agrees.
 * Throws INVALID_INPUT with the Chinese reason for a number that is not valid.
 */
export function hashIdNumber(key: PiiHashKey, raw: string): string {
  const r = validateIdNumber(raw, { legacy15: 'upgrade' });
  if (!r.ok) throw new AppError('INVALID_INPUT', r.reason);
  return keyedHash(key, 'id:v1', r.id);
}

/**
 * The sign-up claim: a resident gives building/room, name and the last six characters of their
 * ID number. We store HMAC(key, household id + those six characters), not the characters:
 * - without the key a stolen database cannot be brute-forced (six characters are only about
 *   thirty thousand possibilities, a plain hash would fall in milliseconds);
 * - binding the household id means equal suffixes in different households (common across a city)
 *   give unrelated digests, so the digest neither links persons nor can be replayed elsewhere;
 * - the full-ID hash cannot serve: the server never learns the full number at sign-up.
 * The name is compared in plain text (it is stored for staff anyway).
 */
export function idClaimHash(key: PiiHashKey, householdId: string, suffix: string): string {
  const s = normalizeIdSuffix(suffix);
  if (!s) throw new AppError('INVALID_INPUT', `请填写公民身份号码的后${ID_CLAIM_SUFFIX_LENGTH}位`);
  return keyedHash(key, 'id-claim:v1', householdId, s);
}

/** The claim hash of a full number (at import time). */
export function idClaimHashOfId(key: PiiHashKey, householdId: string, id18: string): string {
  return idClaimHash(key, householdId, normalizeIdNumber(id18).slice(-ID_CLAIM_SUFFIX_LENGTH));
}

/** Does a typed suffix match the stored claim hash? Constant-time; a malformed suffix is simply no match. */
export function verifyIdClaim(key: PiiHashKey, householdId: string, typedSuffix: string, stored: string | null): boolean {
  if (!stored || !normalizeIdSuffix(typedSuffix)) return false;
  const a = Buffer.from(idClaimHash(key, householdId, typedSuffix), 'hex');
  const b = Buffer.from(stored, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The matching hash of a phone number (mobile or landline, canonical digits), or null when it is not one. */
export function hashPhone(key: PiiHashKey, raw: string): string | null {
  const p = normalizePhone(raw);
  return p ? keyedHash(key, 'phone:v1', p.value) : null;
}

const ENVELOPE = /^pii1\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random 96-bit IV. `context` is authenticated, not stored: a ciphertext
 * copied to another record (another household) fails to open. Format: pii1.<kid>.<base64url(iv‖ct‖tag)>.
 */
export function encryptPii(keys: PiiEncKeys, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current.bytes(), iv);
  cipher.setAAD(Buffer.from(`pii1\u001f${context}`, 'utf8'));
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `pii1.${keys.current.kid}.${body.toString('base64url')}`;
}

/** Opens an envelope; throws PiiConfigError for an unknown key and an Error for tampered data or a wrong context. */
export function decryptPii(keys: PiiEncKeys, envelope: string, context: string): string {
  const m = ENVELOPE.exec(envelope);
  if (!m) throw new Error('not a pii1 envelope');
  const key = [keys.current, keys.previous].find((k) => k?.kid === m[1]);
  if (!key) throw new PiiConfigError(`the envelope was sealed with key ${m[1]}, which is neither PII_ENC_KEY nor PII_ENC_KEY_PREVIOUS`);
  const body = Buffer.from(m[2] ?? '', 'base64url');
  if (body.length < IV_BYTES + TAG_BYTES) throw new Error('pii1 envelope too short');
  const decipher = createDecipheriv('aes-256-gcm', key.bytes(), body.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`pii1\u001f${context}`, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('pii1 envelope failed authentication (tampered, or opened with the wrong context)');
  }
}

/** The context a member's phone ciphertext is bound to. */
export function phoneContext(householdId: string): string {
  return `phone\u001f${householdId}`;
}

/** An audit entry for one read of a protected value; it holds no personal data itself. */
export interface PiiReadAudit {
  field: 'phone';
  householdId: string;
  sourceRow: number;
  actor: string;
  reason: string;
}

/**
 * The only way to read a stored phone back: the audit entry is written first (awaited), so a
 * read that cannot be recorded does not happen.
 */
export async function revealPhone(args: {
  keys: PiiEncKeys;
  householdId: string;
  member: Pick<ProtectedMember, 'phoneEnc' | 'sourceRow'>;
  actor: string;
  reason: string;
  audit: (entry: PiiReadAudit) => Promise<void>;
}): Promise<string | null> {
  if (!args.member.phoneEnc) return null;
  if (!args.actor || !args.reason.trim()) throw new AppError('INVALID_INPUT', '查看联系电话需要说明事由');
  await args.audit({ field: 'phone', householdId: args.householdId, sourceRow: args.member.sourceRow, actor: args.actor, reason: args.reason.trim() });
  return decryptPii(args.keys, args.member.phoneEnc, phoneContext(args.householdId));
}

function protectMember(keys: PiiKeys, householdId: string, p: RegisterPerson): ProtectedMember {
  const usable = p.idNumber !== null;
  return {
    sourceRow: p.row,
    name: p.name,
    idStatus: p.idStatus,
    idHash: usable ? keyedHash(keys.hash, 'id:v1', p.idNumber!) : null,
    idClaimHash: usable ? idClaimHashOfId(keys.hash, householdId, p.idNumber!) : null,
    idMasked: usable ? maskIdNumber(p.idNumber!) : p.idRaw ? maskIdNumber(p.idRaw) : null,
    relation: p.relation,
    isHouseholder: p.isHouseholder,
    phoneMasked: p.phone ? maskPhone(p.phone.value) : null,
    phoneHash: p.phone ? keyedHash(keys.hash, 'phone:v1', p.phone.value) : null,
    phoneEnc: p.phone ? encryptPii(keys.enc, p.phone.value, phoneContext(householdId)) : null,
    residenceStatus: p.residenceStatus,
    ethnicity: p.ethnicity,
    politicalStatus: p.politicalStatus,
    complete: p.incompleteFields.length === 0,
    incompleteFields: [...p.incompleteFields],
  };
}

/**
 * The protect step: a validated register becomes stored households. Refuses a register with
 * errors (REGISTER_INVALID, the first errors in `details`), so nothing is imported half-way.
 */
export function protectRegister(v: RegisterValidation, keys: PiiKeys): ProtectedRegister {
  if (!v.ok) {
    const errors = v.issues.filter((i) => i.severity === 'error');
    throw new AppError('REGISTER_INVALID', `人口库文件有 ${v.counts.errors} 处错误，请修正后重新导入`, { errors: errors.slice(0, 50) });
  }
  const households: ProtectedHousehold[] = v.households.map((h) => ({
    householdId: h.householdId,
    building: h.building,
    room: h.room,
    grid: h.grid,
    members: h.members.map((m) => protectMember(keys, h.householdId, m)),
  }));
  const persons = households.reduce((n, h) => n + h.members.length, 0);
  const completePersons = households.reduce((n, h) => n + h.members.filter((m) => m.complete).length, 0);
  return { households, counts: { households: households.length, persons, completePersons } };
}
