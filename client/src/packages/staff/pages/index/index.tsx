/**
 * 工作台 (subpackage, committee staff and secretaries): inside WeCom it signs the phone in first
 * (StaffGate), then offers each area of work as one large button.
 */
import { Button, Text, View } from '@tarojs/components';
import { Screen } from '../../../../components/Screen';
import { StaffGate, isSecretary } from '../../../../components/staff/StaffGate';
import { open } from '../../../../components/staff/nav';
import { roleNames } from '../../../../lib/roles';
import { ROUTES } from '../../../../lib/routes';

const AREAS: [label: string, url: string][] = [
  ['线上反馈（居民留言）', ROUTES.staff.inbox],
  ['公告、党建与议事（发布和管理）', ROUTES.staff.content],
  ['工作记录（走访、接待、会议、活动）', ROUTES.staff.records],
  ['问题处置（工单）', ROUTES.staff.orders],
  ['错时值班', ROUTES.staff.roster],
  ['积分卡', ROUTES.staff.points],
  ['人口库导入', ROUTES.staff.register],
];

export default function StaffHome() {
  return (
    <Screen>
      <StaffGate>
        {(me) => (
          <View>
            <View className='card'>
              <Text className='card__label'>工作台</Text>
              <Text className='card__heading'>{me.committee?.name ?? '尚未绑定居委会'}</Text>
              <Text className='card__text'>{me.displayName ?? ''} · {roleNames(me.roles)}</Text>
            </View>
            <View className='menu'>
              {AREAS.map(([label, url]) => (
                <Button key={url} className='btn btn--entry' onClick={() => open(url)}>{label}</Button>
              ))}
              {isSecretary(me) ? <Button className='btn btn--entry' onClick={() => open(ROUTES.staff.pointsDecision)}>集体讨论决定（扣分依据）</Button> : null}
              {isSecretary(me) ? <Button className='btn btn--entry' onClick={() => open(ROUTES.liaison.staffDirectory)}>本居委人员名单</Button> : null}
            </View>
          </View>
        )}
      </StaffGate>
    </Screen>
  );
}
