import { Button, View } from '@tarojs/components';

/** A row of filter buttons; the chosen one is filled. */
export function Tabs<V extends string>({ value, options, onChange }: { value: V; options: readonly (readonly [V, string])[]; onChange: (v: V) => void }) {
  return (
    <View className='tabs'>
      {options.map(([v, label]) => (
        <Button key={v} className={v === value ? 'btn tabs__item tabs__item--on' : 'btn tabs__item'} aria-pressed={v === value} onClick={() => onChange(v)}>{label}</Button>
      ))}
    </View>
  );
}
