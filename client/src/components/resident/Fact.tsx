import { Text, View } from '@tarojs/components';

/** One labelled fact of a resident detail page (时间, 地点, 完成时间 …). */
export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='rfact'>
      <Text className='rfact__label'>{label}</Text>
      <Text className='rfact__value'>{value}</Text>
    </View>
  );
}
