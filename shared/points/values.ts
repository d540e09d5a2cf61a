/**
 * A month's rubric inputs from the counted records and the secretary's entries. Pure: the
 * function, the tests and a client preview turn the same facts into the same card.
 */
import type { CardValues, EntryPayload, PointsDecisionDoc, RecordCounts } from '../domain/points';
import type { InstanceValue } from '../rubric/inputs';

export type DecisionRef = Pick<PointsDecisionDoc, '_id' | 'date' | 'meeting'>;

export function emptyCounts(): RecordCounts {
  return { receptionsConfirmed: 0, receptionsPending: 0, satisfiedAnswers: 0, visits: 0, householdsVisited: 0, shiftsAttended: 0, shiftsPlanned: 0 };
}

/** The rubric instance of a deduction: its reason names the meeting, its evidence the decision record. */
export function deductionInstance(points: number, reason: string, decision: DecisionRef): InstanceValue {
  return { points, reason: `${reason}（${decision.date} ${decision.meeting}）`, evidence: [`decision:${decision._id}`] };
}

/**
 * 专项行动 / 志愿服务 count days (每参与1天): two entries on the same date are one day. Every
 * deduction must cite a known decision; the caller has checked that, a missing one is a bug.
 */
export function cardValuesFrom(counts: RecordCounts, entries: readonly EntryPayload[], decisions: ReadonlyMap<string, DecisionRef>): CardValues {
  const v: CardValues = {
    firstContactReceptions: counts.receptionsConfirmed,
    onlineRepliesSatisfied: counts.satisfiedAnswers,
    householdsVisited: counts.householdsVisited,
    staggeredShiftsAttended: counts.shiftsAttended,
    specialActionDays: 0,
    volunteerServiceDays: 0,
    personalAwardsCity: 0,
    personalAwardsDistrict: 0,
    personalAwardsStreet: 0,
    collectiveAwardsCity: 0,
    collectiveAwardsDistrict: 0,
    collectiveAwardsStreet: 0,
    publicityAdopted: false,
    personalExcellentRatings: 0,
    committeeExcellentRatings: 0,
    trainingsAttended: 0,
    competitionsEntered: 0,
    competitionFirstPrizes: 0,
    competitionSecondPrizes: 0,
    competitionThirdPrizes: 0,
    residentComplaints: [],
    disputeEscalations: [],
    safetyOrDisciplineBreach: false,
  };
  const specialDays = new Set<string>();
  const volunteerDays = new Set<string>();
  const decision = (id: string): DecisionRef => {
    const d = decisions.get(id);
    if (!d) throw new Error(`deduction cites unknown decision ${id}`);
    return d;
  };
  const levelKey = { city: 'City', district: 'District', street: 'Street' } as const;
  for (const e of entries) {
    switch (e.kind) {
      case 'specialAction':
        specialDays.add(e.date);
        break;
      case 'volunteer':
        volunteerDays.add(e.date);
        break;
      case 'award':
        v[`${e.holder === 'personal' ? 'personalAwards' : 'collectiveAwards'}${levelKey[e.level]}`]++;
        break;
      case 'publicity':
        v.publicityAdopted = true;
        break;
      case 'inspection':
        if (e.holder === 'personal') v.personalExcellentRatings++;
        else v.committeeExcellentRatings++;
        break;
      case 'training':
        v.trainingsAttended++;
        break;
      case 'competition':
        v.competitionsEntered++;
        if (e.prize === 'first') v.competitionFirstPrizes++;
        else if (e.prize === 'second') v.competitionSecondPrizes++;
        else if (e.prize === 'third') v.competitionThirdPrizes++;
        break;
      case 'complaint':
        v.residentComplaints.push(deductionInstance(e.points, e.reason, decision(e.decisionId)));
        break;
      case 'dispute':
        v.disputeEscalations.push(deductionInstance(e.points, e.reason, decision(e.decisionId)));
        break;
      case 'safetyBreach':
        v.safetyOrDisciplineBreach = true;
        break;
    }
  }
  v.specialActionDays = specialDays.size;
  v.volunteerServiceDays = volunteerDays.size;
  return v;
}

/** The decision ids the entries cite. */
export function citedDecisions(entries: readonly EntryPayload[]): string[] {
  return [...new Set(entries.flatMap((e) => ('decisionId' in e ? [e.decisionId] : [])))];
}
