/**
 * 首问接待: the staff member records a reception; it counts only once the resident confirms it —
 * by scanning the one-time QR token in their own mini-program (confirmReception), or by a
 * signature drawn on the staff device (signReception). Seed 004 附件三: 由来询居民签字确认.
 */
import {
  confirmReception,
  createReception,
  previewReception,
  renewReceptionToken,
  signReception,
} from '@shared/contracts/worklog';
import type { ReceptionFields, WorkRecordDoc } from '@shared/domain/worklog';
import { AppError } from '@shared/errors';
import { committeeStaff, signedIn, type StaffCaller } from '../_kit/access';
import { iso } from '../_kit/iso';
import type { ActionContext } from '../_kit/runtime';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';
import { createRecord } from './create';
import { hashToken, newToken } from './reception-token';
import { toSummary } from './view';

type ReceptionDoc = Extract<WorkRecordDoc, { type: 'reception' }>;
const C = 'reception.confirmation';

/** Issues a fresh token for a pending reception; any earlier token stops working. */
async function issueToken(ctx: ActionContext, who: StaffCaller, doc: ReceptionDoc) {
  if (doc.reception.confirmation.status === 'confirmed') return { record: toSummary(doc, who.actorId, ctx.now()), token: null, expiresAt: null };
  const t = newToken(ctx.now());
  const res = await collection(ctx.db, 'worklog_records').ref
    .where({ _id: doc._id, [`${C}.status`]: 'pending' })
    .update({ [`${C}.tokenHash`]: t.hash, [`${C}.tokenExpiresAt`]: t.expiresAt });
  if (res.updated !== 1) throw new AppError('RECEPTION_ALREADY_CONFIRMED', '居民已确认此次接待');
  return { record: toSummary(doc, who.actorId, ctx.now()), token: t.token, expiresAt: iso(t.expiresAt) };
}

export const createReceptionHandler = handle(createReception, async ({ at, ...fields }, ctx) => {
  const who = await committeeStaff(ctx);
  const t = newToken(ctx.now());
  const body: ReceptionFields = {
    ...fields,
    confirmation: { status: 'pending', tokenHash: t.hash, tokenExpiresAt: t.expiresAt, method: null, confirmedAt: null, confirmedByOpenid: null, signatureFileId: null, signerName: null, capturedBy: null },
  };
  const { record, created } = await createRecord(ctx, who, 'reception', at, body);
  // a retry never showed the first token to anyone: issue a fresh one for the stored record
  if (!created) return issueToken(ctx, who, record);
  return { record: toSummary(record, who.actorId, ctx.now()), token: t.token, expiresAt: iso(t.expiresAt) };
});

async function ownPendingReception(ctx: ActionContext, who: StaffCaller, recordId: string): Promise<ReceptionDoc> {
  const doc = await collection(ctx.db, 'worklog_records').byIdIn(recordId, who);
  if (doc.type !== 'reception' || doc.removedAt) throw new AppError('NOT_FOUND');
  if (doc.staffId !== who.actorId) throw new AppError('FORBIDDEN', '只能处理本人记录的接待');
  return doc;
}

export const renewReceptionTokenHandler = handle(renewReceptionToken, async ({ recordId }, ctx) => {
  const who = await committeeStaff(ctx);
  const doc = await ownPendingReception(ctx, who, recordId);
  if (doc.reception.confirmation.status === 'confirmed') throw new AppError('RECEPTION_ALREADY_CONFIRMED', '居民已确认此次接待');
  return issueToken(ctx, who, doc);
});

export const signReceptionHandler = handle(signReception, async ({ recordId, signatureFileId, signerName }, ctx) => {
  const who = await committeeStaff(ctx);
  const doc = await ownPendingReception(ctx, who, recordId);
  const now = ctx.now();
  const c = doc.reception.confirmation;
  // the same signature sent again (a retry) is a success, anything else on a confirmed reception is not
  if (c.status === 'confirmed') {
    if (c.method === 'signature' && c.signatureFileId === signatureFileId) return toSummary(doc, who.actorId, now);
    throw new AppError('RECEPTION_ALREADY_CONFIRMED', '居民已确认此次接待');
  }
  const confirmation = { ...c, status: 'confirmed' as const, method: 'signature' as const, confirmedAt: now, signatureFileId, signerName, capturedBy: who.actorId, tokenExpiresAt: null };
  const res = await collection(ctx.db, 'worklog_records').ref
    .where({ _id: doc._id, [`${C}.status`]: 'pending' })
    .update({ [`${C}.status`]: 'confirmed', [`${C}.method`]: 'signature', [`${C}.confirmedAt`]: now, [`${C}.signatureFileId`]: signatureFileId, [`${C}.signerName`]: signerName, [`${C}.capturedBy`]: who.actorId, [`${C}.tokenExpiresAt`]: null, updatedAt: now });
  if (res.updated !== 1) throw new AppError('RECEPTION_ALREADY_CONFIRMED', '居民已确认此次接待');
  return toSummary({ ...doc, reception: { ...doc.reception, confirmation } }, who.actorId, now);
});

// ── the resident's side ─────────────────────────────────────────────────────

/** The reception a scanned token addresses, after checking who scans and that the token is live. */
async function receptionByToken(ctx: ActionContext, token: string): Promise<{ doc: ReceptionDoc; openid: string }> {
  const p = await signedIn(ctx);
  const doc = await collection(ctx.db, 'worklog_records').first({ [`${C}.tokenHash`]: hashToken(token) });
  if (!doc || doc.type !== 'reception' || doc.removedAt) throw new AppError('RECEPTION_TOKEN_INVALID', '二维码无效，请让工作人员重新出示');
  // a committee's own staff cannot vouch for its receptions
  if (p.staff?.committeeId === doc.committeeId) throw new AppError('RECEPTION_STAFF_CANNOT_CONFIRM', '工作人员不能确认本居委会的接待记录');
  // the confirmer's OPENID is stored: only someone who accepted the privacy notice
  if (!p.user?.consent) throw new AppError('UNAUTHENTICATED', '请先登录并同意隐私说明后再确认');
  const c = doc.reception.confirmation;
  if (c.status === 'confirmed') throw new AppError('RECEPTION_TOKEN_USED', '此二维码已使用，接待已确认');
  if (!c.tokenExpiresAt || ctx.now().getTime() >= c.tokenExpiresAt.getTime()) throw new AppError('RECEPTION_TOKEN_EXPIRED', '二维码已过期，请让工作人员刷新后再扫');
  return { doc, openid: p.openid };
}

async function forResident(ctx: ActionContext, doc: ReceptionDoc, confirmed: boolean) {
  const committee = await collection(ctx.db, 'committees').byId(doc.committeeId);
  const r = doc.reception;
  return { committeeName: committee?.name ?? null, staffName: doc.staffName, at: iso(doc.at), category: r.category, matter: r.matter, outcome: r.outcome, confirmed };
}

export const previewReceptionHandler = handle(previewReception, async ({ token }, ctx) => {
  const { doc } = await receptionByToken(ctx, token);
  return forResident(ctx, doc, false);
});

export const confirmReceptionHandler = handle(confirmReception, async ({ token }, ctx) => {
  const { doc, openid } = await receptionByToken(ctx, token);
  const now = ctx.now();
  // single use: only the update that still finds this token pending wins
  const res = await collection(ctx.db, 'worklog_records').ref
    .where({ _id: doc._id, [`${C}.status`]: 'pending', [`${C}.tokenHash`]: hashToken(token) })
    .update({ [`${C}.status`]: 'confirmed', [`${C}.method`]: 'scan', [`${C}.confirmedAt`]: now, [`${C}.confirmedByOpenid`]: openid, [`${C}.tokenExpiresAt`]: null, updatedAt: now });
  if (res.updated !== 1) throw new AppError('RECEPTION_TOKEN_USED', '此二维码已使用，接待已确认');
  return forResident(ctx, doc, true);
});

