/**
 * 党建园地 (party-building corner): staff publish articles, party activities and volunteer calls,
 * correct and take them down; residents of the committee read, like and sign up. Capacity is
 * enforced on the server.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { id, instantInput, instantOutput, pageInput, pageOf, text } from './common';

export const PARTY_KINDS = ['article', 'activity', 'volunteer'] as const;
export const partyKind = z.enum(PARTY_KINDS);
export type PartyKind = z.infer<typeof partyKind>;

/** What each field is called in the staff form, the contract's messages and the server's refusals. */
export const PARTY_FIELD_LABELS = {
  title: '标题',
  body: '正文',
  place: '地点',
  startsAt: '开始时间',
  endsAt: '结束时间',
  signupDeadline: '报名截止时间',
  capacity: '名额',
} as const;
export type PartyField = keyof typeof PARTY_FIELD_LABELS;

const capacity = z.number().int().min(1, '名额至少为1').max(10_000, '名额不能超过10000');
const place = text(PARTY_FIELD_LABELS.place, 120);
const common = { title: text(PARTY_FIELD_LABELS.title, 80), body: text(PARTY_FIELD_LABELS.body, 20_000, 'multi') };

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The order an activity's times must keep: publish checks it on its input, edit on the post as
 * the change would leave it. Each issue names the field to correct.
 */
export function activityTimeIssues(a: { startsAt: Date; endsAt?: Date | null; signupDeadline: Date }): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (a.signupDeadline.getTime() > a.startsAt.getTime()) out.push({ path: 'signupDeadline', message: '报名截止时间不能晚于活动开始时间' });
  if (a.endsAt && a.endsAt.getTime() <= a.startsAt.getTime()) out.push({ path: 'endsAt', message: '结束时间应晚于开始时间' });
  return out;
}

const activityInput = z
  .object({
    kind: z.literal('activity'),
    ...common,
    startsAt: instantInput,
    endsAt: instantInput.optional(),
    place,
    capacity,
    signupDeadline: instantInput,
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const i of activityTimeIssues(a)) ctx.addIssue({ code: 'custom', message: i.message, path: [i.path] });
  });

const volunteerInput = z
  .object({
    kind: z.literal('volunteer'),
    ...common,
    capacity,
    startsAt: instantInput.optional(),
    place: place.optional(),
    signupDeadline: instantInput.optional(),
  })
  .strict();

const articleInput = z.object({ kind: z.literal('article'), ...common }).strict();

export const publishPartyPost = defineAction(
  'content',
  'party.publish',
  z.discriminatedUnion('kind', [articleInput, activityInput, volunteerInput]),
  z.object({ id: z.string() }),
);

/** The fields party.publish takes for each kind (besides `kind`): the only ones party.edit may change. */
const fieldsOf = (o: { shape: Record<string, unknown> }) => Object.keys(o.shape).filter((k): k is PartyField => k in PARTY_FIELD_LABELS);
export const PARTY_FIELDS_BY_KIND: Readonly<Record<PartyKind, readonly PartyField[]>> = {
  article: fieldsOf(articleInput),
  activity: fieldsOf(activityInput),
  volunteer: fieldsOf(volunteerInput),
};

/** A post's time and place: a change to any of them is told to the residents who signed up. */
export const PARTY_SCHEDULE_FIELDS: readonly PartyField[] = ['startsAt', 'endsAt', 'place'];

const editFields = {
  title: common.title.optional(),
  body: common.body.optional(),
  place: place.optional(),
  startsAt: instantInput.optional(),
  endsAt: instantInput.optional(),
  signupDeadline: instantInput.optional(),
  capacity: capacity.optional(),
} satisfies Record<PartyField, z.ZodType>;

/**
 * Staff correct a published post: only what changes is sent, and only fields the post's kind
 * takes at publish (an article: title and body). The post as it would become must still keep
 * the publish rules; 名额 never drops below the residents already signed up (checked in the
 * same transaction as sign-ups). `editedAt` is null only when nothing was ever changed.
 */
export const editPartyPost = defineAction(
  'content',
  'party.edit',
  z
    .object({ id: id, ...editFields })
    .strict()
    .refine((e) => (Object.keys(PARTY_FIELD_LABELS) as PartyField[]).some((k) => e[k] !== undefined), { message: '没有要修改的内容，请至少修改一项' }),
  z.object({ id: z.string(), editedAt: instantOutput.nullable() }),
);

export const partyPostSummary = z.object({
  id: z.string(),
  kind: partyKind,
  title: z.string(),
  publishedAt: instantOutput,
  likeCount: z.number().int(),
  /** activities and volunteer calls; null for articles */
  capacity: z.number().int().nullable(),
  signupCount: z.number().int(),
  startsAt: instantOutput.nullable(),
  place: z.string().nullable(),
  signupDeadline: instantOutput.nullable(),
  likedByMe: z.boolean(),
  signedUpByMe: z.boolean(),
  /** taken down by staff (only staff ever see such a post) */
  withdrawn: z.boolean(),
});

export const listPartyPosts = defineAction(
  'content',
  'party.list',
  z.object({ kind: partyKind.optional(), ...pageInput }).strict(),
  pageOf(partyPostSummary),
);

export const getPartyPost = defineAction(
  'content',
  'party.get',
  z.object({ id: id }).strict(),
  partyPostSummary.extend({
    body: z.string(),
    endsAt: instantOutput.nullable(),
    authorName: z.string(),
    /** whether the caller could sign up now (open, not full, before the deadline) */
    signupOpen: z.boolean(),
    /** when staff last corrected the post (party.edit); null if never */
    editedAt: instantOutput.nullable(),
    /** when its start, end or place last changed; null if never */
    scheduleChangedAt: instantOutput.nullable(),
  }),
);

export const likePartyPost = defineAction(
  'content',
  'party.like',
  z.object({ id: id, liked: z.boolean() }).strict(),
  z.object({ liked: z.boolean(), likeCount: z.number().int() }),
);

export const signUpParty = defineAction(
  'content',
  'party.signup',
  z.object({ id: id }).strict(),
  z.object({ signedUp: z.literal(true), signupCount: z.number().int(), capacity: z.number().int() }),
);

export const cancelPartySignup = defineAction(
  'content',
  'party.cancelSignup',
  z.object({ id: id }).strict(),
  z.object({ signedUp: z.literal(false), signupCount: z.number().int(), capacity: z.number().int() }),
);

export const listPartySignups = defineAction(
  'content',
  'party.signups',
  z
    .object({
      id: id,
      /** full names for the organiser's roll call; the read is written to audit_log */
      reveal: z.boolean().default(false),
      ...pageInput,
    })
    .strict(),
  pageOf(z.object({ name: z.string(), signedUpAt: instantOutput })).extend({ total: z.number().int(), capacity: z.number().int() }),
);

/**
 * Staff take a post down (published by mistake, activity cancelled): residents stop seeing it,
 * nobody can like or sign up any more, and it no longer counts as 党建园地 use. The reason is
 * kept with the post. Taking down twice answers the first time.
 */
export const withdrawPartyPost = defineAction(
  'content',
  'party.withdraw',
  z.object({ id: id, reason: text('撤下原因', 200) }).strict(),
  z.object({ id: z.string(), withdrawnAt: instantOutput }),
);
