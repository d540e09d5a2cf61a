/**
 * household: family sign-up (上云). A resident who accepted the privacy notice claims a
 * household of the imported register (building + room + name + last six characters of the ID,
 * or a one-time code from staff), invites family, leaves; staff issue codes and see the requests
 * of residents whose claim did not match. Failed claims answer one generic message whatever was
 * wrong, so no answer tells whether someone else's details were right.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { ID_CLAIM_SUFFIX_LENGTH, normalizeIdSuffix } from '../privacy';
import { id, instantOutput, pageInput, pageOf, plainString, text } from './common';

export const HOUSEHOLD_CODES = {
  claimFailed: 'HOUSEHOLD_CLAIM_FAILED',
  claimLocked: 'HOUSEHOLD_CLAIM_LOCKED',
  alreadyMember: 'HOUSEHOLD_ALREADY_MEMBER',
  notMember: 'HOUSEHOLD_NOT_MEMBER',
  codeInvalid: 'HOUSEHOLD_CODE_INVALID',
  inviteInvalid: 'HOUSEHOLD_INVITE_INVALID',
} as const;

/** The committee a resident picked in sign-up. */
const chosenCommittee = z.string().min(1, '请选择居委会').max(64, '编号不正确');

export const committeeRef = z.object({ id: z.string(), name: z.string(), street: z.string().nullable() });

export const myHousehold = z.object({
  committee: z.object({ id: z.string(), name: z.string() }),
  building: z.string().nullable(),
  room: z.string().nullable(),
  onCloud: z.boolean(),
  onCloudAt: instantOutput.nullable(),
  verifiedCount: z.number().int(),
  via: z.enum(['claim', 'code', 'invite']),
  /** register members; names masked except the caller's own, never ID or phone */
  members: z.array(z.object({ name: z.string(), relation: z.string().nullable(), isMe: z.boolean(), verified: z.boolean() })),
});
export type MyHousehold = z.infer<typeof myHousehold>;

export const findCommittees = defineAction(
  'household',
  'committees',
  z.object({ q: z.string().trim().min(1, '请输入居委会名称中的字').max(20) }).strict(),
  z.object({ committees: z.array(committeeRef) }),
);

export const claimHousehold = defineAction(
  'household',
  'claim',
  z
    .object({
      committeeId: chosenCommittee,
      building: text('楼号', 64),
      room: text('室号', 32),
      name: text('姓名', 30),
      idSuffix: z
        .string()
        .refine((s) => normalizeIdSuffix(s) !== null, `请填写身份证号码的后${ID_CLAIM_SUFFIX_LENGTH}位（数字，最后一位可能是X）`),
    })
    .strict(),
  myHousehold,
);

export const CLAIM_CODE_LENGTH = 8;
/** No 0/O, 1/I/L: a code read out over the phone or copied from paper is typed right. */
export const CLAIM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const normalizeClaimCode = (raw: string) => raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

export const redeemCode = defineAction(
  'household',
  'redeemCode',
  z
    .object({
      code: z
        .string()
        .transform(normalizeClaimCode)
        .refine((s) => new RegExp(`^[${CLAIM_CODE_ALPHABET}]{${CLAIM_CODE_LENGTH}}$`).test(s), `请填写居委会给您的${CLAIM_CODE_LENGTH}位登记码`),
    })
    .strict(),
  myHousehold,
);

export const requestCheck = defineAction(
  'household',
  'requestCheck',
  z
    .object({
      committeeId: chosenCommittee,
      building: text('楼号', 64),
      room: text('室号', 32),
      name: text('姓名', 30),
      note: plainString('补充说明').max(200, '补充说明不能超过200个字').default(''),
    })
    .strict(),
  z.object({ id: z.string() }),
);

export const myHouseholdQuery = defineAction('household', 'mine', z.object({}).strict(), z.object({ household: myHousehold.nullable() }));

export const createInvite = defineAction('household', 'createInvite', z.object({}).strict(), z.object({ token: z.string(), expiresAt: instantOutput }));

export const INVITE_TOKEN = /^[A-Za-z0-9_-]{22}$/;

export const joinByInvite = defineAction(
  'household',
  'joinByInvite',
  z.object({ token: z.string().trim().regex(INVITE_TOKEN, '邀请链接不完整，请让家人重新分享') }).strict(),
  myHousehold,
);

export const leaveHousehold = defineAction('household', 'leave', z.object({}).strict(), z.object({ left: z.literal(true) }));

/** Staff: a one-time code for a household (户编号 as in the register). */
export const issueCode = defineAction(
  'household',
  'issueCode',
  z.object({ householdId: text('户编号', 64) }).strict(),
  z.object({ code: z.string(), expiresAt: instantOutput, building: z.string().nullable(), room: z.string().nullable() }),
);

export const checkRequestView = z.object({
  id: z.string(),
  building: z.string(),
  room: z.string(),
  name: z.string(),
  note: z.string(),
  status: z.enum(['open', 'resolved']),
  createdAt: instantOutput,
});

/** Staff: residents' requests to check their details, newest first. */
export const listChecks = defineAction(
  'household',
  'listChecks',
  z.object({ status: z.enum(['open', 'resolved']).default('open'), ...pageInput }).strict(),
  pageOf(checkRequestView),
);

export const resolveCheck = defineAction('household', 'resolveCheck', z.object({ id }).strict(), z.object({ resolved: z.literal(true) }));
