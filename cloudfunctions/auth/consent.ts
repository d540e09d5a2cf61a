/**
 * auth.consent: records the privacy notice version and time on the user record, creating the
 * record on the first consent. Until then no function accepts personal data from the user.
 */
import crypto from 'node:crypto';
import { consent, CONSENT_CODES, PRIVACY_NOTICE_VERSION } from '@shared/contracts/auth-consent';
import type { UserDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { signedIn } from '../_kit/access';
import { iso } from '../_kit/iso';
import { handle } from '../_kit/runtime';
import { collection } from '../_kit/store';

/** One user record per OPENID; a derived id lets two racing first consents meet on the same record. */
const userIdOf = (openid: string) => `user_${crypto.createHash('sha256').update(`user\u001f${openid}`).digest('hex').slice(0, 32)}`;

export const consentHandler = handle(consent, async (input, ctx) => {
  const p = await signedIn(ctx);
  if (input.version !== PRIVACY_NOTICE_VERSION) throw new AppError(CONSENT_CODES.outdated, '隐私说明已更新，请重新打开页面阅读后再同意');
  const at = ctx.now();
  const record = { version: PRIVACY_NOTICE_VERSION, at };
  const users = collection(ctx.db, 'users');
  if (p.user) {
    await users.ref.doc(p.user._id).update({ consent: record });
  } else {
    const user: UserDoc = { _id: userIdOf(p.openid), openid: p.openid, consent: record, displayName: null, householdId: null, committeeId: null, createdAt: at };
    try {
      await users.ref.add(user);
    } catch (e) {
      // a concurrent first consent created the record (unique openid): record this consent on it
      const existing = await users.first({ openid: p.openid });
      if (!existing) throw e;
      await users.ref.doc(existing._id).update({ consent: record });
    }
  }
  return { version: record.version, at: iso(at) };
});
