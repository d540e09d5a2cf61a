/**
 * 更正已签字的积分卡 (secretary, `?staffId=&month=`): the signed card is never changed; a
 * correction is a separate, visible entry. Counts may be set to new values; deductions and the
 * 安全守纪 reset may only be added, each citing a recorded collective decision that names the
 * staff member. A reason is required. The server's answer (the card with the new correction
 * and its total) is shown.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { InputOf } from '@shared/contract';
import { correctCard, getCard, listDecisions, type CardView } from '@shared/contracts/points';
import { CORRECTABLE_COUNTS, type CorrectableCount } from '@shared/contracts/points-fields';
import { Screen } from '../../../../components/Screen';
import { ErrorView, Loading } from '../../../../components/States';
import { isSecretary, StaffGate } from '../../../../components/staff/StaffGate';
import { PointsCard } from '../../../../components/staff/PointsCard';
import { Choice, NumberField, TextArea } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { open } from '../../../../components/staff/nav';
import { useAsync } from '../../../../hooks/useAsync';
import { firstPage } from '../../../../hooks/usePagedList';
import { call } from '../../../../services/cloud';
import { ROUTES, withQuery } from '../../../../lib/routes';

const COUNT_LABELS: Record<CorrectableCount, string> = {
  firstContactReceptions: '首问接待（已确认次数）',
  onlineRepliesSatisfied: '线上反馈（居民满意次数）',
  householdsVisited: '社区走访（户数）',
  staggeredShiftsAttended: '错时值班（次数）',
  specialActionDays: '专项行动（天数）',
  volunteerServiceDays: '志愿服务（天数）',
  personalAwardsCity: '个人获奖·市级',
  personalAwardsDistrict: '个人获奖·区级',
  personalAwardsStreet: '个人获奖·街镇级',
  collectiveAwardsCity: '集体获奖·市级',
  collectiveAwardsDistrict: '集体获奖·区级',
  collectiveAwardsStreet: '集体获奖·街镇级',
  personalExcellentRatings: '督查考评·个人优秀',
  committeeExcellentRatings: '督查考评·居委优秀',
  trainingsAttended: '学习培训（次数）',
  competitionsEntered: '业务竞赛（参赛次数）',
  competitionFirstPrizes: '业务竞赛·一等奖',
  competitionSecondPrizes: '业务竞赛·二等奖',
  competitionThirdPrizes: '业务竞赛·三等奖',
};

const CHANGE_LABELS: Record<string, string> = { ...COUNT_LABELS, publicityAdopted: '氛围营造（宣传报道采用）', residentComplaints: '居民投诉扣分', disputeEscalations: '矛盾调处扣分', safetyOrDisciplineBreach: '安全守纪清零' };
const changeLabel = (key: string) => CHANGE_LABELS[key] ?? key;
function showValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return `${v.length} 项`;
  return '—';
}

type DeductionKind = 'complaint' | 'dispute' | 'safetyBreach';
const DEDUCTION_LABELS: Record<DeductionKind, string> = { complaint: '居民投诉（扣 3 至 5 分）', dispute: '矛盾调处（扣 5 至 10 分）', safetyBreach: '安全守纪（本月清零）' };
interface Deduction { kind: DeductionKind; points: number; decisionId: string; decisionLabel: string; reason: string }
type Input = InputOf<typeof correctCard>;

function CountPicker({ card, counts, onSet, onRemove }: { card: CardView; counts: Partial<Record<CorrectableCount, number>>; onSet: (k: CorrectableCount, v: number) => void; onRemove: (k: CorrectableCount) => void }) {
  const [key, setKey] = useState<CorrectableCount>('householdsVisited');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = () => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0) { setError('请填写 0 或正整数'); return; }
    setError(undefined);
    onSet(key, n);
    setValue('');
  };
  const chosen = Object.keys(counts) as CorrectableCount[];
  return (
    <View className='card'>
      <Text className='card__title'>更正次数</Text>
      {chosen.map((k) => (
        <View key={k} className='item correct__count'>
          <Text className='item__title'>{COUNT_LABELS[k]}：{card.values[k]} → {counts[k]}</Text>
          <Button className='btn' onClick={() => onRemove(k)}>不更正这一项</Button>
        </View>
      ))}
      <Choice label='要更正的项目' value={key} options={CORRECTABLE_COUNTS.map((k) => [k, `${COUNT_LABELS[k]}（现为 ${card.values[k]}）`] as const)} onChange={setKey} />
      <NumberField label={`${COUNT_LABELS[key]}更正为`} value={value} onChange={setValue} error={error} />
      <Button className='btn' onClick={add}>加入更正</Button>
    </View>
  );
}

function DeductionPicker({ staffId, onAdd }: { staffId: string; onAdd: (d: Deduction) => void }) {
  const decisions = useAsync(() => firstPage((offset) => call(listDecisions, { offset, limit: 50 })));
  const [kind, setKind] = useState<DeductionKind>('complaint');
  const [f, setF] = useState({ points: '', decisionId: '', reason: '' });
  const [error, setError] = useState<string | undefined>();
  const mine = decisions.status === 'ready' ? decisions.data.filter((d) => d.staffIds.includes(staffId)) : [];
  const add = () => {
    const decision = mine.find((d) => d.id === f.decisionId);
    if (!decision) { setError('请选择依据的集体决定'); return; }
    if (!f.reason.trim()) { setError('请填写事由'); return; }
    const points = kind === 'safetyBreach' ? 0 : -Math.abs(Number(f.points));
    if (kind !== 'safetyBreach' && (f.points.trim() === '' || !Number.isFinite(points))) { setError('请填写扣分'); return; }
    setError(undefined);
    onAdd({ kind, points, decisionId: decision.id, decisionLabel: `${decision.date} ${decision.meeting}`, reason: f.reason.trim() });
    setF({ points: '', decisionId: '', reason: '' });
  };
  return (
    <View className='card'>
      <Text className='card__title'>增加扣分或清零</Text>
      <Choice label='项目' value={kind} options={(Object.keys(DEDUCTION_LABELS) as DeductionKind[]).map((k) => [k, DEDUCTION_LABELS[k]] as const)} onChange={setKind} />
      {kind !== 'safetyBreach' ? <NumberField label='扣分（填写分数）' value={f.points} onChange={(v) => setF((s) => ({ ...s, points: v }))} /> : null}
      {decisions.status === 'loading' ? <Text className='card__text'>正在读取集体决定…</Text> : null}
      {decisions.status === 'error' ? <Button className='btn' onClick={decisions.reload}>读取集体决定失败，重试</Button> : null}
      {decisions.status === 'ready' && !mine.length ? (
        <View>
          <Text className='form__error'>没有涉及这位工作人员的集体决定。扣分和清零须先记录班子集体讨论的决定。</Text>
          <Button className='btn' onClick={() => open(withQuery(ROUTES.staff.pointsDecision, { staffId }))}>记录集体讨论决定</Button>
        </View>
      ) : null}
      {mine.length ? <Choice label='依据的集体决定' value={f.decisionId} options={mine.map((d) => [d.id, `${d.date} ${d.meeting}`] as const)} onChange={(v) => setF((s) => ({ ...s, decisionId: v }))} /> : null}
      <TextArea label='事由' value={f.reason} maxlength={300} onChange={(v) => setF((s) => ({ ...s, reason: v }))} />
      {error ? <View role='alert'><Text className='field__error'>{error}</Text></View> : null}
      <Button className='btn' onClick={add}>加入更正</Button>
    </View>
  );
}

function Correction({ card, onDone }: { card: CardView; onDone: (c: CardView) => void }) {
  const [counts, setCounts] = useState<Partial<Record<CorrectableCount, number>>>({});
  const [deductions, setDeductions] = useState<Deduction[]>([]);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState('');
  const input = (): Input => {
    const ref = (d: Deduction) => ({ decisionId: d.decisionId, reason: d.reason });
    const safety = deductions.find((d) => d.kind === 'safetyBreach');
    return {
      staffId: card.staffId,
      month: card.month,
      reason,
      evidence: { fileIds: [], text: evidence || null },
      counts,
      complaints: deductions.filter((d) => d.kind === 'complaint').map((d) => ({ ...ref(d), points: d.points })),
      disputes: deductions.filter((d) => d.kind === 'dispute').map((d) => ({ ...ref(d), points: d.points })),
      ...(safety ? { safetyBreach: ref(safety) } : {}),
    };
  };
  const save = useSubmit((requestId) => call(correctCard, input(), { requestId }));
  const empty = !Object.keys(counts).length && !deductions.length;
  const submit = async () => {
    const r = await save.submit();
    if (r) onDone(r.card);
  };
  return (
    <View>
      <CountPicker card={card} counts={counts} onSet={(k, v) => setCounts((c) => ({ ...c, [k]: v }))} onRemove={(k) => setCounts((c) => { const n = { ...c }; delete n[k]; return n; })} />
      {card.values.safetyOrDisciplineBreach ? null : <DeductionPicker staffId={card.staffId} onAdd={(d) => setDeductions((s) => (d.kind === 'safetyBreach' ? [...s.filter((x) => x.kind !== 'safetyBreach'), d] : [...s, d]))} />}
      {deductions.length ? <Text className='section-title'>要增加的扣分</Text> : null}
      {deductions.map((d, i) => (
        <View key={`${d.decisionId}-${i}`} className='item'>
          <Text className='item__title'>{DEDUCTION_LABELS[d.kind]}{d.kind !== 'safetyBreach' ? ` ${d.points} 分` : ''}</Text>
          <Text className='item__meta'>依据：{d.decisionLabel}</Text>
          <Text className='item__text'>{d.reason}</Text>
          <Button className='btn' onClick={() => setDeductions((s) => s.filter((_, j) => j !== i))}>删除这一项</Button>
        </View>
      ))}
      <View className='card'>
        <TextArea label='更正原因（必填）' value={reason} maxlength={300} onChange={setReason} error={save.errors.reason} />
        <TextArea label='证明材料说明' optional value={evidence} maxlength={500} onChange={setEvidence} error={save.errors.text} />
        {empty ? <Text className='card__hint'>请先加入至少一项更正。</Text> : null}
        <FormError error={save.error} />
        <Button id='correct-submit' className='btn btn--primary' loading={save.busy} disabled={save.busy || empty} onClick={() => void submit()}>提交更正</Button>
      </View>
    </View>
  );
}

function Load({ staffId, month }: { staffId: string; month: string }) {
  const card = useAsync(() => call(getCard, { staffId, month }));
  const [result, setResult] = useState<CardView | null>(null);
  if (card.status === 'loading') return <Loading />;
  if (card.status === 'error') return <ErrorView error={card.error} onRetry={card.reload} />;
  if (result) {
    const last = result.corrections[result.corrections.length - 1];
    return (
      <View>
        <View className='notice' role='status'>
          <Text>已提交第 {last?.sequence ?? result.corrections.length} 次更正，更正后合计 {result.effectiveTotal} 分。签字时的积分卡保持不变，更正记录列在旁边。</Text>
        </View>
        {last ? last.changes.map((c) => (
          <Text key={c.key} className='item__meta'>{changeLabel(c.key)}：{showValue(c.before)} → {showValue(c.after)}</Text>
        )) : null}
        <PointsCard card={result} />
        <Button className='btn' onClick={() => { setResult(null); card.reload(); }}>再做一次更正</Button>
      </View>
    );
  }
  const c = card.data.card;
  if (c.status !== 'signed') return <Text className='state__text'>{c.staffName} 本月积分卡还没有签字，可以直接在积分卡上修改，不需要更正。</Text>;
  return (
    <View>
      <PointsCard card={c} />
      <Correction card={c} onDone={setResult} />
    </View>
  );
}

export default function CorrectPage() {
  const { staffId = '', month = '' } = useRouter().params;
  return (
    <Screen>
      <StaffGate>
        {(me) => (!isSecretary(me) ? <Text className='state__text'>只有书记可以更正积分卡。</Text> : staffId && month ? <Load staffId={decodeURIComponent(staffId)} month={month} /> : <Text className='state__text'>没有指定积分卡。</Text>)}
      </StaffGate>
    </Screen>
  );
}
