/**
 * Asking the committee. One requestId per question, kept across the user's retries (useSubmit):
 * a reply lost on a weak network and a second tap of 提交 still make one question.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { ask, MAX_QUESTION_LENGTH } from '@shared/contracts/inbox';
import { Screen } from '../../components/Screen';
import { Alert } from '../../components/resident/Alert';
import { useSubmit } from '../../hooks/useSubmit';
import { call } from '../../services/cloud';
import { ROUTES, withQuery } from '../../lib/routes';

export default function AskPage() {
  const [content, setContent] = useState('');
  const send = useSubmit((requestId) => call(ask, { content }, { requestId }));

  const onSubmit = async () => {
    const r = await send.submit();
    if (!r) return;
    void Taro.showToast({ title: '已提交', icon: 'success' });
    void Taro.redirectTo({ url: withQuery(ROUTES.resident.question, { id: r.question.id }) });
  };

  return (
    <Screen>
      <View className='card rform'>
        <Text className='card__text'>有什么事想问居委会？写下来，值班的工作人员会尽快答复（一般在24小时内）。</Text>
        <Text className='card__hint'>请不要写身份证号、银行卡号等个人信息。</Text>
        <Textarea
          className='rform__textarea'
          value={content}
          maxlength={MAX_QUESTION_LENGTH}
          placeholder='例如：小区什么时候加装电梯？'
          onInput={(e) => { setContent(e.detail.value); send.clearError(); }}
        />
        <Text className='rform__count'>{content.length}/{MAX_QUESTION_LENGTH}</Text>
        <Alert text={send.message} />
        <Button className='btn btn--primary' loading={send.busy} disabled={send.busy} onClick={() => void onSubmit()}>提交</Button>
      </View>
    </Screen>
  );
}
