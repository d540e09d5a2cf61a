/** 统计 (subpackage, street / district liaisons and the city team). Dashboards arrive as their own pages. */
import { Text, View } from '@tarojs/components';
import { RoleGate } from '../../../../components/RoleGate';
import { Screen } from '../../../../components/Screen';
import type { Me } from '../../../../hooks/useMe';
import { LIAISON_ROLES, roleNames } from '../../../../lib/roles';

/** The widest region the liaison looks after, as the heading of the statistics page. */
function scopeName(me: Me): string {
  if (me.roles.includes('city_admin')) return '全市';
  if (me.roles.includes('district_liaison') && me.district) return me.district.name;
  return me.street?.name ?? me.district?.name ?? '未绑定辖区';
}

export default function LiaisonHome() {
  return (
    <Screen>
      <RoleGate allow={LIAISON_ROLES} area='统计' audience='街镇、区联络员和市级验收人员'>
        {(me) => (
          <View className='card'>
            <Text className='card__label'>统计范围</Text>
            <Text className='card__heading'>{scopeName(me)}</Text>
            <Text className='card__text'>{me.displayName ?? ''} · {roleNames(me.roles)}</Text>
          </View>
        )}
      </RoleGate>
    </Screen>
  );
}
