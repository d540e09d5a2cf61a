/**
 * Who may do what in the household function. Staff and secretaries act on their own committee,
 * a district liaison on any committee of their district; a resident must have accepted the
 * current privacy notice before anything personal is accepted from them.
 */
import { CONSENT_CODES, PRIVACY_NOTICE_VERSION } from '@shared/contracts/auth-consent';
import type { UserDoc } from '@shared/domain/people';
import type { CommitteeDoc } from '@shared/domain/regions';
import { AppError } from '@shared/errors';
import type { Database } from '../_kit/cloud';
import { requireRole, requireSignedIn, type Principal } from '../_kit/principal';

export async function committeeById(db: Database, id: string): Promise<CommitteeDoc | null> {
  const res = await db.collection('committees').doc(id).get();
  return ((res.data as CommitteeDoc[] | undefined)?.[0] as CommitteeDoc | undefined) ?? null;
}

/** The committee whose register the caller may manage (FORBIDDEN otherwise, NOT_FOUND for an unknown id). */
export async function managedCommittee(db: Database, p: Principal, requested?: string): Promise<{ committee: CommitteeDoc; actorId: string }> {
  requireRole(p, 'staff', 'secretary', 'district_liaison');
  const staff = p.staff!;
  const isCommitteeStaff = p.roles.includes('staff') || p.roles.includes('secretary');
  const id = requested ?? (isCommitteeStaff ? staff.committeeId : null);
  if (!id) throw new AppError('INVALID_INPUT', '请选择居委会');
  if (isCommitteeStaff && staff.committeeId === id) {
    const own = await committeeById(db, id);
    if (!own) throw new AppError('NOT_FOUND');
    return { committee: own, actorId: staff._id };
  }
  if (!p.roles.includes('district_liaison')) throw new AppError('FORBIDDEN', '只能管理本居委会的人口库');
  const committee = await committeeById(db, id);
  if (!committee || committee.districtId !== staff.districtId) throw new AppError('FORBIDDEN', '只能管理本区居委会的人口库');
  return { committee, actorId: staff._id };
}

/** Committee staff only (codes, check requests): their own committee. */
export function committeeStaff(p: Principal): { committeeId: string; actorId: string } {
  requireRole(p, 'staff', 'secretary');
  if (!p.staff?.committeeId) throw new AppError('FORBIDDEN');
  return { committeeId: p.staff.committeeId, actorId: p.staff._id };
}

/** A WeChat user who accepted the current privacy notice. */
export function consentedUser(p: Principal): UserDoc {
  requireSignedIn(p);
  if (!p.user?.consent || p.user.consent.version !== PRIVACY_NOTICE_VERSION) {
    throw new AppError(CONSENT_CODES.required, '请先阅读并同意《个人信息保护指引》');
  }
  return p.user;
}
