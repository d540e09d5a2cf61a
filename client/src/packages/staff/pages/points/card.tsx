/**
 * The secretary's view of one staff member's card (`?staffId=&month=`): the card, the entries
 * (removable until signed), a new entry, and the signature that freezes the card.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { getCard, removeEntry, signCard, type EntryView } from '@shared/contracts/points';
import { ErrorView, Loading } from '../../../../components/States';
import { Screen } from '../../../../components/Screen';
import { isSecretary, StaffGate } from '../../../../components/staff/StaffGate';
import { PointsCard } from '../../../../components/staff/PointsCard';
import { EntryForm, ENTRY_KIND_LABELS } from '../../../../components/staff/forms/EntryForm';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { useReturnReload } from '../../../../hooks/useReturnReload';
import { formatDateTime } from '../../../../lib/time';
import { open as openPage } from '../../../../components/staff/nav';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';
import { ROUTES, withQuery } from '../../../../lib/routes';

function Entry({ e, removable, onRemoved }: { e: EntryView; removable: boolean; onRemoved: () => void }) {
  const remove = useSubmit((requestId) => call(removeEntry, { entryId: e.id }, { requestId }));
  const p = e.entry;
  const detail = 'title' in p ? p.title : p.reason;
  return (
    <View className='item'>
      <Text className='item__title'>{ENTRY_KIND_LABELS[p.kind]}{'points' in p ? ` ${p.points} 分` : ''}</Text>
      <Text className='item__text'>{detail}</Text>
      <Text className='item__meta'>录入于 {formatDateTime(e.createdAt, 'short')}{e.evidence.text ? ` · 证明：${e.evidence.text}` : ''}</Text>
      <FormError error={remove.error} />
      {removable ? <Button className='btn' loading={remove.busy} disabled={remove.busy} onClick={async () => { if (await remove.submit()) onRemoved(); }}>删除这一项</Button> : null}
    </View>
  );
}

function Card({ staffId, month }: { staffId: string; month: string }) {
  const card = useAsync(() => call(getCard, { staffId, month }));
  useReturnReload(card.reload);
  const [adding, setAdding] = useState(false);
  const sign = useSubmit((requestId) => call(signCard, { staffId, month }, { requestId }));
  if (card.status === 'loading') return <Loading />;
  if (card.status === 'error') return <ErrorView error={card.error} onRetry={card.reload} />;
  const c = card.data.card;
  const open = c.status === 'open';
  const confirmSign = async () => {
    const sure = await Taro.showModal({ title: '签字确认', content: `签字后 ${c.staffName} 本月积分卡不能再修改，只能另行更正。确认签字？`, confirmText: '签字', cancelText: '再看看' });
    if (sure.confirm && (await sign.submit())) card.reload();
  };
  return (
    <View>
      <PointsCard card={c} />
      <Text className='section-title'>书记录入的项目</Text>
      {c.entries.length ? c.entries.map((e) => <Entry key={e.id} e={e} removable={open} onRemoved={card.reload} />) : <Text className='card__text'>还没有录入项目。</Text>}
      {open ? (
        <View>
          {adding ? <EntryForm staffId={staffId} month={month} onAdded={() => { setAdding(false); card.reload(); }} /> : <Button className='btn btn--entry' onClick={() => setAdding(true)}>录入加分或扣分项目</Button>}
          <FormError error={sign.error} />
          <Button className='btn btn--primary' loading={sign.busy} disabled={sign.busy} onClick={() => void confirmSign()}>签字确认本月积分卡</Button>
        </View>
      ) : null}
      {/* deductions and the reset cite a recorded decision; a signed card is changed only by a visible correction */}
      <Button className='btn btn--entry' onClick={() => openPage(withQuery(ROUTES.staff.pointsDecision, { staffId }))}>记录集体讨论决定</Button>
      {!open ? <Button className='btn btn--entry' onClick={() => openPage(withQuery(ROUTES.staff.pointsCorrect, { staffId, month }))}>更正已签字的积分卡</Button> : null}
    </View>
  );
}

export default function PointsCardPage() {
  const { staffId = '', month = '' } = useRouter().params;
  return (
    <Screen>
      <StaffGate>
        {(me) => (!isSecretary(me) ? <Text className='state__text'>只有书记可以审核积分卡。</Text> : staffId && month ? <Card staffId={staffId} month={month} /> : <Text className='state__text'>没有指定积分卡。</Text>)}
      </StaffGate>
    </Screen>
  );
}
