/** The states of a paged list: loading, error + 重试, empty, the items, and the footer. */
import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ErrorView, Loading } from '../States';
import type { PagedState } from './usePagedList';
import './resident.css';

interface Props<T> {
  state: PagedState<T>;
  onRetry: () => void;
  onMore: () => void;
  empty: string;
  renderItem: (item: T) => ReactNode;
}

export function PagedList<T>({ state, onRetry, onMore, empty, renderItem }: Props<T>) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={onRetry} />;
  if (state.items.length === 0) {
    return (
      <View className='state state--empty'>
        <Text className='state__text'>{empty}</Text>
      </View>
    );
  }
  return (
    <View className='plist'>
      {state.items.map(renderItem)}
      <Footer state={state} onMore={onMore} />
    </View>
  );
}

function Footer<T>({ state, onMore }: { state: Extract<PagedState<T>, { status: 'ready' }>; onMore: () => void }) {
  if (state.more === 'loading') return <Text className='plist__end'>正在加载更多…</Text>;
  if (typeof state.more === 'object') {
    return (
      <View className='plist__more' role='alert'>
        <Text className='plist__end'>{state.more.message}</Text>
        <Button className='btn' onClick={onMore}>重试</Button>
      </View>
    );
  }
  if (state.nextOffset === null) return <Text className='plist__end'>没有更多了</Text>;
  return <Button className='btn' onClick={onMore}>加载更多</Button>;
}
