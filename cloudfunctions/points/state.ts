/**
 * A card as it stands: a signed card is its snapshot (plus its corrections, shown beside it); an
 * open card is computed now from the records and the live entries. Both become the same view.
 */
import type { CardView, EntryView } from '@shared/contracts/points';
import type { CardValues, PointsCardDoc, PointsCorrectionDoc, PointsEntryDoc, RecordCounts } from '@shared/domain/points';
import type { StaffDoc } from '@shared/domain/people';
import type { RubricResult } from '@shared/rubric/engine';
import { cardId, cardItems, scoreCard } from '@shared/points/card';
import { cardValuesFrom, citedDecisions as citedIds } from '@shared/points/values';
import { monthWindow } from '@shared/time';
import { iso } from '../_kit/iso';
import type { ActionContext } from '../_kit/runtime';
import { recordCounts } from './sources';
import { citedDecisions, correctionsOf, liveEntries, signedCard } from './store';

export interface OpenCard {
  id: string;
  staff: StaffDoc & { committeeId: string };
  month: string;
  counts: RecordCounts;
  entries: PointsEntryDoc[];
  values: CardValues;
  result: RubricResult;
}

export type CardState = { kind: 'signed'; card: PointsCardDoc; corrections: PointsCorrectionDoc[] } | { kind: 'open'; card: OpenCard };

/** Computes an unsigned card from the month's records and entries. */
export async function computeOpen(ctx: ActionContext, staff: StaffDoc & { committeeId: string }, month: string): Promise<OpenCard> {
  const [counts, entries] = await Promise.all([recordCounts(ctx, staff._id, month), liveEntries(ctx, staff._id, month)]);
  const payloads = entries.map((e) => e.entry);
  const decisions = await citedDecisions(ctx, citedIds(payloads), staff.committeeId, staff._id);
  const values = cardValuesFrom(counts, payloads, decisions);
  return { id: cardId(staff._id, month), staff, month, counts, entries, values, result: scoreCard(values, month) };
}

export async function loadCard(ctx: ActionContext, staff: StaffDoc & { committeeId: string }, month: string): Promise<CardState> {
  const id = cardId(staff._id, month);
  const signed = await signedCard(ctx, id);
  if (signed) return { kind: 'signed', card: signed, corrections: await correctionsOf(ctx, id) };
  return { kind: 'open', card: await computeOpen(ctx, staff, month) };
}

export function entryView(e: PointsEntryDoc): EntryView {
  return { id: e._id, staffId: e.staffId, month: e.month, entry: e.entry, evidence: e.evidence, createdBy: e.createdBy, createdAt: iso(e.createdAt) };
}

function view(base: { id: string; staffId: string; staffName: string; committeeId: string; month: string; counts: RecordCounts; values: CardValues; result: RubricResult; entries: PointsEntryDoc[] }): Omit<CardView, 'status' | 'signature' | 'corrections' | 'effectiveTotal'> {
  const w = monthWindow(base.month);
  const t = base.result.totals;
  return {
    id: base.id,
    staffId: base.staffId,
    staffName: base.staffName,
    committeeId: base.committeeId,
    month: base.month,
    from: w.from,
    to: w.to,
    counts: base.counts,
    values: base.values,
    items: cardItems(base.result),
    totals: { main: t.main, penalty: t.penalty, total: t.total, reset: t.reset },
    entries: base.entries.map(entryView),
  };
}

export function cardView(state: CardState): CardView {
  if (state.kind === 'open') {
    const c = state.card;
    return { ...view({ ...c, staffId: c.staff._id, staffName: c.staff.name, committeeId: c.staff.committeeId }), status: 'open', signature: null, corrections: [], effectiveTotal: c.result.totals.total };
  }
  const c = state.card;
  const latest = state.corrections[state.corrections.length - 1];
  return {
    ...view({ ...c, id: c._id }),
    status: 'signed',
    signature: { signedBy: c.signedBy, signedByName: c.signedByName, signedAt: iso(c.signedAt), rubricId: c.rubricId, rubricVersion: c.rubricVersion },
    corrections: state.corrections.map((k) => ({ id: k._id, sequence: k.sequence, reason: k.reason, evidence: k.evidence, changes: k.changes, total: k.total, by: k.by, byName: k.byName, at: iso(k.at) })),
    effectiveTotal: latest ? latest.total : c.total,
  };
}
