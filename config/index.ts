/**
 * Taro build configuration for both targets: the WeChat / WeCom mini-program (weapp) and the
 * H5 build that runs in a browser against the local gateway during development.
 */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
/** Isomorphic code (contracts, errors, time) lives outside sourceRoot; both builds must compile it. */
const sharedDir = path.join(root, 'shared');

export default defineConfig<'webpack5'>(async (merge) => {
  const target = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';
  const isH5 = target === 'h5';

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shequyun',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'client/src',
    // TARO_OUTPUT_ROOT lets parallel work build side by side (tests read WEAPP_DIST to match)
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${target}`,
    plugins: [],
    alias: { '@shared': sharedDir },
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || 'shequyun-dev'),
      // The dev gateway (fetch transport, simulated sign-in banner) exists only in H5 builds;
      // a literal `false` lets webpack drop those branches from the mini-program entirely.
      DEV_GATEWAY: JSON.stringify(isH5),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // The gateway serves dist/h5 as static files at `/`; hash routing needs no server rewrites.
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
