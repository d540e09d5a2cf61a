/** A monthly 百事汇 points card as the server computed (open) or froze it (signed). */
import { Text, View } from '@tarojs/components';
import type { CardView } from '@shared/contracts/points';
import { formatDateTime, formatMonth } from '../../lib/time';

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function PointsCard({ card }: { card: CardView }) {
  return (
    <View>
      <View className='card card--committee'>
        <Text className='card__label'>{formatMonth(card.month)} · {card.staffName}</Text>
        <Text className='card__heading'>合计 {fmt(card.effectiveTotal)} 分</Text>
        <Text className='card__text'>加分 {fmt(card.totals.main)} · 扣分 {fmt(card.totals.penalty)}{card.totals.reset ? ' · 安全守纪违规，本月积分为 0' : ''}</Text>
        <View className='badges'>
          {card.signature ? (
            <Text className='badge badge--ok'>书记 {card.signature.signedByName} 已于 {formatDateTime(card.signature.signedAt, 'short')} 签字</Text>
          ) : (
            <Text className='badge'>尚未签字（随记录实时计算）</Text>
          )}
          {card.corrections.length ? <Text className='badge badge--alert'>签字后更正 {card.corrections.length} 次</Text> : null}
        </View>
      </View>
      <Text className='section-title'>积分项目</Text>
      {card.items.map((i) => (
        <View key={i.id} className='item'>
          <View className='row'>
            <Text className='item__title'>{i.label}</Text>
            <Text className='summary__num'>{fmt(i.score)}</Text>
          </View>
          {i.value ? <Text className='item__meta'>{i.group} · {i.value}</Text> : <Text className='item__meta'>{i.group}</Text>}
          {i.notes.map((n) => <Text key={n} className='item__meta'>{n}</Text>)}
        </View>
      ))}
      {card.corrections.length ? <Text className='section-title'>签字后的更正</Text> : null}
      {card.corrections.map((c) => (
        <View key={c.id} className='item'>
          <Text className='item__title'>第 {c.sequence} 次更正：合计 {fmt(c.total)} 分</Text>
          <Text className='item__meta'>{c.byName} · {formatDateTime(c.at, 'short')}</Text>
          <Text className='item__text'>{c.reason}</Text>
        </View>
      ))}
    </View>
  );
}
