/**
 * A party post: the text, a like, and for activities and volunteer calls the time, place and
 * places left, with sign-up and cancel. The server decides whether sign-up is open; its reason
 * for a refusal (名额已满, 报名已截止) is shown as it is. A post staff corrected says 修改过 and
 * when; a resident who signed up is told, above the time and place, when those were changed.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { cancelPartySignup, getPartyPost, likePartyPost, signUpParty } from '@shared/contracts/content-party';
import type { OutputOf } from '@shared/contract';
import { Screen } from '../../components/Screen';
import { ErrorView, Loading } from '../../components/States';
import { Alert } from '../../components/resident/Alert';
import { Fact } from '../../components/resident/Fact';
import { param } from '../../lib/routes';
import { useSubmit } from '../../hooks/useSubmit';
import { formatDateTime, formatSpan } from '../../lib/time';
import { useAsync } from '../../hooks/useAsync';
import { call } from '../../services/cloud';
import { KIND_LABELS } from './labels';

type Post = OutputOf<typeof getPartyPost>;

function closedReason(p: Post, now: number): string {
  if (p.capacity !== null && p.signupCount >= p.capacity) return '名额已满，暂时不能报名。';
  if (p.signupDeadline && Date.parse(p.signupDeadline) <= now) return '报名已截止。';
  if (p.startsAt && Date.parse(p.startsAt) <= now) return '活动已开始，报名已结束。';
  return '现在不能报名。';
}

function Signup({ post, onChange }: { post: Post; onChange: (p: Partial<Post>) => void }) {
  const [done, setDone] = useState<string | null>(null);
  const write = useSubmit(
    (requestId, signUp: boolean): Promise<{ signedUp: boolean; signupCount: number; capacity: number }> =>
      signUp ? call(signUpParty, { id: post.id }, { requestId }) : call(cancelPartySignup, { id: post.id }, { requestId }),
  );
  if (post.capacity === null) return null;
  const act = async (signUp: boolean) => {
    setDone(null);
    if (!signUp) {
      // A mis-tap would give the place away; ask first.
      const ok = await Taro.showModal({ title: '取消报名', content: '确定不参加了吗？名额会让给其他居民。', confirmText: '确定取消', cancelText: '不取消' });
      if (!ok.confirm) return;
    }
    const r = await write.submit(signUp);
    if (!r) return;
    onChange({ signedUpByMe: r.signedUp, signupCount: r.signupCount, capacity: r.capacity });
    // Whether sign-up is open again after a cancel depends on the deadline: ask the server.
    call(getPartyPost, { id: post.id }).then((fresh) => onChange({ signupOpen: fresh.signupOpen, signupCount: fresh.signupCount }), () => undefined);
    setDone(r.signedUp ? '报名成功，请按时参加。' : '已取消报名。');
  };
  const left = Math.max(0, post.capacity - post.signupCount);
  return (
    <View className='card'>
      <Text className='card__title'>报名</Text>
      <Text className='card__text'>已报名 {post.signupCount} 人，共 {post.capacity} 个名额，还剩 {left} 个。</Text>
      {post.signupDeadline ? <Text className='card__text'>报名截止：{formatDateTime(post.signupDeadline)}</Text> : null}
      <View style={{ marginTop: '1em' }}>
        <Alert text={write.message} />
        <Alert text={done} tone='ok' />
        {post.signedUpByMe ? (
          <>
            <Text className='card__text'>您已报名。</Text>
            <Button className='btn' loading={write.busy} disabled={write.busy} onClick={() => void act(false)}>取消报名</Button>
          </>
        ) : post.signupOpen ? (
          <Button className='btn btn--primary' loading={write.busy} disabled={write.busy} onClick={() => void act(true)}>我要报名</Button>
        ) : (
          <Text className='card__text'>{closedReason(post, Date.now())}</Text>
        )}
      </View>
    </View>
  );
}

function Like({ post, onChange }: { post: Post; onChange: (p: Partial<Post>) => void }) {
  const write = useSubmit((requestId, liked: boolean) => call(likePartyPost, { id: post.id, liked }, { requestId }));
  const toggle = async () => {
    const r = await write.submit(!post.likedByMe);
    if (r) onChange({ likedByMe: r.liked, likeCount: r.likeCount });
  };
  return (
    <View>
      <Alert text={write.message} />
      <Button className={post.likedByMe ? 'btn btn--primary' : 'btn'} aria-pressed={post.likedByMe} disabled={write.busy} onClick={() => void toggle()}>
        {post.likedByMe ? `已点赞（${post.likeCount}）· 再点一下取消` : `点赞（${post.likeCount}）`}
      </Button>
    </View>
  );
}

function PostView({ initial }: { initial: Post }) {
  const [post, setPost] = useState(initial);
  const patch = (p: Partial<Post>) => setPost((cur) => ({ ...cur, ...p }));
  return (
    <>
      <View className='card'>
        <Text className='rtag' style={{ alignSelf: 'flex-start' }}>{KIND_LABELS[post.kind]}</Text>
        <Text className='card__heading'>{post.title}</Text>
        <Text className='card__hint'>
          {formatDateTime(post.publishedAt)} · {post.authorName}（居委会）发布{post.editedAt ? ` · ${formatDateTime(post.editedAt)} 修改过` : ''}
        </Text>
        {post.scheduleChangedAt && post.signedUpByMe ? <Alert text={`活动时间或地点已于 ${formatDateTime(post.scheduleChangedAt, 'short')} 更改，请留意`} /> : null}
        {post.startsAt || post.place ? (
          <View className='rfacts'>
            {post.startsAt ? <Fact label='时间' value={formatSpan(post.startsAt, post.endsAt)} /> : null}
            {post.place ? <Fact label='地点' value={post.place} /> : null}
          </View>
        ) : null}
        <Text className='rbody'>{post.body}</Text>
      </View>
      <Signup post={post} onChange={patch} />
      <Like post={post} onChange={patch} />
    </>
  );
}

export default function PartyPostPage() {
  const { params } = useRouter();
  const id = param(params, 'id') ?? '';
  const state = useAsync(() => call(getPartyPost, { id }));
  return (
    <Screen>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorView error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? <PostView key={state.data.id} initial={state.data} /> : null}
    </Screen>
  );
}
