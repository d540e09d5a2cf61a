/** household.importRegister / continueImport: who may import, and the file from cloud storage. */
import { continueImport, importRegister } from '@shared/contracts/household-import';
import { MAX_REGISTER_BYTES } from '@shared/register/table';
import { readCloudFile } from '../_kit/files';
import { loadPiiKeys } from '../_kit/pii';
import { handle } from '../_kit/runtime';
import { managedCommittee, managedJob } from './access';
import { runJob } from './import-job';
import { importRegisterBuffer } from './register-import';

export const importRegisterHandler = handle(importRegister, async (input, ctx) => {
  const startedAt = Date.now();
  const { committee, actorId } = await managedCommittee(ctx, input.committeeId);
  const buffer = await readCloudFile(input.fileID, MAX_REGISTER_BYTES);
  return importRegisterBuffer({ db: ctx.db, now: ctx.now, startedAt, keys: loadPiiKeys() }, buffer, { committee, actorId, mode: input.mode, filename: input.filename });
});

export const continueImportHandler = handle(continueImport, async (input, ctx) => {
  const startedAt = Date.now();
  // the same managers as starting an import of that committee
  const job = await managedJob(ctx, input.jobId);
  return runJob({ db: ctx.db, now: ctx.now, startedAt }, job._id);
});
