/**
 * Large-font mode. Text sizes are set once on each page's root and everything inside uses `em`,
 * so one number scales the page. The number follows the phone's own font size setting and the
 * user's 「大字模式」 switch, whichever is larger.
 */
import Taro from '@tarojs/taro';

const PREF_KEY = 'prefs.largeFont';
export const FONT_EVENT = 'prefs:largeFont';

/** Body text in design px (750 wide): 34 → 17pt on a 375pt-wide phone. */
export const BASE_FONT_PX = 34;
const LARGE_SCALE = 1.3;
/** The platform's default font size setting; larger settings scale the page up. */
const SYSTEM_DEFAULT_PX = 17;
const MAX_SCALE = 1.6;

function systemFontSetting(): number | undefined {
  try {
    const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync();
    const v = (info as { fontSizeSetting?: unknown }).fontSizeSetting;
    return typeof v === 'number' && v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

export function largeFontPreferred(): boolean {
  try {
    return Taro.getStorageSync(PREF_KEY) === true;
  } catch {
    return false;
  }
}

export function setLargeFontPreferred(on: boolean): void {
  Taro.setStorageSync(PREF_KEY, on);
  Taro.eventCenter.trigger(FONT_EVENT, on);
}

export function fontScale(largePreferred = largeFontPreferred()): number {
  const setting = systemFontSetting();
  const system = setting ? Math.min(MAX_SCALE, Math.max(1, setting / SYSTEM_DEFAULT_PX)) : 1;
  return largePreferred ? Math.max(LARGE_SCALE, system) : system;
}

/** The root font size for a page, in the platform's unit (rpx on weapp, rem on H5). */
export function rootFontSize(scale: number): string {
  return Taro.pxTransform(Math.round(BASE_FONT_PX * scale));
}
