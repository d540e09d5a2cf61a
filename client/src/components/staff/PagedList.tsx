/** A paginated list with its loading, error (重试), empty and 加载更多 states. */
import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ErrorView, Loading } from '../States';
import type { Page, PagedState } from './usePaged';

interface Props<P extends Page> {
  list: PagedState<P> & { reload: () => void; loadMore: () => void };
  empty: string;
  keyOf: (item: P['items'][number]) => string;
  render: (item: P['items'][number]) => ReactNode;
}

export function PagedList<P extends Page>({ list, empty, keyOf, render }: Props<P>) {
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error' && list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.items.length) {
    return (
      <View className='state state--empty'>
        <Text className='state__text'>{empty}</Text>
      </View>
    );
  }
  return (
    <View className='list'>
      {list.items.map((item) => <View key={keyOf(item)}>{render(item)}</View>)}
      {list.moreError ? <View className='form__error' role='alert'><Text>{list.moreError.message}</Text></View> : null}
      {list.nextOffset !== null ? (
        <Button className='btn' loading={list.loadingMore} disabled={list.loadingMore} onClick={list.loadMore}>
          {list.moreError ? '重试加载更多' : '加载更多'}
        </Button>
      ) : (
        <Text className='list__end'>没有更多了</Text>
      )}
    </View>
  );
}
