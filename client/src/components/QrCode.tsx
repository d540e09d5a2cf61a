/**
 * A QR code drawn with Views (rows of runs of squares): identical on weapp and H5, no canvas
 * (whose weapp API differs and renders above other components). Sizes go through pxTransform,
 * so they are design px like the stylesheets (rpx on weapp).
 */
import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { qrMatrix, rowRuns } from './qrMatrix';

/** The standard quiet zone: scanners need 4 light modules around the code. */
const QUIET_MODULES = 4;

export function QrCode({ text, size = 440, label }: { text: string; size?: number; label?: string }) {
  const rows = useMemo(() => qrMatrix(text).map(rowRuns), [text]);
  // whole design px per module: fractional cells blur module edges and leave seams between rows
  const cell = Math.max(2, Math.floor(size / (rows.length + 2 * QUIET_MODULES)));
  const px = (n: number) => Taro.pxTransform(n);
  return (
    <View
      className='qrcode'
      aria-label={label ?? '二维码'}
      style={{ display: 'inline-block', alignSelf: 'center', background: '#ffffff', padding: px(cell * QUIET_MODULES), lineHeight: 0 }}
    >
      {rows.map((runs, r) => (
        <View key={r} style={{ display: 'flex', flexDirection: 'row', height: px(cell) }}>
          {runs.map((run, i) => (
            <View key={i} style={{ width: px(cell * run.length), height: px(cell), background: run.dark ? '#000000' : '#ffffff', flexShrink: 0 }} />
          ))}
        </View>
      ))}
    </View>
  );
}
