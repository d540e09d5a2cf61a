/** 统计 (subpackage, street / district liaisons and the city team): opens on the liaison's own district or street. */
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { RoleGate } from '../../../../components/RoleGate';
import { Screen } from '../../../../components/Screen';
import { ScopeDashboard } from '../../../../components/liaison/ScopeDashboard';
import { mayAssess } from '../../../../components/liaison/roles';
import type { Me } from '../../../../hooks/useMe';
import { LIAISON_ROLES, roleNames } from '../../../../lib/roles';
import '../../../../components/liaison/liaison.css';
import { ROUTES } from '../../../../lib/routes';
import '../../../../components/staff/staff.css';

function Home({ me }: { me: Me }) {
  if (me.roles.includes('district_liaison') && me.district) return <ScopeDashboard level='district' id={me.district.id} canAssess={mayAssess(me)} />;
  if (me.roles.includes('street_liaison') && me.street) return <ScopeDashboard level='street' id={me.street.id} canAssess={false} />;
  return (
    <View className='card'>
      <Text className='card__label'>统计范围</Text>
      <Text className='card__heading'>{me.roles.includes('city_admin') ? '全市' : '未绑定辖区'}</Text>
      <Text className='card__text'>{me.displayName ?? ''} · {roleNames(me.roles)}</Text>
      <Text className='card__hint'>
        {me.roles.includes('city_admin') ? '请打开各区联络员转发的统计页面，或请区联络员导出 Excel 表格。' : '您的账号还没有绑定区或街镇，请联系区联络员开通。'}
      </Text>
    </View>
  );
}

export default function LiaisonHome() {
  return (
    <Screen>
      <RoleGate allow={LIAISON_ROLES} area='统计' audience='街镇、区联络员和市级验收人员'>
        {(me) => (
          <View>
            <Home me={me} />
            <Button className='btn btn--entry' onClick={() => void Taro.navigateTo({ url: ROUTES.liaison.staffDirectory })}>{mayAssess(me) ? '人员管理（新增、停用、导入）' : '人员名单'}</Button>
          </View>
        )}
      </RoleGate>
    </Screen>
  );
}
