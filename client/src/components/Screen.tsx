/**
 * The root of every page: sets the (scalable) body font size and, in H5 dev builds only, shows
 * which simulated person is signed in.
 */
import type { ComponentType, PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useFontScale } from '../hooks/useFontScale';
import { rootFontSize } from '../lib/font-scale';

// require() in the constant branch keeps the dev banner (and its /__dev/ URLs) out of weapp.
const DevBanner: ComponentType | null = DEV_GATEWAY
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ? (require('../dev/DevBanner') as typeof import('../dev/DevBanner')).DevBanner
  : null;

export function Screen({ children }: PropsWithChildren) {
  const scale = useFontScale();
  return (
    <View className='screen' style={{ fontSize: rootFontSize(scale) }}>
      {DevBanner ? <DevBanner /> : null}
      <View className='screen__body'>{children}</View>
    </View>
  );
}
