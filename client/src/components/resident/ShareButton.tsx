/**
 * 转发到群聊. In the mini-program this is WeChat's own share button (the page's
 * useShareAppMessage records the share). The H5 development build has no WeChat to share into,
 * so there the button records the share itself and shows the link that would be sent.
 */
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { Alert } from './Alert';
import { useSubmit } from '../../hooks/useSubmit';
import './resident.css';

interface Props {
  /** records a share and answers its id */
  record: (requestId: string) => Promise<string>;
  /** the page path for a share id */
  path: (shareId: string) => string;
}

export function ShareButton({ record, path }: Props) {
  const share = useSubmit((requestId) => record(requestId));
  const [link, setLink] = useState<string | null>(null);

  if (process.env.TARO_ENV === 'weapp') {
    return <Button className='btn btn--primary' openType='share'>转发到微信群</Button>;
  }
  const onShare = async () => {
    const shareId = await share.submit();
    if (shareId) setLink(`${window.location.origin}${window.location.pathname}#${path(shareId)}`);
  };
  return (
    <View>
      <Button className='btn btn--primary' loading={share.busy} disabled={share.busy} onClick={onShare}>转发到微信群</Button>
      <Alert text={share.message} />
      {link ? (
        <View className='ralert ralert--ok' role='status'>
          <Text>已记录转发。发到群里的链接：</Text>
          <Text className='rshare__link' userSelect>{link}</Text>
        </View>
      ) : null}
    </View>
  );
}
