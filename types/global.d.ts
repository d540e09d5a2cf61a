/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';
declare module '*.svg';

/** CloudBase environment id, from process.env.CLOUD_ENV at build time (config/index.ts). */
declare const CLOUD_ENV: string;
/** true only in H5 builds, which talk to the local dev gateway; false in the mini-program. */
declare const DEV_GATEWAY: boolean;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | 'qywx' | string;
    CLOUD_ENV?: string;
  }
}
