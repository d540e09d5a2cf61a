/**
 * A correction of a signed card (积分卡一经填写不得涂改: the signed card stays as it was; the
 * correction is its own record). It starts from the values the card, or the previous correction,
 * left and lists every value it changed, before → after.
 */
import type { CardValues } from '../domain/points';
import type { CorrectableCount } from '../contracts/points-fields';
import { deductionInstance, type DecisionRef } from './values';

export interface CorrectionRequest {
  counts: Partial<Record<CorrectableCount, number>>;
  publicityAdopted?: boolean;
  complaints: { points: number; reason: string; decisionId: string }[];
  disputes: { points: number; reason: string; decisionId: string }[];
  safetyBreach?: { decisionId: string; reason: string };
}

export interface Change {
  key: string;
  before: unknown;
  after: unknown;
}

export function applyCorrection(before: CardValues, req: CorrectionRequest, decisions: ReadonlyMap<string, DecisionRef>): { values: CardValues; changes: Change[] } {
  const values: CardValues = { ...before, residentComplaints: [...before.residentComplaints], disputeEscalations: [...before.disputeEscalations] };
  const changes: Change[] = [];
  for (const [key, after] of Object.entries(req.counts) as [CorrectableCount, number][]) {
    if (values[key] === after) continue;
    changes.push({ key, before: values[key], after });
    values[key] = after;
  }
  if (req.publicityAdopted !== undefined && req.publicityAdopted !== values.publicityAdopted) {
    changes.push({ key: 'publicityAdopted', before: values.publicityAdopted, after: req.publicityAdopted });
    values.publicityAdopted = req.publicityAdopted;
  }
  const decision = (id: string): DecisionRef => {
    const d = decisions.get(id);
    if (!d) throw new Error(`correction cites unknown decision ${id}`);
    return d;
  };
  const added = (key: 'residentComplaints' | 'disputeEscalations', list: CorrectionRequest['complaints']) => {
    if (!list.length) return;
    const next = [...values[key], ...list.map((c) => deductionInstance(c.points, c.reason, decision(c.decisionId)))];
    changes.push({ key, before: values[key], after: next });
    values[key] = next;
  };
  added('residentComplaints', req.complaints);
  added('disputeEscalations', req.disputes);
  if (req.safetyBreach && !values.safetyOrDisciplineBreach) {
    decision(req.safetyBreach.decisionId);
    changes.push({ key: 'safetyOrDisciplineBreach', before: false, after: true });
    values.safetyOrDisciplineBreach = true;
  }
  return { values, changes };
}
