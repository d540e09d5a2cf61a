/** household.importRegister / continueImport: who may import, and the file from cloud storage. */
import { continueImport, importRegister } from '@shared/contracts/household-import';
import type { ImportJobDoc } from '@shared/domain/household';
import { AppError } from '@shared/errors';
import { readCloudFile } from '../_kit/files';
import { loadPiiKeys } from '../_kit/pii';
import { MAX_REGISTER_BYTES } from '@shared/register/table';
import { handle } from '../_kit/runtime';
import { managedCommittee } from './access';
import { runJob } from './import-job';
import { readOne } from './query';
import { importRegisterBuffer } from './register-import';

export const importRegisterHandler = handle(importRegister, async (input, ctx) => {
  const startedAt = Date.now();
  const { committee, actorId } = await managedCommittee(ctx.db, await ctx.principal(), input.committeeId);
  const buffer = await readCloudFile(input.fileID, MAX_REGISTER_BYTES);
  return importRegisterBuffer({ db: ctx.db, now: ctx.now, startedAt, keys: loadPiiKeys() }, buffer, { committee, actorId, mode: input.mode, filename: input.filename });
});

export const continueImportHandler = handle(continueImport, async (input, ctx) => {
  const startedAt = Date.now();
  const job = await readOne<ImportJobDoc>(ctx.db, 'household_import_jobs', input.jobId);
  if (!job) throw new AppError('NOT_FOUND', '导入任务不存在');
  // the same rule as starting an import of that committee
  await managedCommittee(ctx.db, await ctx.principal(), job.committeeId);
  return runJob({ db: ctx.db, now: ctx.now, startedAt }, job._id);
});
