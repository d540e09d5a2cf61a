import { Button, View } from '@tarojs/components';
import { formatMonth, localMonth, shiftMonth } from '../../lib/time';

/** 上个月 / 下个月 around the month shown; no month after the current one. */
export function MonthBar({ month, onChange }: { month: string; onChange: (m: string) => void }) {
  const current = localMonth();
  return (
    <View className='month-bar'>
      <Button className='btn' onClick={() => onChange(shiftMonth(month, -1))}>上个月</Button>
      <View className='month-bar__label'>{formatMonth(month)}</View>
      {/* no months after this one: a blank of the same width keeps the label centred */}
      {month < current ? <Button className='btn' onClick={() => onChange(shiftMonth(month, 1))}>下个月</Button> : <View className='month-bar__blank' />}
    </View>
  );
}
