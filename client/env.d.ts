/**
 * What the client may use from its bundler without Node's types: webpack's `require`, for
 * build-specific modules loaded in constant branches (`DEV_GATEWAY ? require(…) : …`), and
 * `process.env`, which the build replaces with literals (TARO_ENV, CLOUD_ENV).
 */
declare function require(id: string): unknown;
declare const process: { readonly env: NodeJS.ProcessEnv };
