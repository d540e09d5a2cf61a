/**
 * What an import stores: households and members without any plain ID number or phone number.
 * The ID survives only as keyed hashes (for matching) and its last four characters (for display),
 * with nothing that encodes the rest (no gender, no birth date); the phone as a
 * mask, a keyed hash, and AES-256-GCM ciphertext that only the server can open. The schemas are
 * strict, so a plain-number field cannot be added to a stored member by accident.
 */
import { z } from 'zod';
import { REGISTER_FIELD_KEYS } from './columns';
import { POLITICAL_STATUSES, RESIDENCE_STATUSES } from './values';

const keyedHash = z.string().regex(/^[0-9a-f]{64}$/);

export const protectedMemberSchema = z
  .object({
    /** the file row it came from, to point staff at the source */
    sourceRow: z.number().int().positive(),
    name: z.string().min(1),
    idStatus: z.enum(['valid', 'legacy15', 'invalid', 'missing']),
    /** HMAC-SHA256 of the normalised 18-character number; null when there is no usable number */
    idHash: keyedHash.nullable(),
    /** HMAC-SHA256 of household id + the number's last six characters, for the sign-up claim */
    idClaimHash: keyedHash.nullable(),
    /**
     * **************1234, for a person to recognise their record. Gender and birth date are not
     * stored: no feature reads them (completeness is decided at import and kept below), and with
     * the last four characters they narrowed the number to a few candidates (docs/register.md).
     */
    idMasked: z.string().nullable(),
    relation: z.string().nullable(),
    isHouseholder: z.boolean(),
    /** 138****5678 */
    phoneMasked: z.string().nullable(),
    /** HMAC-SHA256 of the canonical number, to match the number WeChat reports for a user */
    phoneHash: keyedHash.nullable(),
    /** AES-256-GCM envelope, bound to the household; opened only by an audited server read */
    phoneEnc: z.string().nullable(),
    residenceStatus: z.enum(RESIDENCE_STATUSES).nullable(),
    ethnicity: z.string().nullable(),
    politicalStatus: z.enum(POLITICAL_STATUSES).nullable(),
    complete: z.boolean(),
    incompleteFields: z.array(z.enum(REGISTER_FIELD_KEYS)),
  })
  .strict();
export type ProtectedMember = z.infer<typeof protectedMemberSchema>;

export const protectedHouseholdSchema = z
  .object({
    householdId: z.string().min(1),
    building: z.string().nullable(),
    room: z.string().nullable(),
    grid: z.string().nullable(),
    members: z.array(protectedMemberSchema).min(1),
  })
  .strict();
export type ProtectedHousehold = z.infer<typeof protectedHouseholdSchema>;

export interface ProtectedRegister {
  households: ProtectedHousehold[];
  counts: { households: number; persons: number; completePersons: number };
}
