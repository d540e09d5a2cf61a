/**
 * worklog · 首问接待: a reception counts only when the resident confirms it, by scanning a
 * one-time, short-lived token in their own mini-program or by a signature on the staff device.
 */
import { confirmReception, createReception, getRecord, monthSummary, previewReception, renewReceptionToken, signReception, updateRecord } from '../../shared/contracts/worklog';
import type { UserDoc } from '../../shared/domain/people';
import { localMonthOf } from '../../shared/time';
import { LIQIANG, WANGLI, ZHANGMIN, ZHOU } from '../support/demo-identities';
import { ok, useTestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const NEIGHBOUR = 'reception-neighbour';
const NO_CONSENT = 'reception-no-consent';

const t = useTestCloud({
  prepare: async (cloud) => {
    const user = (openid: string, consent: boolean): UserDoc => ({ _id: `user-${openid}`, openid, consent: consent ? { version: '2026-09', at: new Date('2026-09-01T00:00:00Z') } : null, displayName: null, householdId: null, committeeId: null, createdAt: new Date('2026-09-01T00:00:00Z') });
    await cloud.db.collection('users').add([user(NEIGHBOUR, true), user(NO_CONSENT, false)]);
  },
});

const reception = (over: Record<string, unknown> = {}) => ({
  at: new Date(Date.now() - 5 * 60_000).toISOString(),
  residentName: '周美华',
  building: '3',
  room: '402',
  category: 'service',
  matter: '办理高龄津贴申请',
  outcome: '材料齐全，已受理并告知 15 个工作日内到账',
  ...over,
});

describe('worklog.createReception', () => {
  it('creates a pending reception with a one-time token, stored only as a hash', async () => {
    const res = ok(await t.call(ZHANGMIN, createReception, reception()));
    expect(res.record).toMatchObject({ type: 'reception', receptionStatus: 'pending', residentNameMasked: '周**', staffId: 'staff-zhangmin' });
    expect(res.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Date(res.expiresAt!).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    const stored = JSON.stringify((await t.db.collection('worklog_records').doc(res.record.id).get()).data);
    expect(stored).not.toContain(res.token!);
  });

  it('creates one record for a retried request, and the retry’s token is the one that works', async () => {
    const first = ok(await t.call(ZHANGMIN, createReception, reception({ matter: '咨询廉租房政策' }), 'retry-reception-01'));
    const second = ok(await t.call(ZHANGMIN, createReception, reception({ matter: '咨询廉租房政策' }), 'retry-reception-01'));
    expect(second.record.id).toBe(first.record.id);
    expect((await t.db.collection('worklog_records').where({ 'reception.matter': '咨询廉租房政策' }).count()).total).toBe(1);
    expect(await t.call(ZHOU, confirmReception, { token: first.token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_TOKEN_INVALID' } });
    expect(ok(await t.call(ZHOU, confirmReception, { token: second.token }))).toMatchObject({ confirmed: true });
  });

  it('refuses bad input and non-staff', async () => {
    expect(await t.call(ZHANGMIN, createReception, reception({ category: 'chat' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(ZHANGMIN, createReception, reception({ matter: '' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(ZHOU, createReception, reception())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('', createReception, reception())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('scan to confirm', () => {
  it('shows the resident what they confirm, then confirms exactly once', async () => {
    const { record, token } = ok(await t.call(ZHANGMIN, createReception, reception()));
    const preview = ok(await t.call(ZHOU, previewReception, { token }));
    expect(preview).toEqual({ committeeName: '曹杨一村居民委员会', staffName: '张敏', at: expect.any(String), category: 'service', matter: '办理高龄津贴申请', outcome: expect.any(String), confirmed: false });
    expect(ok(await t.call(ZHOU, confirmReception, { token }))).toMatchObject({ confirmed: true });
    // single use: the same token again, by anyone
    expect(await t.call(ZHOU, confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_TOKEN_USED' } });
    expect(await t.call(NEIGHBOUR, confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_TOKEN_USED' } });
    const detail = ok(await t.call(ZHANGMIN, getRecord, { recordId: record.id }));
    expect(detail.reception?.confirmation).toMatchObject({ status: 'confirmed', method: 'scan', tokenExpiresAt: null });
    const stored = (await t.db.collection('worklog_records').doc(record.id).get()).data[0];
    expect(stored.reception.confirmation.confirmedByOpenid).toBe(ZHOU);
    // a confirmed reception is locked, and no new token can be issued
    expect(await t.call(ZHANGMIN, updateRecord, { recordId: record.id, type: 'reception', reception: reception() })).toMatchObject({ ok: false, error: { code: 'RECORD_LOCKED' } });
    expect(await t.call(ZHANGMIN, renewReceptionToken, { recordId: record.id })).toMatchObject({ ok: false, error: { code: 'RECEPTION_ALREADY_CONFIRMED' } });
  });

  it('refuses an expired token, and a renewed one works while the old one does not', async () => {
    const { record, token } = ok(await t.call(ZHANGMIN, createReception, reception()));
    await t.db.collection('worklog_records').doc(record.id).update({ 'reception.confirmation.tokenExpiresAt': new Date(Date.now() - 1) });
    expect(await t.call(ZHOU, previewReception, { token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_TOKEN_EXPIRED' } });
    expect(await t.call(ZHOU, confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_TOKEN_EXPIRED' } });
    const renewed = ok(await t.call(ZHANGMIN, renewReceptionToken, { recordId: record.id }));
    expect(renewed.token).not.toBe(token);
    expect(await t.call(ZHOU, confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_TOKEN_INVALID' } });
    expect(ok(await t.call(ZHOU, confirmReception, { token: renewed.token }))).toMatchObject({ confirmed: true });
  });

  it('refuses guesses, malformed tokens, callers without consent and the committee’s own staff', async () => {
    const { token } = ok(await t.call(ZHANGMIN, createReception, reception()));
    expect(await t.call(ZHOU, confirmReception, { token: 'A'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'RECEPTION_TOKEN_INVALID' } });
    expect(await t.call(ZHOU, confirmReception, { token: 'short' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('', confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call(NO_CONSENT, confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call(ZHANGMIN, confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_STAFF_CANNOT_CONFIRM' } });
    expect(await t.call(WANGLI, confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_STAFF_CANNOT_CONFIRM' } });
    // still pending and usable after all that
    expect(ok(await t.call(NEIGHBOUR, confirmReception, { token }))).toMatchObject({ confirmed: true });
  });

  it('lets only the author renew a token', async () => {
    const { record } = ok(await t.call(ZHANGMIN, createReception, reception()));
    expect(await t.call(WANGLI, renewReceptionToken, { recordId: record.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, renewReceptionToken, { recordId: record.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('signature on the staff device', () => {
  const fileId = 'cloud://shequyun-local.7368/signatures/r1.png';

  it('confirms with a reference to the signature image, who captured it and when', async () => {
    const { record, token } = ok(await t.call(ZHANGMIN, createReception, reception()));
    const signed = ok(await t.call(ZHANGMIN, signReception, { recordId: record.id, signatureFileId: fileId, signerName: '周美华' }));
    expect(signed).toMatchObject({ receptionStatus: 'confirmed', editable: false });
    const stored = (await t.db.collection('worklog_records').doc(record.id).get()).data[0];
    expect(stored.reception.confirmation).toMatchObject({ status: 'confirmed', method: 'signature', signatureFileId: fileId, signerName: '周美华', capturedBy: 'staff-zhangmin' });
    expect(stored.reception.confirmation.confirmedAt).toBeInstanceOf(Date);
    // the same signature again is a harmless retry; the QR can no longer be used
    expect(ok(await t.call(ZHANGMIN, signReception, { recordId: record.id, signatureFileId: fileId, signerName: '周美华' }))).toMatchObject({ receptionStatus: 'confirmed' });
    expect(await t.call(ZHANGMIN, signReception, { recordId: record.id, signatureFileId: 'cloud://shequyun-local.7368/signatures/other.png', signerName: '周美华' })).toMatchObject({ ok: false, error: { code: 'RECEPTION_ALREADY_CONFIRMED' } });
    expect(await t.call(ZHOU, confirmReception, { token })).toMatchObject({ ok: false, error: { code: 'RECEPTION_TOKEN_USED' } });
  });

  it('refuses a non-cloud file, someone else’s reception and other committees', async () => {
    const { record } = ok(await t.call(ZHANGMIN, createReception, reception()));
    expect(await t.call(ZHANGMIN, signReception, { recordId: record.id, signatureFileId: 'https://x.example/s.png', signerName: '周美华' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(WANGLI, signReception, { recordId: record.id, signatureFileId: fileId, signerName: '周美华' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, signReception, { recordId: record.id, signatureFileId: fileId, signerName: '周美华' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(ZHOU, signReception, { recordId: record.id, signatureFileId: fileId, signerName: '周美华' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('only confirmed receptions count', () => {
  // a cloud of its own: the month must hold only these receptions
  const fresh = useTestCloud();

  it('counts confirmed and pending separately in the month summary, by hand', async () => {
    const at = new Date(Date.now() - 60_000).toISOString();
    const a = ok(await fresh.call(ZHANGMIN, createReception, reception({ at })));
    const b = ok(await fresh.call(ZHANGMIN, createReception, reception({ at })));
    ok(await fresh.call(ZHANGMIN, createReception, reception({ at })));
    ok(await fresh.call(ZHOU, confirmReception, { token: a.token }));
    ok(await fresh.call(ZHANGMIN, signReception, { recordId: b.record.id, signatureFileId: 'cloud://shequyun-local.7368/s/b.png', signerName: '周美华' }));
    const s = ok(await fresh.call(ZHANGMIN, monthSummary, { month: localMonthOf(at) }));
    expect(s.staff[0]).toMatchObject({ receptionsConfirmed: 2, receptionsPending: 1 });
  });
});
