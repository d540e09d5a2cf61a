/**
 * household.claim, redeemCode, requestCheck: a consented resident proves a household.
 * Wrong building, room, name or ID digits all answer the same HOUSEHOLD_CLAIM_FAILED, and every
 * failure counts against the resident and the typed address (attempts.ts).
 */
import { createHmac } from 'node:crypto';
import { claimHousehold, HOUSEHOLD_CODES, redeemCode, requestCheck } from '@shared/contracts/household';
import { normalizeClaimName, type HouseholdDoc, type PersonDoc } from '@shared/domain/household';
import { placeKey } from '@shared/register/values';
import { AppError } from '@shared/errors';
import { consentedUser } from '../_kit/access';
import { insertOnce, recordId } from '../_kit/idempotent';
import { loadPiiHashKey, verifyIdClaim, type PiiHashKey } from '../_kit/pii';
import { handle, type ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { addressKey, assertNotLocked, recordFailure, residentKey } from './attempts';
import { joinError, joinHousehold, membershipOf } from './membership';
import { activePersons, joinedHouseholdView } from './view';

const claimFailed = () =>
  new AppError(HOUSEHOLD_CODES.claimFailed, '没有找到相符的登记信息。请核对楼号、室号、姓名和身份证号后六位；确认无误的，可以点「请居委会核对」。');
const codeInvalid = () => new AppError(HOUSEHOLD_CODES.codeInvalid, '登记码不正确或已失效，请核对，或向居委会重新领取');

/** The keyed id of a one-time code: a copied database does not reveal live codes. */
export function codeDocId(key: PiiHashKey, code: string): string {
  return `code_${createHmac('sha256', key.bytes()).update(`claim-code:v1\u001f${code}`).digest('hex').slice(0, 40)}`;
}

async function fail(ctx: ActionContext, keys: string[], error: AppError): Promise<never> {
  throw (await recordFailure(ctx.db, keys, ctx.now())) ?? error;
}

async function requireNotMember(ctx: ActionContext, openid: string) {
  if (await membershipOf(ctx.db, openid)) throw joinError('already_member', claimFailed);
}

export const claimHandler = handle(claimHousehold, async (input, ctx) => {
  const user = await consentedUser(ctx);
  const now = ctx.now();
  const place = placeKey(input.building, input.room);
  const keys = [residentKey(user.openid), addressKey(input.committeeId, place)];
  await assertNotLocked(ctx.db, keys, now);
  await requireNotMember(ctx, user.openid);

  const hashKey = loadPiiHashKey();
  const households = await collection(ctx.db, 'households').all((c) => c.where({ committeeId: input.committeeId, placeKey: place, inRegister: true }).orderBy('_id', 'asc'));
  const name = normalizeClaimName(input.name);
  let match: { household: HouseholdDoc; person: PersonDoc } | null = null;
  for (const household of households) {
    const persons = await activePersons(ctx.db, household._id);
    // every candidate is checked with the same work, so timing does not single out the right name
    for (const person of persons) {
      const ok = verifyIdClaim(hashKey, household.householdId, input.idSuffix, person.idClaimHash) && normalizeClaimName(person.name) === name;
      if (ok && !match) match = { household, person };
    }
  }
  if (!match) return fail(ctx, keys, claimFailed());
  const outcome = await joinHousehold(ctx.db, { user, householdDocId: match.household._id, via: 'claim', personId: match.person._id, ticket: null, now });
  if (outcome === 'already_member') throw joinError(outcome, claimFailed);
  // someone else holds this person: the same answer as a wrong detail
  if (outcome !== 'joined') return fail(ctx, keys, claimFailed());
  return joinedHouseholdView(ctx.db, user.openid);
});

export const redeemCodeHandler = handle(redeemCode, async (input, ctx) => {
  const user = await consentedUser(ctx);
  const now = ctx.now();
  const keys = [residentKey(user.openid)];
  await assertNotLocked(ctx.db, keys, now);
  await requireNotMember(ctx, user.openid);
  const id = codeDocId(loadPiiHashKey(), input.code);
  const code = await collection(ctx.db, 'household_codes').byId(id);
  if (!code || code.usedBy || new Date(code.expiresAt) <= now) return fail(ctx, keys, codeInvalid());
  const outcome = await joinHousehold(ctx.db, { user, householdDocId: code.householdDocId, via: 'code', personId: null, ticket: { collection: 'household_codes', id }, now });
  if (outcome === 'already_member') throw joinError(outcome, codeInvalid);
  if (outcome !== 'joined') return fail(ctx, keys, codeInvalid());
  return joinedHouseholdView(ctx.db, user.openid);
});

/** At most this many open requests per resident: enough for a family, not a way to flood staff. */
const MAX_OPEN_CHECKS = 3;

export const requestCheckHandler = handle(requestCheck, async (input, ctx) => {
  const user = await consentedUser(ctx);
  if (!(await collection(ctx.db, 'committees').byId(input.committeeId))) throw new AppError('NOT_FOUND', '没有找到这个居委会');
  const open = await collection(ctx.db, 'household_checks').count({ openid: user.openid, status: 'open' });
  if (open >= MAX_OPEN_CHECKS) throw new AppError('RATE_LIMITED', '您已提交过核对请求，居委会工作人员会尽快联系您');
  const id = recordId(ctx, 'household-check');
  await insertOnce(ctx, 'household_checks', id, {
    committeeId: input.committeeId,
    openid: user.openid,
    building: input.building,
    room: input.room,
    name: input.name,
    note: input.note,
    status: 'open',
    createdAt: ctx.now(),
    resolvedAt: null,
    resolvedBy: null,
  });
  return { id };
});
