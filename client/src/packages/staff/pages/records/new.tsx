/** 新增工作记录 (`?type=visit|reception|meeting|activity`): one form per record type. */
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { RECORD_TYPES, type RecordType } from '@shared/domain/worklog';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { VisitForm } from '../../../../components/staff/forms/VisitForm';
import { ReceptionForm } from '../../../../components/staff/forms/ReceptionForm';
import { MeetingForm } from '../../../../components/staff/forms/MeetingForm';
import { ActivityForm } from '../../../../components/staff/forms/ActivityForm';
import { handOffToken } from '../../../../components/staff/receptionHandoff';
import { backOr } from '../../../../components/staff/nav';
import { RECORD_TYPE_LABELS } from '../../../../components/staff/labels';
import { ROUTES, withQuery } from '../../../../lib/routes';

function saved() {
  void Taro.showToast({ title: '已保存', icon: 'success' });
  backOr(ROUTES.staff.records);
}

function Form({ type }: { type: RecordType }) {
  switch (type) {
    case 'visit': return <VisitForm onSaved={saved} />;
    case 'meeting': return <MeetingForm onSaved={saved} />;
    case 'activity': return <ActivityForm onSaved={saved} />;
    case 'reception':
      return (
        <ReceptionForm
          onSaved={(r) => {
            handOffToken(r);
            void Taro.redirectTo({ url: withQuery(ROUTES.staff.reception, { id: r.record.id }) });
          }}
        />
      );
  }
}

export default function NewRecordPage() {
  const raw = useRouter().params.type ?? '';
  const type = (RECORD_TYPES as readonly string[]).includes(raw) ? (raw as RecordType) : null;
  useEffect(() => {
    if (type) void Taro.setNavigationBarTitle({ title: `新增${RECORD_TYPE_LABELS[type]}` });
  }, [type]);
  return (
    <Screen>
      <StaffGate>{() => (type ? <Form type={type} /> : <Text className='state__text'>请从工作记录页选择要新增的记录类型。</Text>)}</StaffGate>
    </Screen>
  );
}
