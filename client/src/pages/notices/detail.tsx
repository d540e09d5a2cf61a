/**
 * One notice. Opening it records the resident's read (and, when the link came from a share, the
 * read through that share; when the page was opened from a group chat, that group, through
 * getGroupEnterInfo's cloudID). 转发 records the share first and puts its id in the shared link.
 */
import { useEffect, useRef, useState } from 'react';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { getNotice, shareNotice } from '@shared/contracts/content-notices';
import type { OutputOf } from '@shared/contract';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Comments } from '../../components/resident/Comments';
import { formatDateTime } from '../../lib/time';
import { enableGroupShareMenu, enteredGroupCloudId, SHARE_WAIT_MS, within } from '../../components/resident/share';
import { ShareButton } from '../../components/resident/ShareButton';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { param, ROUTES, withQuery } from '../../lib/routes';

type Notice = OutputOf<typeof getNotice>;

const noticePath = (id: string, shareId?: string) => withQuery(ROUTES.resident.notice, { id, shareId });

/** getGroupEnterInfo answers at once in practice; never hold the notice back for it. */
const GROUP_ENTER_WAIT_MS = 1500;

async function openNotice(id: string, viaShareId: string | undefined): Promise<Notice> {
  const groupEnter = await within(enteredGroupCloudId(), GROUP_ENTER_WAIT_MS, undefined);
  return call(getNotice, { id, viaShareId }, { openData: { groupEnter } });
}

function reach(notice: Notice, shares: number): string {
  const parts = [`${notice.readCount} 人已读`, `转发 ${shares} 次`];
  if (notice.shareReadCount > 0) parts.push(`经转发阅读 ${notice.shareReadCount} 人`);
  if (notice.groupCount > 0) parts.push(`已传到 ${notice.groupCount} 个微信群`);
  return parts.join(' · ');
}

function NoticeBody({ notice, shares }: { notice: Notice; shares: number }) {
  return (
    <View className='card'>
      {notice.pinned ? <Text className='rtag rtag--strong' style={{ alignSelf: 'flex-start' }}>置顶</Text> : null}
      <Text className='card__heading'>{notice.title}</Text>
      <Text className='card__hint'>
        {formatDateTime(notice.publishAt)} · {notice.authorName}（居委会）发布{notice.editedAt ? ` · ${formatDateTime(notice.editedAt)} 修改过` : ''}
      </Text>
      <Text className='rbody'>{notice.body}</Text>
      <Text className='card__hint'>{reach(notice, shares)}</Text>
    </View>
  );
}

export default function NoticeDetailPage() {
  const { params } = useRouter();
  const id = param(params, 'id') ?? '';
  const viaShareId = param(params, 'shareId');
  const state = useAsync(() => openNotice(id, viaShareId));
  const [shares, setShares] = useState<number | null>(null);
  const title = useRef('社区公告');
  if (state.status === 'ready') title.current = state.data.title;

  useEffect(() => {
    enableGroupShareMenu();
  }, []);

  const recordShare = async (requestId?: string) => {
    const r = await call(shareNotice, { id }, { requestId });
    setShares(r.shareCount);
    return r.shareId;
  };

  // WeChat asks for the share content synchronously; the recorded share id arrives through
  // `promise`. If recording fails or is slow, the plain link is shared (no share id to count).
  useShareAppMessage(() => {
    const plain = { title: title.current, path: noticePath(id) };
    const withShare = recordShare().then((shareId) => ({ ...plain, path: noticePath(id, shareId) }));
    return { ...plain, promise: within(withShare, SHARE_WAIT_MS, plain) };
  });

  if (!id) {
    return (
      <Screen>
        <View className='state'><Text className='state__text'>没有找到这条公告，请从公告列表进入。</Text></View>
      </Screen>
    );
  }
  return (
    <Screen>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorView error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? (
        <>
          <NoticeBody notice={state.data} shares={shares ?? state.data.shareCount} />
          <ShareButton record={recordShare} path={(shareId) => noticePath(id, shareId)} />
          <Comments target={{ type: 'notice', id }} />
        </>
      ) : null}
    </Screen>
  );
}
