/** 统计时段: 30 consecutive Shanghai days; the liaison picks the first day (today at the latest). */
import { Picker, Text, View } from '@tarojs/components';
import { addDays, localDate } from '../../lib/time';
import { windowText } from './format';

export const WINDOW_DAYS = 30;

export function windowOf(from: string): { from: string; to: string } {
  return { from, to: addDays(from, WINDOW_DAYS - 1) };
}

export function WindowPicker({ from, onChange }: { from: string; onChange: (from: string) => void }) {
  return (
    <View className='window'>
      <Text className='card__label'>统计时段（连续30天）</Text>
      <Text className='window__range'>{windowText(windowOf(from))}</Text>
      <Picker mode='date' value={from} end={localDate()} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='btn'>换一个开始日期</View>
      </Picker>
    </View>
  );
}
