/**
 * 留言 under a notice or a topic: the visible comments (paged) and, when allowed, a box to
 * write one. The server checks the text first; a refusal is shown with its reason and the text
 * stays in the box so it can be changed. With `moderate` (staff pages) each comment also has
 * 隐藏 / 恢复显示, and hidden ones stay listed, marked, for staff only.
 */
import { useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { addComment, hideComment, listComments, type CommentTarget } from '@shared/contracts/content-comments';
import type { OutputOf } from '@shared/contract';
import { call } from '../../services/cloud';
import { Alert } from './Alert';
import { formatDateTime } from '../../lib/time';
import { PagedList } from '../PagedList';
import { usePagedList } from '../../hooks/usePagedList';
import { useSubmit } from '../../hooks/useSubmit';
import './resident.css';

type Comment = OutputOf<typeof addComment>;
const MAX = 500;
const PAGE = 20;

interface Props {
  target: CommentTarget;
  /** why writing is closed (e.g. the topic is no longer under discussion); null when open */
  closedReason?: string | null;
  title?: string;
  /** staff of the committee: hide and restore comments (the server checks the role) */
  moderate?: boolean;
}

export function Comments({ target, closedReason = null, title = '居民留言', moderate = false }: Props) {
  const list = usePagedList((offset) => call(listComments, { target, offset, limit: PAGE }), `${target.type}:${target.id}`);
  // The comments are the end of the page: reaching the bottom loads the next page of them.
  useReachBottom(list.loadMore);
  const [draft, setDraft] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const send = useSubmit((requestId, text: string) => call(addComment, { target, text }, { requestId }));

  const onSend = async () => {
    setSent(null);
    const added: Comment | undefined = await send.submit(draft);
    if (!added) return;
    list.prepend(added);
    setDraft('');
    setSent('留言已发表');
  };

  return (
    <View className='card rcomments'>
      <Text className='card__title'>{title}</Text>
      {closedReason ? (
        <Text className='card__hint'>{closedReason}</Text>
      ) : (
        <View className='rform'>
          <Textarea
            className='rform__textarea'
            value={draft}
            maxlength={MAX}
            placeholder='写下您的留言（文明发言，经审核后显示）'
            onInput={(e) => { setDraft(e.detail.value); send.clearError(); setSent(null); }}
          />
          <Text className='rform__count'>{draft.length}/{MAX}</Text>
          <Alert text={send.message} />
          <Alert text={sent} tone='ok' />
          <Button className='btn btn--primary' loading={send.busy} disabled={send.busy} onClick={onSend}>发表留言</Button>
        </View>
      )}
      <PagedList
        list={list}
        variant='resident'
        empty='还没有留言'
        keyOf={(c) => c.id}
        render={(c) => (
          <View className='rcomment'>
            <Text className='rcomment__who'>
              {c.author.kind === 'staff' ? `${c.author.name}（居委会）` : c.author.name}
              {c.author.mine ? '（我）' : ''}
            </Text>
            <Text className='rcomment__text'>{c.text}</Text>
            <Text className='rcomment__when'>{formatDateTime(c.createdAt)}{c.hidden ? ' · 已隐藏，居民看不到' : ''}</Text>
            {moderate ? <Moderate comment={c} onChanged={(hidden) => list.replace((x) => x.id === c.id, (x) => ({ ...x, hidden }))} /> : null}
          </View>
        )}
      />
    </View>
  );
}

/** 隐藏 / 恢复显示 for one comment; the server refuses anyone but the committee's staff. */
function Moderate({ comment, onChanged }: { comment: Comment; onChanged: (hidden: boolean) => void }) {
  const toggle = useSubmit((requestId) => call(hideComment, { id: comment.id, hidden: !comment.hidden }, { requestId }));
  const onTap = async () => {
    const r = await toggle.submit();
    if (r) onChanged(r.hidden);
  };
  return (
    <View className='rcomment__moderate'>
      <Alert text={toggle.message} />
      <Button className='btn' loading={toggle.busy} disabled={toggle.busy} onClick={onTap}>{comment.hidden ? '恢复显示' : '隐藏这条留言'}</Button>
    </View>
  );
}
