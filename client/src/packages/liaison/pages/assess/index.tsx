/**
 * 录入评定: an assessor's score for one indicator of the district, with a reason and evidence.
 * Saving appends the entry and recomputes the snapshot's window, so the dashboard shows it at once.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { assess, compute, getSnapshot, type SnapshotView } from '@shared/contracts/metrics';
import { AppError } from '@shared/errors';
import { RoleGate } from '../../../../components/RoleGate';
import { Screen } from '../../../../components/Screen';
import { ErrorView, Loading } from '../../../../components/States';
import { allowedScores, scoreProblem } from '../../../../components/liaison/assessable';
import { EvidenceFiles, type Evidence } from '../../../../components/liaison/EvidenceFiles';
import { scoreOf } from '../../../../components/liaison/format';
import { indicatorText } from '../../../../components/liaison/rubric';
import { Choice, NumberField, TextArea } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';
import '../../../../components/liaison/liaison.css';
import { ROUTES, withQuery } from '../../../../lib/routes';
import '../../../../components/staff/staff.css';

function backToDashboard(districtId: string, from: string) {
  // the form was opened from an indicator page of the dashboard: go back past both
  if (Taro.getCurrentPages().length > 2) void Taro.navigateBack({ delta: 2 });
  else void Taro.redirectTo({ url: withQuery(ROUTES.liaison.scope, { level: 'district', id: districtId, from }) });
}

function Form({ view, path }: { view: SnapshotView; path: string }) {
  const i = view.indicators.find((x) => x.path === path);
  const allowed = i ? allowedScores(i, indicatorText(path)) : null;
  const [score, setScore] = useState(i?.assessed ? String(i.assessed.score) : '');
  const [reason, setReason] = useState('');
  const [files, setFiles] = useState<Evidence[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSubmit(async (requestId) => {
    await call(assess, { districtId: view.scope.districtId, path, score: Number(score), reason, evidence: files.map((f) => f.fileID) }, { requestId });
    // the entry takes effect in the next computation: make it now, for the same window
    await call(compute, { scope: { level: 'district', id: view.scope.districtId }, from: view.window.from }, { timeoutMs: 60_000 });
    return true;
  });
  if (!i || !allowed) return <ErrorView error={new AppError('INVALID_INPUT', '这项指标的得分由规则确定，不需要评定')} onRetry={() => Taro.navigateBack()} />;

  const submit = async () => {
    const p = scoreProblem(score, allowed) ?? (allowed.evidenceRequired && files.length === 0 ? '请上传证据材料' : null) ?? (reason.trim() ? null : '请写明评定理由');
    setProblem(p);
    if (p) return;
    if (await save.submit()) {
      void Taro.showToast({ title: '已保存并重新统计', icon: 'none' });
      backToDashboard(view.scope.districtId, view.window.from);
    }
  };
  return (
    <View>
      <View className='card'>
        <Text className='card__label'>{view.scope.name}</Text>
        <Text className='card__heading'>{i.label}</Text>
        <Text className='card__text'>当前 {scoreOf(i.score, i.max)}{i.proposed !== null ? `，规则建议 ${i.proposed} 分` : ''}</Text>
        {i.band ? <Text className='card__hint'>{i.band}</Text> : null}
      </View>
      {allowed.choices ? (
        <Choice label={`评定分（${allowed.text}）`} value={score} options={allowed.choices.map((c) => [String(c), `${c} 分`] as const)} onChange={setScore} error={save.errors.score} />
      ) : (
        <NumberField label={`评定分（${allowed.text}）`} value={score} onChange={setScore} error={save.errors.score} />
      )}
      <TextArea label='评定理由' value={reason} onChange={setReason} maxlength={500} error={save.errors.reason} placeholder='写明依据，例如查看了哪些材料' />
      <EvidenceFiles files={files} onChange={setFiles} required={allowed.evidenceRequired} />
      {problem ? <View className='form__error' role='alert'><Text>{problem}</Text></View> : null}
      <FormError error={save.error} />
      <Button className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={submit}>保存评定</Button>
    </View>
  );
}

function Load({ id, path }: { id: string; path: string }) {
  const state = useAsync(() => call(getSnapshot, { id }));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={state.reload} />;
  return <Form view={state.data} path={path} />;
}

export default function AssessPage() {
  const { params } = useRouter();
  return (
    <Screen>
      <RoleGate allow={['district_liaison', 'city_admin']} area='评定录入' audience='区联络员和市级验收人员'>
        {() => <Load id={decodeURIComponent(params.snapshot ?? '')} path={decodeURIComponent(params.path ?? '')} />}
      </RoleGate>
    </Screen>
  );
}
