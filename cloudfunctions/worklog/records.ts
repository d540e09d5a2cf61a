/** 走访, 会议记录 and 活动开展: create one record of the caller's own work. */
import type { z } from 'zod';
import { createActivity, createMeeting, createVisit, type visitInput } from '@shared/contracts/worklog';
import type { VisitFields } from '@shared/domain/worklog';
import { householdKeyOf } from '@shared/worklog/household';
import { handle } from '../_kit/runtime';
import { committeeMember } from '../_kit/committee-access';
import { createRecord } from './create';
import { toSummary } from './view';

/** The stored 走访 fields: the form as given, plus the household identity it is counted by. */
export function visitBody(input: z.output<typeof visitInput>): VisitFields {
  const { at: _at, ...fields } = input;
  return { ...fields, line: fields.kind === 'line' ? fields.line : null, householdKey: householdKeyOf(fields.building, fields.room) };
}

export const createVisitHandler = handle(createVisit, async (input, ctx) => {
  const m = await committeeMember(ctx);
  const { record } = await createRecord(ctx, m, 'visit', input.at, visitBody(input));
  return toSummary(record, m.staff._id, ctx.now());
});

export const createMeetingHandler = handle(createMeeting, async ({ at, ...meeting }, ctx) => {
  const m = await committeeMember(ctx);
  const { record } = await createRecord(ctx, m, 'meeting', at, meeting);
  return toSummary(record, m.staff._id, ctx.now());
});

export const createActivityHandler = handle(createActivity, async ({ at, ...activity }, ctx) => {
  const m = await committeeMember(ctx);
  const { record } = await createRecord(ctx, m, 'activity', at, activity);
  return toSummary(record, m.staff._id, ctx.now());
});
