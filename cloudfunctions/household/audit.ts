/** Audit entries of the household function: ids and counts only, never names or numbers. */
import { writeAudit as write, type AuditSink } from '../_kit/audit';

export interface HouseholdAudit {
  at: Date;
  actorId: string;
  action: 'household.import.rejected' | 'household.import.started' | 'household.import.finished' | 'household.code.issued' | 'household.checks.read';
  subjectType: 'household_import' | 'household' | 'household_checks';
  subjectId: string;
  committeeId: string;
  details?: Record<string, unknown>;
}

export async function writeAudit(sink: AuditSink, entry: HouseholdAudit): Promise<void> {
  await write(sink, entry);
}
