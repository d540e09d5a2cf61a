/** 上报问题: a new work order with the date by which it should be closed. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { reportIssue } from '@shared/contracts/worklog-orders';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { DateField, TextArea, TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { backOr } from '../../../../components/staff/nav';
import { addDays, localDate } from '../../../../lib/time';
import { call } from '../../../../services/cloud';
import { ROUTES } from '../../../../lib/routes';

function ReportForm() {
  const [f, setF] = useState({ title: '', description: '', place: '', dueDate: addDays(localDate(), 7) });
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const save = useSubmit((requestId) => call(reportIssue, { ...f, place: f.place || null }, { requestId }));
  const e = save.errors;
  return (
    <View>
      <TextField label='问题标题' value={f.title} onChange={set('title')} error={e.title} placeholder='如 3号楼楼道灯不亮' />
      <TextArea label='问题描述' value={f.description} onChange={set('description')} maxlength={2000} error={e.description} />
      <TextField label='问题地点' optional value={f.place} onChange={set('place')} error={e.place} />
      <DateField label='办结期限' date={f.dueDate} onDate={set('dueDate')} error={e.dueDate} />
      <FormError error={save.error} />
      <Button
        className='btn btn--primary'
        loading={save.busy}
        disabled={save.busy}
        onClick={async () => {
          if (await save.submit()) {
            void Taro.showToast({ title: '已上报', icon: 'success' });
            backOr(ROUTES.staff.orders);
          }
        }}
      >
        上报
      </Button>
    </View>
  );
}

export default function NewOrderPage() {
  return (
    <Screen>
      <StaffGate>{() => <ReportForm />}</StaffGate>
    </Screen>
  );
}
