import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** Calls `reload` when the page shows again (back from a detail or a form), not on the first show. */
export function useReturnReload(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}
