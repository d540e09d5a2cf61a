/**
 * 党建园地 (party-building corner): staff publish articles, party activities and volunteer calls;
 * residents of the committee read, like and sign up. Capacity is enforced on the server.
 */
import { z } from 'zod';
import { defineAction } from '../contract';
import { contentId, instantInput, instantOutput, pageInput, pageOf, text } from './content-common';

export const PARTY_KINDS = ['article', 'activity', 'volunteer'] as const;
export const partyKind = z.enum(PARTY_KINDS);
export type PartyKind = z.infer<typeof partyKind>;

const capacity = z.number().int().min(1, '名额至少为1').max(10_000, '名额不能超过10000');
const common = { title: text(80, '标题'), body: text(20_000, '正文') };

const activityInput = z
  .object({
    kind: z.literal('activity'),
    ...common,
    startsAt: instantInput,
    endsAt: instantInput.optional(),
    place: text(120, '地点'),
    capacity,
    signupDeadline: instantInput,
  })
  .strict()
  .refine((a) => a.signupDeadline.getTime() <= a.startsAt.getTime(), { message: '报名截止时间不能晚于活动开始时间', path: ['signupDeadline'] })
  .refine((a) => !a.endsAt || a.endsAt.getTime() > a.startsAt.getTime(), { message: '结束时间应晚于开始时间', path: ['endsAt'] });

const volunteerInput = z
  .object({
    kind: z.literal('volunteer'),
    ...common,
    capacity,
    startsAt: instantInput.optional(),
    place: text(120, '地点').optional(),
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
  z.object({ id: contentId }).strict(),
  partyPostSummary.extend({
    body: z.string(),
    endsAt: instantOutput.nullable(),
    authorName: z.string(),
    /** whether the caller could sign up now (open, not full, before the deadline) */
    signupOpen: z.boolean(),
  }),
);

export const likePartyPost = defineAction(
  'content',
  'party.like',
  z.object({ id: contentId, liked: z.boolean() }).strict(),
  z.object({ liked: z.boolean(), likeCount: z.number().int() }),
);

export const signUpParty = defineAction(
  'content',
  'party.signup',
  z.object({ id: contentId }).strict(),
  z.object({ signedUp: z.literal(true), signupCount: z.number().int(), capacity: z.number().int() }),
);

export const cancelPartySignup = defineAction(
  'content',
  'party.cancelSignup',
  z.object({ id: contentId }).strict(),
  z.object({ signedUp: z.literal(false), signupCount: z.number().int(), capacity: z.number().int() }),
);

export const listPartySignups = defineAction(
  'content',
  'party.signups',
  z
    .object({
      id: contentId,
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
  z.object({ id: contentId, reason: text(200, '撤下原因') }).strict(),
  z.object({ id: z.string(), withdrawnAt: instantOutput }),
);
