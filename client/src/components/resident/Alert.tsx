import { Text, View } from '@tarojs/components';
import './resident.css';

/** A message right where the user acted: the server's reason for a refusal, or a success. */
export function Alert({ text, tone = 'error' }: { text: string | null; tone?: 'error' | 'ok' }) {
  if (!text) return null;
  return (
    <View className={`ralert ralert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Text>{text}</Text>
    </View>
  );
}
