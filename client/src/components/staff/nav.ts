import Taro from '@tarojs/taro';

export function open(url: string): void {
  void Taro.navigateTo({ url });
}

/** Back after a saved form; a page opened from a notice has nothing behind it, so go to the workbench. */
export function backOr(url: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url });
}
