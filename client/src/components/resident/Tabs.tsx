/** A row of large filter buttons (by kind, by stage); the chosen one is filled. */
import { Button, View } from '@tarojs/components';
import './resident.css';

interface Props<K extends string> {
  options: readonly { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
}

export function Tabs<K extends string>({ options, value, onChange }: Props<K>) {
  return (
    <View className='rtabs'>
      {options.map((o) => (
        <Button
          key={o.key}
          className={o.key === value ? 'rtabs__tab rtabs__tab--on' : 'rtabs__tab'}
          aria-selected={o.key === value}
          onClick={() => onChange(o.key)}
        >
          {o.label}
        </Button>
      ))}
    </View>
  );
}
