/** Staff side of sign-up: one-time codes for a household, residents' requests to check their details. */
import { randomInt } from 'node:crypto';
import { CLAIM_CODE_ALPHABET, CLAIM_CODE_LENGTH, issueCode, listChecks, resolveCheck } from '@shared/contracts/household';
import type { ClaimCodeDoc } from '@shared/domain/household';
import { AppError } from '@shared/errors';
import { committeeStaff } from '../_kit/access';
import { writeAudit } from '../_kit/audit';
import { iso } from '../_kit/iso';
import { loadPiiHashKey } from '../_kit/pii';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { codeDocId } from './claim';
import { householdDocId } from './ids';

/** A code is handed over in person or by phone the same day. */
export const CODE_TTL_MS = 24 * 3600 * 1000;

export const issueCodeHandler = handle(issueCode, async (input, ctx) => {
  const { committeeId, actorId } = await committeeStaff(ctx);
  // the id is derived from the caller's committee: another committee's 户编号 is simply not found
  const household = await collection(ctx.db, 'households').byId(householdDocId(committeeId, input.householdId));
  if (!household || !household.inRegister) throw new AppError('NOT_FOUND', '本居委会人口库中没有这个户编号');
  const code = Array.from({ length: CLAIM_CODE_LENGTH }, () => CLAIM_CODE_ALPHABET[randomInt(CLAIM_CODE_ALPHABET.length)]).join('');
  const now = ctx.now();
  const doc: ClaimCodeDoc = { _id: codeDocId(loadPiiHashKey(), code), householdDocId: household._id, committeeId, issuedBy: actorId, issuedAt: now, expiresAt: new Date(now.getTime() + CODE_TTL_MS), usedBy: null, usedAt: null };
  await collection(ctx.db, 'household_codes').ref.add(doc);
  await writeAudit(ctx.db, { at: now, actorId, action: 'household.code.issued', subjectType: 'household', subjectId: household._id, committeeId });
  return { code, expiresAt: iso(doc.expiresAt), building: household.building, room: household.room };
});

export const listChecksHandler = handle(listChecks, async (input, ctx) => {
  const { committeeId, actorId } = await committeeStaff(ctx);
  const { status, offset, limit } = input;
  const page = await collection(ctx.db, 'household_checks').page((c) => c.where({ committeeId, status }).orderBy('createdAt', 'desc').orderBy('_id', 'desc'), { offset, limit });
  // the requests carry names and addresses residents typed: a staff read is recorded
  if (page.items.length) await writeAudit(ctx.db, { at: ctx.now(), actorId, action: 'household.checks.read', subjectType: 'household_checks', subjectId: committeeId, committeeId, details: { ids: page.items.map((d) => d._id) } });
  return {
    items: page.items.map((d) => ({ id: d._id, building: d.building, room: d.room, name: d.name, note: d.note, status: d.status, createdAt: iso(d.createdAt) })),
    nextOffset: page.nextOffset,
  };
});

export const resolveCheckHandler = handle(resolveCheck, async (input, ctx) => {
  const who = await committeeStaff(ctx);
  const checks = collection(ctx.db, 'household_checks');
  const doc = await checks.byIdIn(input.id, who);
  await checks.ref.doc(doc._id).update({ status: 'resolved', resolvedAt: ctx.now(), resolvedBy: who.actorId });
  return { resolved: true as const };
});
