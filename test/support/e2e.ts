/**
 * One running product (local cloud, gateway, H5 build, demo seed) and one Chromium for an e2e
 * test file, started before its tests and closed after them. Read `product` and `browser` inside
 * tests and later hooks, once the start has run.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startProduct, type RunningProduct } from './product';

export interface ProductInBrowser {
  product: RunningProduct;
  browser: Browser;
}

export function useProductInBrowser(timeoutMs = 90_000): ProductInBrowser {
  const env = {} as ProductInBrowser;
  beforeAll(async () => {
    env.product = await startProduct();
    env.browser = await launchBrowser();
  }, timeoutMs);
  afterAll(async () => {
    await env.browser?.close();
    await env.product?.close();
  });
  return env;
}
