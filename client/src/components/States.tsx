import { Button, Text, View } from '@tarojs/components';
import type { AppError } from '@shared/errors';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state' aria-busy='true'>
      <Text className='state__text'>{text}</Text>
    </View>
  );
}

/** The server's Chinese message, and a retry the user can reach with one tap. */
export function ErrorView({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  return (
    <View className='state state--error' role='alert'>
      <Text className='state__title'>加载没有成功</Text>
      <Text className='state__text'>{error.message}</Text>
      <Button className='btn btn--primary' onClick={onRetry}>重试</Button>
    </View>
  );
}
