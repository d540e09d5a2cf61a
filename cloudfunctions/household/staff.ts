/** Staff side of sign-up: one-time codes for a household, residents' requests to check their details. */
import { randomInt } from 'node:crypto';
import { CLAIM_CODE_ALPHABET, CLAIM_CODE_LENGTH, issueCode, listChecks, resolveCheck } from '@shared/contracts/household';
import type { CheckRequestDoc, ClaimCodeDoc, HouseholdDoc } from '@shared/domain/household';
import { AppError } from '@shared/errors';
import { loadPiiHashKey } from '../_kit/pii';
import { handle } from '../_kit/runtime';
import { committeeStaff } from './access';
import { writeAudit } from './audit';
import { codeDocId } from './claim';
import { householdDocId } from './ids';
import { readOne } from './query';

/** A code is handed over in person or by phone the same day. */
export const CODE_TTL_MS = 24 * 3600 * 1000;
const PAGE = 20;

export const issueCodeHandler = handle(issueCode, async (input, ctx) => {
  const { committeeId, actorId } = committeeStaff(await ctx.principal());
  const household = await readOne<HouseholdDoc>(ctx.db, 'households', householdDocId(committeeId, input.householdId));
  if (!household || !household.inRegister) throw new AppError('NOT_FOUND', '本居委会人口库中没有这个户编号');
  const code = Array.from({ length: CLAIM_CODE_LENGTH }, () => CLAIM_CODE_ALPHABET[randomInt(CLAIM_CODE_ALPHABET.length)]).join('');
  const now = ctx.now();
  const doc: ClaimCodeDoc = { _id: codeDocId(loadPiiHashKey(), code), householdDocId: household._id, committeeId, issuedBy: actorId, issuedAt: now, expiresAt: new Date(now.getTime() + CODE_TTL_MS), usedBy: null, usedAt: null };
  await ctx.db.collection('household_codes').add(doc);
  await writeAudit(ctx.db, { at: now, actorId, action: 'household.code.issued', subjectType: 'household', subjectId: household._id, committeeId });
  return { code, expiresAt: doc.expiresAt.toISOString(), building: household.building, room: household.room };
});

export const listChecksHandler = handle(listChecks, async (input, ctx) => {
  const { committeeId, actorId } = committeeStaff(await ctx.principal());
  const res = await ctx.db.collection('household_checks').where({ committeeId, status: input.status }).orderBy('createdAt', 'desc').orderBy('_id', 'desc').skip(input.page * PAGE).limit(PAGE + 1).get();
  const docs = res.data as CheckRequestDoc[];
  const items = docs.slice(0, PAGE);
  // the requests carry names and addresses residents typed: a staff read is recorded
  if (items.length) await writeAudit(ctx.db, { at: ctx.now(), actorId, action: 'household.checks.read', subjectType: 'household_checks', subjectId: committeeId, committeeId, details: { ids: items.map((d) => d._id) } });
  return {
    items: items.map((d) => ({ id: d._id, building: d.building, room: d.room, name: d.name, note: d.note, status: d.status, createdAt: new Date(d.createdAt).toISOString() })),
    hasMore: docs.length > PAGE,
  };
});

export const resolveCheckHandler = handle(resolveCheck, async (input, ctx) => {
  const { committeeId, actorId } = committeeStaff(await ctx.principal());
  const doc = await readOne<CheckRequestDoc>(ctx.db, 'household_checks', input.id);
  if (!doc || doc.committeeId !== committeeId) throw new AppError('NOT_FOUND');
  await ctx.db.collection('household_checks').doc(doc._id).update({ status: 'resolved', resolvedAt: ctx.now(), resolvedBy: actorId });
  return { resolved: true as const };
});
