/**
 * The import of one register file, shared by the `importRegister` action and the demo seed:
 * Buffer → readRegisterFile → validateRegister → protectRegister → staged job → batches.
 * A file with errors writes nothing but its audit entry and answers the row-numbered issues.
 */
import { ISSUES_SHOWN_PER_SEVERITY, type importRegister } from '@shared/contracts/household-import';
import type { OutputOf } from '@shared/contract';
import type { ImportMode } from '@shared/domain/household';
import type { CommitteeDoc } from '@shared/domain/regions';
import { validateRegister } from '@shared/register/validate';
import { localDateOf } from '@shared/time';
import { writeAudit } from '../_kit/audit';
import { protectRegister, type PiiKeys } from '../_kit/pii';
import { readRegisterFile } from '../_kit/register-file';
import { createJob, runJob, type JobDeps } from './import-job';

export type ImportReport = OutputOf<typeof importRegister>;

export interface ImportArgs {
  committee: CommitteeDoc;
  actorId: string;
  mode: ImportMode;
  filename?: string;
}

export async function importRegisterBuffer(deps: JobDeps & { keys: PiiKeys }, buffer: Buffer, args: ImportArgs): Promise<ImportReport> {
  const table = await readRegisterFile(buffer, { filename: args.filename });
  const v = validateRegister(table, { today: localDateOf(deps.now()), maxIssuesPerSeverity: ISSUES_SHOWN_PER_SEVERITY });
  const summary = {
    rows: v.counts.rows,
    households: v.counts.households,
    persons: v.counts.persons,
    completePersons: v.counts.completePersons,
    errors: v.counts.errors,
    incomplete: v.counts.incomplete,
    notices: v.counts.notices,
  };
  const order = { error: 0, incomplete: 1, notice: 2 } as const;
  const issues = [...v.issues]
    .sort((a, b) => order[a.severity] - order[b.severity] || (a.row ?? 0) - (b.row ?? 0))
    .map((i) => ({ code: i.code, severity: i.severity, row: i.row, message: i.message }));
  const audit = { at: deps.now(), actorId: args.actorId, subjectType: 'household_import' as const, committeeId: args.committee._id };
  if (!v.ok) {
    await writeAudit(deps.db, { ...audit, action: 'household.import.rejected', subjectId: args.committee._id, details: { summary } });
    return { accepted: false, summary, issues, issuesTruncated: v.issuesTruncated, job: null };
  }
  const register = protectRegister(v, deps.keys);
  const job = await createJob(deps, { committee: args.committee, actorId: args.actorId, mode: args.mode, filename: args.filename ?? null, register });
  await writeAudit(deps.db, { ...audit, action: 'household.import.started', subjectId: job._id, details: { summary, mode: args.mode } });
  const progress = await runJob(deps, job._id, true);
  return { accepted: true, summary, issues, issuesTruncated: v.issuesTruncated, job: progress };
}
