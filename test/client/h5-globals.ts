/**
 * The build-time constants as an H5 build defines them. Imported first by client tests so that
 * the transport picks the dev-gateway path (fetch), as it does in the browser.
 */
const g = globalThis as { DEV_GATEWAY?: boolean; CLOUD_ENV?: string };
g.DEV_GATEWAY = true;
g.CLOUD_ENV = 'shequyun-test';
export {};
