/**
 * Raising a topic: for residents whose household is registered (the server checks again and
 * content-checks the text), and for committee staff (from the workbench's 议事厅 tab). The
 * committee opens it for discussion; until then only the proposer and staff see it. Staff land
 * on the topic's workbench page, where they open it; residents on the topic itself.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { proposeTopic } from '@shared/contracts/content-topics';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Alert } from '../../components/resident/Alert';
import { useSubmit } from '../../hooks/useSubmit';
import { useMe } from '../../hooks/useMe';
import { PollEditor, type PollDraft } from './PollEditor';
import { COMMITTEE_ROLES, hasAnyRole } from '../../lib/roles';
import { call } from '../../services/cloud';
import { ROUTES, withQuery } from '../../lib/routes';

/** staff may propose too; a resident needs a claimed household (role `resident`) */
const PROPOSERS = ['resident', 'staff', 'secretary'] as const;
const TITLE_MAX = 80;
const TEXT_MAX = 5000;

function ProposeForm({ topicUrl }: { topicUrl: (id: string) => string }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [poll, setPoll] = useState<PollDraft | null>(null);
  const send = useSubmit((requestId) => call(proposeTopic, { title, description, poll: poll ?? undefined }, { requestId }));

  const onSubmit = async () => {
    const r = await send.submit();
    if (!r) return;
    void Taro.showToast({ title: '议题已提交', icon: 'success' });
    void Taro.redirectTo({ url: topicUrl(r.id) });
  };

  return (
    <View className='card rform'>
      <Text className='card__hint'>居委会收到后会安排讨论。请写清楚是什么事、希望怎么解决。</Text>
      <Text className='rform__label'>议题（一句话说明）</Text>
      <Input className='rform__input' value={title} maxlength={TITLE_MAX} placeholder='例如：楼道加装扶手' onInput={(e) => { setTitle(e.detail.value); send.clearError(); }} />
      <Text className='rform__count'>{title.length}/{TITLE_MAX}</Text>
      <Text className='rform__label'>具体说明</Text>
      <Textarea className='rform__textarea' value={description} maxlength={TEXT_MAX} placeholder='写下情况和您的建议' onInput={(e) => { setDescription(e.detail.value); send.clearError(); }} />
      <Text className='rform__count'>{description.length}/{TEXT_MAX}</Text>
      <PollEditor value={poll} onChange={(p) => { setPoll(p); send.clearError(); }} />
      <Alert text={send.message} />
      <Button className='btn btn--primary' loading={send.busy} disabled={send.busy} onClick={() => void onSubmit()}>提交议题</Button>
    </View>
  );
}

export default function ProposePage() {
  const me = useMe();
  return (
    <Screen>
      {me.status === 'loading' ? <Loading /> : null}
      {me.status === 'error' ? <ErrorView error={me.error} onRetry={me.reload} /> : null}
      {me.status === 'ready' && !hasAnyRole(me.data.roles, PROPOSERS) ? (
        <View className='state' role='alert'>
          <Text className='state__title'>完成家庭登记后才能提议题</Text>
          <Text className='state__text'>请先完成家庭登记（上云）。您现在可以在议事厅阅读议题、发表意见。</Text>
          <Button className='btn' onClick={() => void Taro.navigateBack()}>返回</Button>
        </View>
      ) : null}
      {me.status === 'ready' && hasAnyRole(me.data.roles, PROPOSERS) ? (
        <ProposeForm topicUrl={(id) => withQuery(hasAnyRole(me.data.roles, COMMITTEE_ROLES) ? ROUTES.staff.topic : ROUTES.resident.topic, { id })} />
      ) : null}
    </Screen>
  );
}
