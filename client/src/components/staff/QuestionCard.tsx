/** One resident question in the inbox list: what was asked, when, and what needs attention. */
import { Text, View } from '@tarojs/components';
import type { QuestionView } from '@shared/contracts/inbox';
import { formatDateTime } from '../../lib/time';

export function QuestionBadges({ q }: { q: QuestionView }) {
  return (
    <View className='badges'>
      {q.status === 'open' ? <Text className='badge'>待回复</Text> : <Text className='badge badge--ok'>已解答</Text>}
      {q.overdue ? <Text className='badge badge--alert'>{q.status === 'open' ? '已超时' : '超时回复'}</Text> : null}
      {q.rating ? <Text className={q.rating.satisfied ? 'badge badge--ok' : 'badge badge--alert'}>{q.rating.satisfied ? '居民满意' : '居民不满意'}</Text> : null}
      {q.staffDetails?.handovers.length ? <Text className='badge'>已转交</Text> : null}
      {q.staffDetails && q.staffDetails.notifyStatus === 'failed' ? <Text className='badge badge--alert'>通知未送达</Text> : null}
    </View>
  );
}

export function QuestionCard({ q, onOpen }: { q: QuestionView; onOpen: () => void }) {
  return (
    <View className={q.overdue && q.status === 'open' ? 'item item--alert' : 'item'} onClick={onOpen} hoverClass='item--pressed'>
      <Text className='item__title'>{q.content}</Text>
      <Text className='item__meta'>留言时间 {formatDateTime(q.askedAt, 'short')}{q.status === 'open' ? ` · 请在 ${formatDateTime(q.dueAt, 'short')} 前回复` : ''}</Text>
      <QuestionBadges q={q} />
    </View>
  );
}
