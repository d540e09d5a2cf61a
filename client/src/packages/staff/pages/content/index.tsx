/**
 * 居民互动内容 (staff): the committee's 社区公告 (with their state: scheduled, published,
 * expired), 党建园地 posts and 议事厅 topics, each opening its management page; entries to
 * publish a notice or a post and to raise a topic (residents raise them too); staff move topics
 * along.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { listNotices } from '@shared/contracts/content-notices';
import { listPartyPosts } from '@shared/contracts/content-party';
import { listTopics, type TopicStage } from '@shared/contracts/content-topics';
import type { OutputOf } from '@shared/contract';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { PagedList } from '../../../../components/PagedList';
import { Tabs } from '../../../../components/staff/Tabs';
import { open } from '../../../../components/staff/nav';
import { formatDateTime } from '../../../../lib/time';
import { NOTICE_STATE_LABELS } from '../../../../components/staff/labels';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useReturnReload } from '../../../../hooks/useReturnReload';
import { call } from '../../../../services/cloud';
import { KIND_LABELS } from '../../../../pages/party/labels';
import { STAGE_LABELS } from '../../../../pages/hall/labels';
import { ROUTES, withQuery } from '../../../../lib/routes';

type Tab = 'notice' | 'party' | 'topic';
const TABS: [Tab, string][] = [['notice', '社区公告'], ['party', '党建园地'], ['topic', '议事厅']];
const isTab = (v: unknown): v is Tab => v === 'notice' || v === 'party' || v === 'topic';

type NoticeRow = OutputOf<typeof listNotices>['items'][number];
type PostRow = OutputOf<typeof listPartyPosts>['items'][number];
type TopicRow = OutputOf<typeof listTopics>['items'][number];

function NoticeItem({ n }: { n: NoticeRow }) {
  return (
    <View className={n.state === 'published' ? 'item' : 'item item--muted'} onClick={() => open(withQuery(ROUTES.staff.notice, { id: n.id }))}>
      <Text className='item__title'>{n.title}</Text>
      <Text className='item__meta'>{formatDateTime(n.publishAt, 'short')} 发布 · {n.readCount} 人已读</Text>
      <View className='badges'>
        <Text className={n.state === 'published' ? 'badge badge--ok' : 'badge'}>{NOTICE_STATE_LABELS[n.state]}</Text>
        {n.pinned ? <Text className='badge badge--alert'>置顶</Text> : null}
      </View>
    </View>
  );
}

function PostItem({ p }: { p: PostRow }) {
  return (
    <View className={p.withdrawn ? 'item item--muted' : 'item'} onClick={() => open(withQuery(ROUTES.staff.partyPost, { id: p.id }))}>
      <Text className='item__title'>{p.title}</Text>
      <Text className='item__meta'>
        {formatDateTime(p.publishedAt, 'short')} 发布 · {p.likeCount} 人点赞
        {p.capacity !== null ? ` · 已报名 ${p.signupCount}/${p.capacity}` : ''}
      </Text>
      <View className='badges'>
        <Text className='badge'>{KIND_LABELS[p.kind]}</Text>
        {p.withdrawn ? <Text className='badge badge--alert'>已撤下</Text> : null}
      </View>
    </View>
  );
}

function TopicItem({ t }: { t: TopicRow }) {
  const waiting = t.stage === 'proposed';
  return (
    <View className={waiting ? 'item item--alert' : 'item'} onClick={() => open(withQuery(ROUTES.staff.topic, { id: t.id }))}>
      <Text className='item__title'>{t.title}</Text>
      <Text className='item__meta'>{t.proposer.name} 提出 · {formatDateTime(t.createdAt, 'short')}{t.hasPoll ? ' · 含投票' : ''}</Text>
      <View className='badges'>
        <Text className={waiting ? 'badge badge--alert' : 'badge'}>{waiting ? '待开放讨论' : STAGE_LABELS[t.stage]}</Text>
      </View>
    </View>
  );
}

function Notices() {
  const list = usePagedList((offset) => call(listNotices, { offset, limit: 20 }));
  useReturnReload(list.reload);
  return (
    <View>
      <Button className='btn btn--primary btn--entry' onClick={() => open(ROUTES.staff.newNotice)}>发布公告</Button>
      <PagedList list={list} variant='staff' empty='还没有公告。' keyOf={(n) => n.id} render={(n) => <NoticeItem n={n} />} />
    </View>
  );
}

function Posts() {
  const list = usePagedList((offset) => call(listPartyPosts, { offset, limit: 20 }));
  useReturnReload(list.reload);
  return (
    <View>
      <Button className='btn btn--primary btn--entry' onClick={() => open(ROUTES.staff.newPartyPost)}>发布党建内容（文章、活动、志愿招募）</Button>
      <PagedList list={list} variant='staff' empty='还没有党建内容。' keyOf={(p) => p.id} render={(p) => <PostItem p={p} />} />
    </View>
  );
}

const STAGES: ['all' | TopicStage, string][] = [['all', '全部'], ['proposed', '待开放'], ['discussing', '讨论中'], ['concluded', '已形成结果'], ['followed_up', '跟进中'], ['declined', '未采纳']];

function Topics() {
  const [stage, setStage] = useState<'all' | TopicStage>('all');
  const list = usePagedList((offset) => call(listTopics, { stage: stage === 'all' ? undefined : stage, offset, limit: 20 }), stage);
  useReturnReload(list.reload);
  return (
    <View>
      {/* the same form residents use; the server records the proposer as committee staff */}
      <Button className='btn btn--primary btn--entry' onClick={() => open(ROUTES.resident.propose)}>发起议题</Button>
      <Tabs value={stage} options={STAGES} onChange={setStage} />
      <PagedList list={list} variant='staff' empty='这里还没有议题。' keyOf={(t) => t.id} render={(t) => <TopicItem t={t} />} />
    </View>
  );
}

export default function ContentPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<Tab>(isTab(params.tab) ? params.tab : 'notice');
  return (
    <Screen>
      <StaffGate>
        {() => (
          <View>
            <Tabs value={tab} options={TABS} onChange={setTab} />
            {tab === 'notice' ? <Notices /> : null}
            {tab === 'party' ? <Posts /> : null}
            {tab === 'topic' ? <Topics /> : null}
          </View>
        )}
      </StaffGate>
    </Screen>
  );
}
