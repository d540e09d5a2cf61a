/** 社区公告 (tab): the committee's notices, pinned first, newest next, page by page. */
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { listNotices } from '@shared/contracts/content-notices';
import { Screen } from '../../components/Screen';
import { formatDay } from '../../lib/time';
import { ListItem } from '../../components/resident/ListItem';
import { PagedList } from '../../components/PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { useReturnReload } from '../../hooks/useReturnReload';
import { call } from '../../services/cloud';
import { ROUTES, withQuery } from '../../lib/routes';

export default function NoticesPage() {
  const list = usePagedList((offset) => call(listNotices, { offset, limit: 20 }));
  useReachBottom(list.loadMore);
  // back from a notice: its 未读 mark and read count have changed
  useReturnReload(list.reload);
  // the list shows its own loading state, so the pull indicator can go at once
  usePullDownRefresh(() => {
    list.reload();
    void Taro.stopPullDownRefresh();
  });
  return (
    <Screen>
      <PagedList
        list={list}
        variant='resident'
        empty='居委会还没有发布公告'
        keyOf={(n) => n.id}
        render={(n) => (
          <ListItem
            title={n.title}
            tag={n.pinned ? '置顶' : undefined}
            tagStrong
            mark={n.readByMe ? undefined : '未读'}
            meta={<Text>{formatDay(n.publishAt)} 发布 · {n.readCount} 人已读</Text>}
            onOpen={() => void Taro.navigateTo({ url: withQuery(ROUTES.resident.notice, { id: n.id }) })}
          />
        )}
      />
    </Screen>
  );
}
