/**
 * The household function's one domain rule on top of the caller vocabulary (`_kit/access.ts`):
 * a committee's population register is managed by its own 社工 and 书记, and by a district
 * liaison for every committee of their district. Codes and check requests are committee staff's
 * (`committeeStaff`), sign-up a consented resident's (`consentedUser`).
 */
import type { ImportJobDoc } from '@shared/domain/household';
import type { CommitteeDoc } from '@shared/domain/regions';
import { AppError } from '@shared/errors';
import { committeeStaffOrNull, liaisonOrNull, signedIn } from '../_kit/access';
import type { ActionContext } from '../_kit/runtime';
import { collection } from '../_kit/store';

type Ctx = Pick<ActionContext, 'db' | 'principal'>;

interface RegisterManager {
  actorId: string;
  /** committee staff's own committee; null for a district liaison */
  ownCommitteeId: string | null;
  mayManage(committee: CommitteeDoc): boolean;
}

async function registerManager(ctx: Ctx): Promise<RegisterManager> {
  await signedIn(ctx);
  const staff = await committeeStaffOrNull(ctx);
  if (staff) return { actorId: staff.actorId, ownCommitteeId: staff.committeeId, mayManage: (c) => c._id === staff.committeeId };
  const liaison = await liaisonOrNull(ctx);
  if (liaison?.level === 'district') return { actorId: liaison.actorId, ownCommitteeId: null, mayManage: (c) => liaison.managesDistrict(c.districtId) };
  throw new AppError('FORBIDDEN', '只有居委会工作人员或区联络员可以管理人口库');
}

/**
 * The committee whose register the caller may manage: their own, or the one a district liaison
 * names (FORBIDDEN outside the caller's scope: a manager knows which committees exist).
 */
export async function managedCommittee(ctx: Ctx, requested?: string): Promise<{ committee: CommitteeDoc; actorId: string }> {
  const who = await registerManager(ctx);
  const id = requested ?? who.ownCommitteeId;
  if (!id) throw new AppError('INVALID_INPUT', '请选择居委会');
  const committee = await collection(ctx.db, 'committees').byId(id);
  if (id === who.ownCommitteeId && !committee) throw new AppError('NOT_FOUND');
  if (!committee || !who.mayManage(committee)) throw new AppError('FORBIDDEN', who.ownCommitteeId ? '只能管理本居委会的人口库' : '只能管理本区居委会的人口库');
  return { committee, actorId: who.actorId };
}

/** An import job of a committee the caller manages; NOT_FOUND for any other (ids never reveal another committee's jobs). */
export async function managedJob(ctx: Ctx, jobId: string): Promise<ImportJobDoc> {
  const who = await registerManager(ctx);
  const job = await collection(ctx.db, 'household_import_jobs').byId(jobId);
  const committee = job ? await collection(ctx.db, 'committees').byId(job.committeeId) : null;
  if (!job || !committee || !who.mayManage(committee)) throw new AppError('NOT_FOUND', '导入任务不存在');
  return job;
}
