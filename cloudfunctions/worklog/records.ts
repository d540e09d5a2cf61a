/** 走访, 会议记录 and 活动开展: create one record of the caller's own work. */
import type { z } from 'zod';
import { createActivity, createMeeting, createVisit, type visitInput } from '@shared/contracts/worklog';
import type { VisitFields } from '@shared/domain/worklog';
import { householdKeyOf } from '@shared/worklog/household';
import { committeeStaff } from '../_kit/access';
import { handle } from '../_kit/runtime';
import { createRecord } from './create';
import { toSummary } from './view';

/** The stored 走访 fields: the form as given, plus the household identity it is counted by. */
export function visitBody(input: z.output<typeof visitInput>): VisitFields {
  const { at: _at, ...fields } = input;
  return { ...fields, line: fields.kind === 'line' ? fields.line : null, householdKey: householdKeyOf(fields.building, fields.room) };
}

export const createVisitHandler = handle(createVisit, async (input, ctx) => {
  const who = await committeeStaff(ctx);
  const { record } = await createRecord(ctx, who, 'visit', input.at, visitBody(input));
  return toSummary(record, who.actorId, ctx.now());
});

export const createMeetingHandler = handle(createMeeting, async ({ at, ...meeting }, ctx) => {
  const who = await committeeStaff(ctx);
  const { record } = await createRecord(ctx, who, 'meeting', at, meeting);
  return toSummary(record, who.actorId, ctx.now());
});

export const createActivityHandler = handle(createActivity, async ({ at, ...activity }, ctx) => {
  const who = await committeeStaff(ctx);
  const { record } = await createRecord(ctx, who, 'activity', at, activity);
  return toSummary(record, who.actorId, ctx.now());
});
