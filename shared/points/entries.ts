/** Rules an entry must meet beyond its shape (docs/points.md). */
import type { EntryPayload, Evidence } from '../domain/points';
import { DEDUCTION_KINDS } from '../domain/points';
import { monthWindow } from '../time';

export function isDeduction(e: EntryPayload): e is Extract<EntryPayload, { decisionId: string }> {
  return (DEDUCTION_KINDS as readonly string[]).includes(e.kind);
}

/** A dated entry (专项行动, 志愿服务, 学习培训) belongs to the month its date is in. */
export function entryOutsideMonth(e: EntryPayload, month: string): boolean {
  if (!('date' in e)) return false;
  const w = monthWindow(month);
  return e.date < w.from || e.date > w.to;
}

/** Entered items carry evidence (a file or a written note); a deduction's evidence is its decision record. */
export function needsEvidence(e: EntryPayload, evidence: Evidence): boolean {
  return !isDeduction(e) && evidence.fileIds.length === 0 && !evidence.text;
}
