/**
 * Stored shapes of the household function (docs/household.md): register households and persons
 * as imported (no plain ID or phone: see shared/register/protected.ts), import jobs, verified
 * memberships, one-time codes, invitations, claim attempt counters and check requests.
 */
import type { ProtectedHousehold, ProtectedMember } from '../register/protected';

/** Fields every imported record carries so a retried batch reports exactly what it did. */
export interface ImportStamps {
  /** last import job whose file contained this record */
  importJobId: string;
  /** the import job that created it */
  createdJobId: string;
  /** last import job that changed its register content */
  changedJobId: string;
}

/** A household of the register (户), one per committee + 户编号. `_id` = householdDocId(committeeId, householdId). */
export interface HouseholdDoc extends ImportStamps {
  _id: string;
  committeeId: string;
  streetId: string;
  districtId: string;
  /** 户编号 as in the register */
  householdId: string;
  building: string | null;
  room: string | null;
  /** building/room in compared form (5号楼 = 5号 = 5), what a claim is matched on */
  placeKey: string;
  grid: string | null;
  /** false once a full re-import no longer lists it (kept: memberships and history refer to it) */
  inRegister: boolean;
  /** register persons currently listed (status active) */
  memberCount: number;
  /** verified WeChat members (household_members); ≥ 1 means 上云 */
  verifiedCount: number;
  onCloud: boolean;
  /** the first time it went 上云; kept when the last member leaves (history for the metric) */
  onCloudAt: Date | null;
  removedJobId: string | null;
  updatedAt: Date;
}

export type PersonStatus = 'active' | 'moved_out';

/** A register person. `claimedBy` is the OPENID of the WeChat user verified as this person. */
export interface PersonDoc extends ProtectedMember, ImportStamps {
  _id: string;
  committeeId: string;
  householdDocId: string;
  status: PersonStatus;
  movedOutAt: Date | null;
  movedOutJobId: string | null;
  claimedBy: string | null;
  claimedAt: Date | null;
  updatedAt: Date;
}

export type MembershipVia = 'claim' | 'code' | 'invite';

/** A verified member: `_id` = the user's OPENID, so a user belongs to one household at most. */
export interface MembershipDoc {
  _id: string;
  householdDocId: string;
  committeeId: string;
  /** the register person the user proved to be (claim), or null (code, invitation) */
  personId: string | null;
  via: MembershipVia;
  joinedAt: Date;
}

export type ImportMode = 'full' | 'partial';
/** staging: chunks being written; cancelled: replaced by a newer import of the committee before it finished */
export type ImportJobStatus = 'staging' | 'running' | 'done' | 'cancelled';

export interface ImportCounts {
  households: { created: number; updated: number; unchanged: number; removed: number };
  persons: { created: number; updated: number; unchanged: number; movedOut: number };
}

export interface ImportJobDoc {
  /** imp_<committeeId>_<seq>: two imports of one committee started at once collide on the id */
  _id: string;
  seq: number;
  committeeId: string;
  actorId: string;
  mode: ImportMode;
  filename: string | null;
  status: ImportJobStatus;
  /** staged chunks (household_import_chunks) and the next one to apply */
  chunkCount: number;
  nextChunk: number;
  totalHouseholds: number;
  doneHouseholds: number;
  persons: number;
  completePersons: number;
  /** one applier at a time: a lease that a crashed invocation gives up by expiry */
  leaseUntil: Date;
  /** running sums of the applied batches */
  tally: { households: { created: number; updated: number; unchanged: number }; persons: { created: number; updated: number; unchanged: number } };
  /** final, exact: the tally plus what the end-of-job sweep removed or moved out */
  counts: ImportCounts | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ImportChunkDoc {
  _id: string;
  jobId: string;
  index: number;
  households: ProtectedHousehold[];
}

export interface ClaimCodeDoc {
  /** keyed hash of the code: the code itself is never stored */
  _id: string;
  householdDocId: string;
  committeeId: string;
  issuedBy: string;
  issuedAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
}

export interface InviteDoc {
  /** hash of the token: the token itself is only in the shared link */
  _id: string;
  householdDocId: string;
  committeeId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
}

/** Failed claim attempts of one resident or one typed address (`_id` = `r:…` / `p:…`). */
export interface ClaimAttemptDoc {
  _id: string;
  failures: Date[];
  lockedUntil: Date | null;
}

export type CheckStatus = 'open' | 'resolved';

/** 请居委会核对: what a resident typed when no household matched (never the ID suffix). */
export interface CheckRequestDoc {
  _id: string;
  committeeId: string;
  openid: string;
  building: string;
  room: string;
  name: string;
  note: string;
  status: CheckStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
}

/** Names as compared at sign-up: full-width folded, the minority middle dot unified, no spaces. */
export function normalizeClaimName(raw: string): string {
  return raw.normalize('NFKC').replace(/[•・．.]/g, '·').replace(/\s+/g, '');
}
