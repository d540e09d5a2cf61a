import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { FONT_EVENT, fontScale } from '../lib/font-scale';

/** The page's font scale, updated when the user flips 「大字模式」 or returns to the page. */
export function useFontScale(): number {
  const [scale, setScale] = useState(() => fontScale());
  useDidShow(() => setScale(fontScale()));
  useEffect(() => {
    const onChange = (on: boolean) => setScale(fontScale(on));
    Taro.eventCenter.on(FONT_EVENT, onChange);
    return () => { Taro.eventCenter.off(FONT_EVENT, onChange); };
  }, []);
  return scale;
}
