/**
 * A valid register becomes an import job: its protected households are staged in chunks, then
 * applied batch by batch, each call stopping well inside the function timeout (10 s). The client
 * calls `continueImport` until the job is done; progress is households applied / in the file.
 *
 * One applier at a time: a call takes a lease on the job (a conditional update) and renews it per
 * batch; a call that finds the lease held answers the progress without working, and a crashed
 * call's lease simply expires. The cursor moves with a conditional update together with the
 * batch's counts, and batches are idempotent (import-apply.ts), so the final counts are exact even
 * when a call dies half-way through a batch. A finished job is never applied again.
 */
import { IMPORT_CODES, type ImportProgress } from '@shared/contracts/household-import';
import type { CommitteeDoc } from '@shared/domain/regions';
import type { ImportChunkDoc, ImportJobDoc, ImportMode } from '@shared/domain/household';
import type { ProtectedRegister } from '@shared/register/protected';
import { AppError } from '@shared/errors';
import { writeAudit } from '../_kit/audit';
import type { Database } from '../_kit/cloud';
import { collection } from '../_kit/store';
import { applyBatch, type BatchCounts } from './import-apply';
import { chunkDocId, jobDocId } from './ids';
import { sweepLegacyPersons } from './legacy-person';

export const CHUNK_HOUSEHOLDS = 200;
/** Staged chunk documents per insert request (a chunk is up to a few hundred KB). */
const STAGE_PER_WRITE = 10;
/** Work per call; the function times out at 10 s and parsing, answering and the network need the rest. */
export const APPLY_BUDGET_MS = 6_000;
/** Longer than a call can live, so only a dead call's lease expires. */
const LEASE_MS = 15_000;

export interface JobDeps {
  db: Database;
  now(): Date;
  /** Date.now() when the call began: the budget counts from there */
  startedAt: number;
  budgetMs?: number;
  chunkHouseholds?: number;
}

/** Whether a conditional update (`where({ _id, status, … }).update`) changed the one job: the condition held. */
const changedOne = (res: unknown) => (res as { updated?: number }).updated === 1;

const zeroTally = (): ImportJobDoc['tally'] => ({ households: { created: 0, updated: 0, unchanged: 0 }, persons: { created: 0, updated: 0, unchanged: 0 } });

export function toProgress(job: ImportJobDoc): ImportProgress {
  return {
    jobId: job._id,
    status: job.status === 'staging' ? 'running' : job.status,
    done: job.doneHouseholds,
    total: job.totalHouseholds,
    persons: job.persons,
    completePersons: job.completePersons,
    counts: job.counts,
  };
}

const importRunning = () => new AppError(IMPORT_CODES.running, '本居委会的人口库正在导入，请等这次导入完成后再试');

/**
 * One import of a committee at a time: a full import's end-of-job sweep must not see another
 * job's stamps. A job nobody is working on (its lease expired: the client stopped calling
 * continueImport, or a call died while staging) is replaced by the newer file.
 */
async function openJob(deps: JobDeps, fields: Omit<ImportJobDoc, '_id' | 'seq' | 'status' | 'leaseUntil' | 'createdAt'>): Promise<ImportJobDoc> {
  const jobs = collection(deps.db, 'household_import_jobs');
  const [latest] = await jobs.some((c) => c.where({ committeeId: fields.committeeId }).orderBy('createdAt', 'desc'), 1);
  const now = deps.now();
  if (latest && (latest.status === 'staging' || latest.status === 'running')) {
    if (new Date(latest.leaseUntil) > now) throw importRunning();
    await jobs.ref.where({ _id: latest._id, status: latest.status }).update({ status: 'cancelled', finishedAt: now });
  }
  const seq = (latest?.seq ?? 0) + 1;
  const job: ImportJobDoc = { ...fields, _id: jobDocId(fields.committeeId, seq), seq, status: 'staging', leaseUntil: new Date(now.getTime() + LEASE_MS), createdAt: now };
  try {
    await jobs.ref.add(job);
  } catch {
    throw importRunning(); // another import of this committee took the same number first
  }
  return job;
}

/** Opens the job, stages the register's households in chunks, and hands the job over to batches; the creator holds the lease. */
export async function createJob(deps: JobDeps, args: { committee: CommitteeDoc; actorId: string; mode: ImportMode; filename: string | null; register: ProtectedRegister }): Promise<ImportJobDoc> {
  const size = deps.chunkHouseholds ?? CHUNK_HOUSEHOLDS;
  const { households, counts } = args.register;
  const chunkCount = Math.ceil(households.length / size);
  const job = await openJob(deps, {
    committeeId: args.committee._id,
    actorId: args.actorId,
    mode: args.mode,
    filename: args.filename,
    chunkCount,
    nextChunk: 0,
    totalHouseholds: counts.households,
    doneHouseholds: 0,
    persons: counts.persons,
    completePersons: counts.completePersons,
    tally: zeroTally(),
    counts: null,
    finishedAt: null,
  });
  const chunks: ImportChunkDoc[] = [];
  for (let i = 0; i < chunkCount; i++) chunks.push({ _id: chunkDocId(job._id, i), jobId: job._id, index: i, households: households.slice(i * size, (i + 1) * size) });
  for (let i = 0; i < chunks.length; i += STAGE_PER_WRITE) await collection(deps.db, 'household_import_chunks').ref.add(chunks.slice(i, i + STAGE_PER_WRITE));
  // only now may batches run: a job is never applied without everything it will apply
  await collection(deps.db, 'household_import_jobs').ref.doc(job._id).update({ status: 'running' });
  return { ...job, status: 'running' };
}

async function readJob(db: Database, jobId: string): Promise<ImportJobDoc> {
  const job = await collection(db, 'household_import_jobs').byId(jobId);
  if (!job) throw new AppError('NOT_FOUND', '导入任务不存在');
  return job;
}

async function takeLease(deps: JobDeps, jobId: string): Promise<boolean> {
  const now = deps.now();
  const jobs = collection(deps.db, 'household_import_jobs').ref;
  const res = await jobs
    .where({ _id: jobId, status: 'running', leaseUntil: deps.db.command.lte(now) })
    .update({ leaseUntil: new Date(now.getTime() + LEASE_MS) });
  return changedOne(res);
}

/** Moves the cursor past batch `index` with its counts; false when another call already did. */
async function advance(deps: JobDeps, job: ImportJobDoc, index: number, households: number, c: BatchCounts): Promise<boolean> {
  const _ = deps.db.command;
  const jobs = collection(deps.db, 'household_import_jobs').ref;
  const res = await jobs
    .where({ _id: job._id, nextChunk: index, status: 'running' })
    .update({
      nextChunk: index + 1,
      doneHouseholds: _.inc(households),
      leaseUntil: new Date(deps.now().getTime() + LEASE_MS),
      'tally.households.created': _.inc(c.households.created),
      'tally.households.updated': _.inc(c.households.updated),
      'tally.households.unchanged': _.inc(c.households.unchanged),
      'tally.persons.created': _.inc(c.persons.created),
      'tally.persons.updated': _.inc(c.persons.updated),
      'tally.persons.unchanged': _.inc(c.persons.unchanged),
    });
  return changedOne(res);
}

/**
 * After the last batch. A full import is the committee's whole register, so households it does not
 * list leave the register and their members move out (never deleted: see import-apply.ts). Both
 * sweeps are idempotent and the counts are read back from the job's stamps, so a repeated
 * finalisation reports the same numbers.
 */
async function finish(deps: JobDeps, job: ImportJobDoc): Promise<void> {
  const { db } = deps;
  const _ = db.command;
  const now = deps.now();
  const households = collection(db, 'households');
  const persons = collection(db, 'persons');
  const jobs = collection(db, 'household_import_jobs');
  if (job.mode === 'full') {
    await households.ref.where({ committeeId: job.committeeId, inRegister: true, importJobId: _.neq(job._id) }).update({ inRegister: false, memberCount: 0, removedJobId: job._id, updatedAt: now });
    await persons.ref.where({ committeeId: job.committeeId, status: 'active', importJobId: _.neq(job._id) }).update({ status: 'moved_out', movedOutAt: now, movedOutJobId: job._id, updatedAt: now });
  }
  // before the job is marked done, so a finalisation cut short repeats it
  await sweepLegacyPersons(db, job.committeeId);
  const removed = await households.count({ committeeId: job.committeeId, removedJobId: job._id });
  const movedOut = await persons.count({ committeeId: job.committeeId, movedOutJobId: job._id });
  const counts = { households: { ...job.tally.households, removed }, persons: { ...job.tally.persons, movedOut } };
  const res = await jobs.ref.where({ _id: job._id, status: 'running' }).update({ status: 'done', counts, finishedAt: now, leaseUntil: now });
  if (!changedOne(res)) return;
  // The staged copies are no longer needed; the register collections hold the data now.
  await collection(db, 'household_import_chunks').ref.where({ jobId: job._id }).remove();
  await writeAudit(db, { at: now, actorId: job.actorId, action: 'household.import.finished', subjectType: 'household_import', subjectId: job._id, committeeId: job.committeeId, details: counts });
}

/**
 * Applies batches until the job is done or the call's budget would be exceeded. `leaseHeld`: the
 * caller created the job in this call.
 */
export async function runJob(deps: JobDeps, jobId: string, leaseHeld = false): Promise<ImportProgress> {
  const budget = deps.budgetMs ?? APPLY_BUDGET_MS;
  let job = await readJob(deps.db, jobId);
  if (job.status !== 'running') return toProgress(job);
  if (!leaseHeld && !(await takeLease(deps, jobId))) return toProgress(await readJob(deps.db, jobId));
  const committee = await collection(deps.db, 'committees').byId(job.committeeId);
  if (!committee) throw new AppError('NOT_FOUND');
  // the slowest batch so far; before the first, a guess that keeps a late start from overrunning
  let slowest: number | null = null;
  while (job.status === 'running') {
    if (job.nextChunk >= job.chunkCount) {
      await finish(deps, job);
    } else {
      if (Date.now() - deps.startedAt + (slowest ?? 1_000) * 1.5 > budget) break;
      const began = Date.now();
      const chunk = await collection(deps.db, 'household_import_chunks').byId(chunkDocId(job._id, job.nextChunk));
      if (!chunk) throw new Error(`import chunk ${job.nextChunk} of ${job._id} is missing`);
      const counts = await applyBatch(deps.db, committee, job._id, chunk.households, deps.now());
      if (!(await advance(deps, job, chunk.index, chunk.households.length, counts))) break;
      slowest = Math.max(slowest ?? 0, Date.now() - began);
    }
    job = await readJob(deps.db, jobId);
  }
  if (job.status === 'running') await collection(deps.db, 'household_import_jobs').ref.doc(jobId).update({ leaseUntil: deps.now() });
  return toProgress(job);
}
