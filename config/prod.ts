/** Release builds: minified (the WeChat main package is capped at 2 MB). */
import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
