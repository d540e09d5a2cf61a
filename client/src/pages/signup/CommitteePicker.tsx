/** Choosing one's residents' committee by a few characters of its name (e.g. 曹杨一村). */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { findCommittees } from '@shared/contracts/household';
import type { OutputOf } from '@shared/contract';
import { Alert } from '../../components/resident/Alert';
import { useSubmit } from '../../hooks/useSubmit';
import { call } from '../../services/cloud';

export type CommitteeChoice = OutputOf<typeof findCommittees>['committees'][number];

export function CommitteePicker({ onPick }: { onPick: (c: CommitteeChoice) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CommitteeChoice[] | null>(null);
  const search = useSubmit(() => call(findCommittees, { q }));
  const onSearch = async () => {
    const r = await search.submit();
    if (r) setFound(r.committees);
  };
  return (
    <View className='card rform'>
      <Text className='rform__label'>您住在哪个居委会？</Text>
      <Text className='field__hint'>输入居委会名称里的几个字，例如「曹杨一村」</Text>
      <Input id='committee-q' className='rform__input' value={q} maxlength={20} placeholder='居委会名称' onInput={(e) => { setQ(e.detail.value); search.clearError(); }} />
      <Alert text={search.message} />
      <Button className='btn' loading={search.busy} disabled={search.busy} onClick={() => void onSearch()}>查找居委会</Button>
      {found && found.length === 0 ? <Text className='card__text'>没有找到，请换几个字再试。</Text> : null}
      {(found ?? []).map((c) => (
        <Button key={c.id} className='btn btn--entry' onClick={() => onPick(c)}>
          {c.name}{c.street ? `（${c.street}）` : ''}
        </Button>
      ))}
    </View>
  );
}
