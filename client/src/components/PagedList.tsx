/**
 * The states of a list from `usePagedList`: loading, error + 重试, empty, the items, and a footer
 * for the next page. Resident columns and the staff workbench end their lists differently (see
 * `variant`); everything else is the same.
 */
import { Fragment, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { Item, Page, Paged } from '../hooks/usePagedList';
import { ErrorView, Loading } from './States';

interface Props<P extends Page> {
  /** the result of usePagedList, as it is */
  list: Paged<P>;
  empty: string;
  keyOf: (item: Item<P>) => string;
  render: (item: Item<P>) => ReactNode;
  /**
   * resident: 正在加载更多… while loading, a failed page's message with 重试;
   * staff: one 加载更多 button that spins while loading, 重试加载更多 under the error.
   */
  variant: 'resident' | 'staff';
}

export function PagedList<P extends Page>({ list, empty, keyOf, render, variant }: Props<P>) {
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
    <View className={variant === 'staff' ? 'list' : 'plist'}>
      {list.items.map((item) => <Fragment key={keyOf(item)}>{render(item)}</Fragment>)}
      {variant === 'staff' ? <StaffFooter list={list} /> : <ResidentFooter list={list} />}
    </View>
  );
}

function ResidentFooter<P extends Page>({ list }: { list: Paged<P> }) {
  if (list.loadingMore) return <Text className='plist__end'>正在加载更多…</Text>;
  if (list.moreError) {
    return (
      <View className='plist__more' role='alert'>
        <Text className='plist__end'>{list.moreError.message}</Text>
        <Button className='btn' onClick={list.loadMore}>重试</Button>
      </View>
    );
  }
  if (list.nextOffset === null) return <Text className='plist__end'>没有更多了</Text>;
  return <Button className='btn' onClick={list.loadMore}>加载更多</Button>;
}

function StaffFooter<P extends Page>({ list }: { list: Paged<P> }) {
  return (
    <>
      {list.moreError ? <View className='form__error' role='alert'><Text>{list.moreError.message}</Text></View> : null}
      {list.nextOffset !== null ? (
        <Button className='btn' loading={list.loadingMore} disabled={list.loadingMore} onClick={list.loadMore}>
          {list.moreError ? '重试加载更多' : '加载更多'}
        </Button>
      ) : (
        <Text className='list__end'>没有更多了</Text>
      )}
    </>
  );
}
