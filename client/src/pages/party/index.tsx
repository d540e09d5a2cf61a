/** 党建园地: the committee's articles, party activities and volunteer calls, by kind. */
import { useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { listPartyPosts, PARTY_KINDS, type PartyKind } from '@shared/contracts/content-party';
import { Screen } from '../../components/Screen';
import { formatDateTime, formatDay } from '../../lib/time';
import { ListItem } from '../../components/resident/ListItem';
import { PagedList } from '../../components/PagedList';
import { Tabs } from '../../components/resident/Tabs';
import { usePagedList } from '../../hooks/usePagedList';
import { useReturnReload } from '../../hooks/useReturnReload';
import { call } from '../../services/cloud';
import { KIND_LABELS } from './labels';
import { ROUTES, withQuery } from '../../lib/routes';

type Filter = PartyKind | 'all';
const FILTERS: { key: Filter; label: string }[] = [{ key: 'all', label: '全部' }, ...PARTY_KINDS.map((k) => ({ key: k, label: KIND_LABELS[k] }))];

export default function PartyPage() {
  const [kind, setKind] = useState<Filter>('all');
  const list = usePagedList((offset) => call(listPartyPosts, { kind: kind === 'all' ? undefined : kind, offset, limit: 20 }), kind);
  useReachBottom(list.loadMore);
  // back from a post: the caller may have signed up, cancelled or liked
  useReturnReload(list.reload);
  return (
    <Screen>
      <Tabs options={FILTERS} value={kind} onChange={setKind} />
      <PagedList
        list={list}
        variant='resident'
        empty='这里还没有内容'
        keyOf={(p) => p.id}
        render={(p) => (
          <ListItem
            title={p.title}
            tag={KIND_LABELS[p.kind]}
            mark={p.signedUpByMe ? '我已报名' : undefined}
            meta={
              <>
                {p.startsAt ? <Text>时间：{formatDateTime(p.startsAt)}</Text> : null}
                {p.capacity !== null ? <Text>已报名 {p.signupCount} 人，共 {p.capacity} 个名额</Text> : null}
                <Text>{formatDay(p.publishedAt)} 发布 · {p.likeCount} 人点赞{p.likedByMe ? '（含我）' : ''}</Text>
              </>
            }
            onOpen={() => void Taro.navigateTo({ url: withQuery(ROUTES.resident.partyPost, { id: p.id }) })}
          />
        )}
      />
    </Screen>
  );
}
