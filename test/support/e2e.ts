/**
 * The one set-up of an e2e test file: a running product (local cloud, gateway, H5 build, demo
 * seed) and one Chromium, started before its tests and closed after them. Read `product` and
 * `browser` inside tests and later hooks, once the start has run.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startProduct, type RunningProduct } from './product';

export interface ProductInBrowser {
  readonly product: RunningProduct;
  readonly browser: Browser;
}

export function useProductInBrowser(timeoutMs = 90_000): ProductInBrowser {
  let product: RunningProduct | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useProductInBrowser(): the ${what} is used before its beforeAll has run`);
    return value;
  };
  return {
    get product() {
      return started(product, 'product');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
