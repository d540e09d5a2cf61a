/** 工作台 (subpackage, committee staff and secretaries). Work features arrive as their own pages. */
import { Text, View } from '@tarojs/components';
import { RoleGate } from '../../../../components/RoleGate';
import { Screen } from '../../../../components/Screen';
import { roleNames, STAFF_ROLES } from '../../../../lib/roles';

export default function StaffHome() {
  return (
    <Screen>
      <RoleGate allow={STAFF_ROLES} area='工作台' audience='居委会工作人员'>
        {(me) => (
          <View className='card'>
            <Text className='card__label'>工作台</Text>
            <Text className='card__heading'>{me.committee?.name ?? '尚未绑定居委会'}</Text>
            <Text className='card__text'>{me.displayName ?? ''} · {roleNames(me.roles)}</Text>
          </View>
        )}
      </RoleGate>
    </Screen>
  );
}
