/** A street's (or another district's) dashboard, opened from a district's drill-down. */
import { useRouter } from '@tarojs/taro';
import { RoleGate } from '../../../../components/RoleGate';
import { Screen } from '../../../../components/Screen';
import { ScopeDashboard } from '../../../../components/liaison/ScopeDashboard';
import { mayAssess } from '../../../../components/liaison/roles';
import { LIAISON_ROLES } from '../../../../lib/roles';
import '../../../../components/staff/staff.css';
import '../../../../components/liaison/liaison.css';

export default function ScopePage() {
  const { params } = useRouter();
  const level = params.level === 'street' ? 'street' : 'district';
  const from = params.from ? decodeURIComponent(params.from) : undefined;
  return (
    <Screen>
      <RoleGate allow={LIAISON_ROLES} area='统计' audience='街镇、区联络员和市级验收人员'>
        {(me) => <ScopeDashboard level={level} id={decodeURIComponent(params.id ?? '')} from={from} canAssess={level === 'district' && mayAssess(me)} />}
      </RoleGate>
    </Screen>
  );
}
