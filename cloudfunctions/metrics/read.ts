/** The dashboard's reads: a scope's snapshots over time, and one snapshot with its drill-down. */
import { getSnapshot, listSnapshots, type SnapshotView } from '@shared/contracts/metrics';
import type { SnapshotDoc } from '@shared/domain/metrics';
import { holdingBack, nextBandHints } from '@shared/metrics/hints';
import { committeeRows, scopeValues, type CommitteeRow } from '@shared/metrics/indicators';
import { scoreScope } from '@shared/metrics/score';
import { getRubric } from '@shared/rubric/registry';
import { handle } from '../_kit/runtime';
import { collection, readPage } from '../_kit/store';
import { readableScope, readableSnapshot } from './access';
import { scopeKeyOf } from './store';
import { summaryOf, type SummaryFields } from './snapshot';

export const listSnapshotsHandler = handle(listSnapshots, async ({ scope: input, ...page }, ctx) => {
  const { scope } = await readableScope(ctx, input);
  const { items, nextOffset } = await readPage<SummaryFields>(
    collection(ctx.db, 'metrics_snapshots')
      .ref.where({ scopeKey: scopeKeyOf(scope.level, scope.id) })
      // a summary needs the result only, not the per-committee facts
      .field({ inputs: false, values: false, ignoredAssessments: false })
      .orderBy('computedAt', 'desc')
      .orderBy('_id', 'desc'),
    page,
  );
  return { items: items.map(summaryOf), nextOffset };
});

/** Each street of a district snapshot over its own committees, from the stored inputs. */
function streetBreakdown(s: SnapshotDoc, rows: CommitteeRow[]): SnapshotView['streets'] {
  if (s.scope.level !== 'district') return [];
  const rubric = getRubric(s.rubric.id);
  return s.inputs.streets.map((street) => {
    const own = rows.filter((r) => r.streetId === street.id);
    const v = scopeValues({ ...s.inputs, streets: [street] }, own);
    const scored = scoreScope(rubric, v.values, [], `${s.window.from}/${s.window.to}`);
    return { id: street.id, name: street.name, counted: v.counted, values: v.values as SnapshotView['values'], total: scored.result.totals.total };
  });
}

function fullView(s: SnapshotDoc): SnapshotView {
  const rubric = getRubric(s.rubric.id);
  const rows = committeeRows(s.inputs);
  const v = scopeValues(s.inputs, rows);
  return {
    ...summaryOf(s),
    viewer: 'liaison',
    values: s.values as SnapshotView['values'],
    counted: v.counted,
    excluded: v.excluded,
    indicators: s.result.indicators.map((i) => ({
      path: i.path,
      label: i.label,
      groups: i.groups,
      score: i.score,
      max: i.max,
      status: i.status,
      proposed: i.proposed,
      band: i.band?.text ?? i.option?.label ?? null,
      value: i.value ?? null,
      assessed: i.assessed ? { score: i.assessed.score, reason: i.assessed.reason, evidence: i.assessed.evidence ?? [], by: i.assessed.by ?? null } : null,
    })),
    hints: nextBandHints(rubric, s.values, rows, s.inputs.streets, s.inputs.districtLiaisons),
    holdingBack: holdingBack(rubric, rows),
    rows,
    streets: streetBreakdown(s, rows),
    ignoredAssessments: s.ignoredAssessments,
    grid: v.grid,
  };
}

/** Committee staff: their own row only, none of the scope's scores or other committees. */
function committeeView(s: SnapshotDoc, committeeId: string): SnapshotView {
  const full = fullView(s);
  return { ...full, viewer: 'committee', values: {}, counted: 0, excluded: 0, total: null, indicators: [], hints: [], holdingBack: {}, streets: [], ignoredAssessments: [], grid: {}, rows: full.rows.filter((r) => r.committeeId === committeeId) };
}

export const getSnapshotHandler = handle(getSnapshot, async ({ id }, ctx) => {
  const { snapshot, onlyCommittee } = await readableSnapshot(ctx, id);
  return onlyCommittee ? committeeView(snapshot, onlyCommittee) : fullView(snapshot);
});
