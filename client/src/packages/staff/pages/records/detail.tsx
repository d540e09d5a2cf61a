/** One work record as the server shows it to its author or the secretary (the read is audited there). */
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getRecord, removeRecord } from '@shared/contracts/worklog';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { backOr } from '../../../../components/staff/nav';
import { ErrorView, Loading } from '../../../../components/States';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { RECEPTION_CATEGORY_LABELS, RECORD_TYPE_LABELS, VISIT_KIND_LABELS } from '../../../../components/staff/labels';
import { formatDateTime } from '../../../../lib/time';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';
import { ROUTES } from '../../../../lib/routes';

function Row({ label, value }: { label: string; value: string | number | null | undefined }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Text className='card__text'>{value}</Text>
    </View>
  );
}

/** The author may withdraw a record for 48 hours (the server decides; `editable` says so). */
function Remove({ id, until }: { id: string; until: string }) {
  const remove = useSubmit((requestId) => call(removeRecord, { recordId: id }, { requestId }));
  const ask = async () => {
    const sure = await Taro.showModal({ title: '删除这条记录？', content: '删除后不再计入统计。', confirmText: '删除', cancelText: '不删' });
    if (!sure.confirm) return;
    if (await remove.submit()) backOr(ROUTES.staff.records);
  };
  return (
    <View>
      <Text className='card__hint'>{formatDateTime(until, 'short')} 前可以删除。</Text>
      <FormError error={remove.error} />
      <Button className='btn' loading={remove.busy} disabled={remove.busy} onClick={() => void ask()}>删除这条记录</Button>
    </View>
  );
}

function Detail({ id }: { id: string }) {
  const r = useAsync(() => call(getRecord, { recordId: id }));
  if (r.status === 'loading') return <Loading />;
  if (r.status === 'error') return <ErrorView error={r.error} onRetry={r.reload} />;
  const d = r.data;
  return (
    <View className='card'>
      <Text className='card__label'>{RECORD_TYPE_LABELS[d.type]} · {d.staffName}</Text>
      <Text className='card__heading'>{d.title}</Text>
      <Row label='时间' value={formatDateTime(d.at, 'short')} />
      {d.visit ? (
        <View>
          <Row label='走访居民' value={d.visit.residentName} />
          <Row label='楼号 / 室号' value={`${d.visit.building} ${d.visit.room}`} />
          <Row label='家庭成员情况' value={d.visit.familySituation} />
          <Row label='走访事由' value={d.visit.reason} />
          <Row label='困难或诉求' value={d.visit.difficulty} />
          <Row label='走访类型' value={VISIT_KIND_LABELS[d.visit.kind] + (d.visit.line ? `（${d.visit.line}）` : '')} />
          <Row label='备注' value={d.visit.remark} />
        </View>
      ) : null}
      {d.reception ? (
        <View>
          <Row label='来访居民' value={d.reception.residentName} />
          <Row label='接待类别' value={RECEPTION_CATEGORY_LABELS[d.reception.category]} />
          <Row label='咨询或办事事项' value={d.reception.matter} />
          <Row label='答复或办理结果' value={d.reception.outcome} />
          <Row label='居民确认' value={d.reception.confirmation.status === 'confirmed' ? `已确认（${d.reception.confirmation.method === 'signature' ? '签名' : '扫码'}）` : '待确认'} />
        </View>
      ) : null}
      {d.meeting ? (
        <View>
          <Row label='会议主题' value={d.meeting.topic} />
          <Row label='参会人数' value={d.meeting.attendeeCount} />
          <Row label='参会人员' value={d.meeting.attendees.join('、')} />
          <Row label='会议纪要' value={d.meeting.minutes} />
          <Row label='决定事项' value={d.meeting.decisions.join('\n')} />
        </View>
      ) : null}
      {d.activity ? (
        <View>
          <Row label='活动地点' value={d.activity.place} />
          <Row label='参与人数' value={d.activity.attendance} />
          <Row label='活动内容' value={d.activity.description} />
        </View>
      ) : null}
      {d.editable ? <Remove id={d.id} until={d.editableUntil} /> : null}
    </View>
  );
}

export default function RecordDetailPage() {
  const id = useRouter().params.id ?? '';
  return (
    <Screen>
      <StaffGate>{() => (id ? <Detail id={id} /> : <Text className='state__text'>没有指定记录。</Text>)}</StaffGate>
    </Screen>
  );
}
