/**
 * Loads pages of the built mini-program into miniprogram-simulate (jsdom). The simulator only
 * knows custom components, so `Page` is shimmed onto `Component`; `App`, `getApp` and
 * `getCurrentPages` are stubbed, and `wx.cloud` is stubbed before Taro's app.js runs.
 */
import fs from 'node:fs';
import path from 'node:path';

/** the built mini-program; WEAPP_DIST points elsewhere when it was built with TARO_OUTPUT_ROOT */
export const WEAPP_DIST = path.resolve(__dirname, '../..', process.env.WEAPP_DIST ?? 'dist/weapp');

/** Fails (never skips) when the build is missing: these tests are about the built output. */
export function requireBuild(): void {
  if (!fs.existsSync(path.join(WEAPP_DIST, 'app.js'))) {
    throw new Error(`No mini-program build at ${WEAPP_DIST}. Run \`npm run build:weapp\` before the weapp tests.`);
  }
}

export interface CloudCall {
  name: string;
  data: unknown;
}
type CloudHandler = (name: string, data: unknown) => unknown;

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };
interface SimNode {
  dom: HTMLElement;
  dispatchEvent(name: string, detail?: object): void;
}
interface SimComponent extends SimNode {
  attach(parent: HTMLElement): void;
  querySelector(selector: string): SimNode | undefined;
}

/** Page(options) → Component: page lifecycles become component lifetimes, the rest methods. */
function pageToComponent(options: PageOptions, route: string) {
  const methods: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v;
  type Self = Record<string, ((...a: unknown[]) => void) | unknown>;
  const invoke = (self: Self, name: string, ...args: unknown[]) => {
    const fn = self[name];
    if (typeof fn === 'function') fn.apply(self, args);
  };
  return {
    data: options.data ?? {},
    methods,
    lifetimes: {
      attached(this: Self) {
        this.route = route;
        this.__route__ = route;
        invoke(this, 'onLoad', {});
        invoke(this, 'onShow');
      },
      ready(this: Self) {
        invoke(this, 'onReady');
      },
      detached(this: Self) {
        invoke(this, 'onUnload');
      },
    },
  };
}

export async function loadBuiltPage(route: string, onCall: CloudHandler) {
  requireBuild();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as {
    load(p: string, opts: object): string;
    render(id: string): SimComponent;
  };
  const g = globalThis as Record<string, unknown>;
  const wx = g.wx as Record<string, unknown>;

  const cloud = {
    init: jest.fn(),
    // wx.cloud.CloudID's marker object; CloudBase decrypts it when it is a top-level data field
    CloudID: jest.fn((cloudID: string) => ({ cloudIdMarker: cloudID })),
    callFunction: jest.fn(async ({ name, data }: { name: string; data: unknown }) => ({ errMsg: 'cloud.callFunction:ok', result: await onCall(name, data) })),
  };
  wx.cloud = cloud;
  const storage = new Map<string, unknown>();
  wx.getStorageSync = (k: string) => (storage.has(k) ? storage.get(k) : '');
  wx.setStorageSync = (k: string, v: unknown) => { storage.set(k, v); };

  let appOptions: Record<string, unknown> | undefined;
  const pages: unknown[] = [];
  g.App = (opts: Record<string, unknown>) => { appOptions = opts; };
  g.getApp = () => appOptions;
  g.getCurrentPages = () => pages;
  const component = g.Component as (o: object) => void;
  g.Page = (opts: PageOptions) => component(pageToComponent(opts, route));

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(WEAPP_DIST, 'app.js'));
  if (!appOptions) throw new Error('app.js did not call App()');
  const launch = appOptions.onLaunch as ((o: object) => void) | undefined;
  launch?.call(appOptions, { path: route, query: {}, scene: 1001 });
  const show = appOptions.onShow as ((o: object) => void) | undefined;
  show?.call(appOptions, { path: route, query: {}, scene: 1001 });

  const id = simulate.load(path.join(WEAPP_DIST, route), { rootPath: WEAPP_DIST });
  const page = simulate.render(id);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  page.attach(parent);
  pages.push(page);
  return { root: page.dom, sim: page, cloud };
}

/**
 * `el` (one element, or fail naming the selector) and `all` on a page loaded in a beforeAll;
 * the page is read when they are called.
 */
export function queries(page: () => { sim: SimComponent }) {
  const el = (selector: string): SimNode => {
    const found = page().sim.querySelector(selector);
    if (!found) throw new Error(`no element ${selector}`);
    return found;
  };
  const all = (selector: string): SimNode[] => (page().sim as unknown as { querySelectorAll(s: string): SimNode[] }).querySelectorAll(selector);
  return { el, all };
}

/** Polls the rendered tree until `text` appears (no fixed sleeps), failing after `timeoutMs`. */
export async function waitForText(root: HTMLElement, text: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(root.textContent ?? '').includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear within ${timeoutMs} ms; rendered: ${JSON.stringify((root.textContent ?? '').slice(0, 300))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Def = { methods?: Record<string, unknown> };

/** The harness opens pages with an empty query; pass `?id=` into the page's onLoad as WeChat does. */
export async function loadWithQuery(route: string, query: Record<string, string>, onCall: (n: string, d: unknown) => unknown) {
  // Loading the simulator defines the global Component; do it first, then wrap that.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('miniprogram-simulate');
  const g = globalThis as Record<string, unknown>;
  const component = g.Component as (o: Def) => void;
  g.Component = (def: Def) => {
    const onLoad = def.methods?.onLoad;
    if (typeof onLoad === 'function') {
      def.methods!.onLoad = function (this: unknown, o: object) {
        return (onLoad as (o: object) => unknown).call(this, { ...o, ...query });
      };
    }
    return component(def);
  };
  try {
    return await loadBuiltPage(route, onCall);
  } finally {
    g.Component = component;
  }
}
