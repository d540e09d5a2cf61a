/** household.importRegister / continueImport: who may import, and the file from cloud storage. */
import { continueImport, importRegister } from '@shared/contracts/household-import';
import { AppError } from '@shared/errors';
import { MAX_REGISTER_BYTES } from '@shared/register/table';
import { assertMayReadFile, deleteCloudFile, readCloudFile } from '../_kit/files';
import { loadPiiKeys } from '../_kit/pii';
import { handle } from '../_kit/runtime';
import { managedCommittee, managedJob } from './access';
import { runJob } from './import-job';
import { importRegisterBuffer } from './register-import';

export const importRegisterHandler = handle(importRegister, async (input, ctx) => {
  const startedAt = Date.now();
  const { committee, actorId } = await managedCommittee(ctx, input.committeeId);
  // another committee's (or person's) upload answers as a missing file, and nothing is read
  await assertMayReadFile(ctx, input.fileID);
  const buffer = await readCloudFile(input.fileID, MAX_REGISTER_BYTES);
  let report: Awaited<ReturnType<typeof importRegisterBuffer>>;
  try {
    report = await importRegisterBuffer({ db: ctx.db, now: ctx.now, startedAt, keys: loadPiiKeys() }, buffer, { committee, actorId, mode: input.mode, filename: input.filename });
  } catch (e) {
    // a file that cannot be a register is done with; any other failure keeps it for the retry
    if (e instanceof AppError && e.code.startsWith('REGISTER_')) await deleteCloudFile(input.fileID);
    throw e;
  }
  // the import has ended for this file (staged as the protected job, or refused): the plain-text
  // register, every ID number and phone, is not kept in storage
  await deleteCloudFile(input.fileID);
  return report;
});

export const continueImportHandler = handle(continueImport, async (input, ctx) => {
  const startedAt = Date.now();
  // the same managers as starting an import of that committee
  const job = await managedJob(ctx, input.jobId);
  return runJob({ db: ctx.db, now: ctx.now, startedAt }, job._id);
});
