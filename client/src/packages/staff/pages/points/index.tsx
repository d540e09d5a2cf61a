/**
 * 百事汇积分卡: my card for a month; the secretary also sees the committee's cards of the month
 * and opens each to enter items and sign.
 */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { getCard, listCards } from '@shared/contracts/points';
import { ErrorView, Loading } from '../../../../components/States';
import { Screen } from '../../../../components/Screen';
import { isSecretary, StaffGate } from '../../../../components/staff/StaffGate';
import { MonthBar } from '../../../../components/staff/MonthBar';
import { PointsCard } from '../../../../components/staff/PointsCard';
import { Tabs } from '../../../../components/staff/Tabs';
import { open } from '../../../../components/staff/nav';
import { localMonth } from '../../../../lib/time';
import type { Me } from '../../../../hooks/useMe';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';
import { ROUTES, withQuery } from '../../../../lib/routes';

function MyCard({ month }: { month: string }) {
  const card = useAsync(() => call(getCard, { month }));
  if (card.status === 'loading') return <Loading />;
  if (card.status === 'error') return <ErrorView error={card.error} onRetry={card.reload} />;
  return <PointsCard card={card.data.card} />;
}

function CommitteeCards({ month }: { month: string }) {
  const cards = useAsync(() => call(listCards, { month }));
  if (cards.status === 'loading') return <Loading />;
  if (cards.status === 'error') return <ErrorView error={cards.error} onRetry={cards.reload} />;
  if (!cards.data.items.length) return <Text className='state__text'>这个月还没有积分卡。</Text>;
  return (
    <View>
      {cards.data.items.map((c) => (
        <View key={c.staffId} className='item' onClick={() => open(withQuery(ROUTES.staff.pointsCard, { staffId: c.staffId, month }))}>
          <View className='row'>
            <Text className='item__title'>{c.staffName}</Text>
            <Text className='summary__num'>{c.effectiveTotal} 分</Text>
          </View>
          <View className='badges'>
            <Text className={c.status === 'signed' ? 'badge badge--ok' : 'badge'}>{c.status === 'signed' ? '已签字' : '待签字'}</Text>
            {c.corrections ? <Text className='badge badge--alert'>更正 {c.corrections} 次</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}

function Points({ me }: { me: Me }) {
  const [month, setMonth] = useState(localMonth);
  const [view, setView] = useState<'mine' | 'committee'>('mine');
  return (
    <View>
      {isSecretary(me) ? <Tabs value={view} options={[['mine', '我的积分卡'], ['committee', '全居委积分卡']]} onChange={setView} /> : null}
      <MonthBar month={month} onChange={setMonth} />
      {view === 'committee' ? <CommitteeCards key={month} month={month} /> : <MyCard key={month} month={month} />}
    </View>
  );
}

export default function PointsPage() {
  return (
    <Screen>
      <StaffGate>{(me) => <Points me={me} />}</StaffGate>
    </Screen>
  );
}
