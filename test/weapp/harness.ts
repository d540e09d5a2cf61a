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
  /** the page's data: what Taro's setData rendered */
  instance: { data: Record<string, unknown> };
  attach(parent: HTMLElement): void;
  /** leaves the page: onUnload, and Taro unmounts its React tree (effects clean up) */
  detach(): void;
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

/**
 * The simulator's global `wx` (miniprogram-simulate defines it when loaded), for stubbing a
 * platform API before app.js runs: Taro binds the APIs that exist when it starts.
 */
export function simulatorWx(): Record<string, unknown> {
  simulator();
  return (globalThis as unknown as { wx: Record<string, unknown> }).wx;
}

interface Simulator {
  load(p: string, opts: object): string;
  render(id: string): SimComponent;
}

/** miniprogram-simulate, required at run time: loading it defines the globals (resident-load.ts resets the registry per page). */
function simulator(): Simulator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('miniprogram-simulate') as Simulator;
}

export async function loadBuiltPage(route: string, onCall: CloudHandler) {
  requireBuild();
  const simulate = simulator();
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

/**
 * Polls until `check()` holds (no fixed sleeps: a test waits for what it reads next), failing
 * after `timeoutMs` with `what` did not happen.
 */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Polls the rendered tree until `text` appears, failing after `timeoutMs` with what was rendered. */
export async function waitForText(root: HTMLElement, text: string, timeoutMs = 5000): Promise<void> {
  const rendered = () => root.textContent ?? '';
  await waitFor(() => rendered().includes(text), `"${text}" appearing`, timeoutMs).catch(() => {
    throw new Error(`"${text}" did not appear within ${timeoutMs} ms; rendered: ${JSON.stringify(rendered().slice(0, 300))}`);
  });
}

/** `node`'s entry in the page's render data (Taro setData's a tree keyed by each node's data-sid). */
function renderedNode(data: unknown, sid: string): Record<string, unknown> | undefined {
  if (!data || typeof data !== 'object') return undefined;
  if ((data as Record<string, unknown>).sid === sid) return data as Record<string, unknown>;
  for (const child of Object.values(data)) {
    const found = renderedNode(child, sid);
    if (found) return found;
  }
  return undefined;
}

/**
 * Polls until `node` (an input, textarea or picker) is rendered holding `value`: what the test
 * typed or picked has gone through React state into the page, so the next tap reads it. Built-in
 * components keep no DOM attribute for it; Taro's render data has it under a short key.
 */
export async function waitForValue(page: { sim: SimComponent }, node: SimNode, value: string, timeoutMs = 5000): Promise<void> {
  const sid = node.dom.getAttribute('data-sid');
  if (!sid) throw new Error('the node has no data-sid: not a node Taro rendered');
  const rendered = () => renderedNode(page.sim.instance.data, sid);
  const holds = () => Object.entries(rendered() ?? {}).some(([k, v]) => k !== 'sid' && k !== 'nn' && k !== 'cl' && v === value);
  await waitFor(holds, `the field showing ${JSON.stringify(value)}`, timeoutMs).catch(() => {
    const { cn: _children, ...attributes } = rendered() ?? {};
    throw new Error(`the field did not show ${JSON.stringify(value)} within ${timeoutMs} ms; it holds ${JSON.stringify(attributes)}`);
  });
}

/**
 * Lets the work already queued run (promise continuations, Taro's batched setData), waiting for
 * nothing in particular: only before asserting that something did NOT happen, which no event
 * announces. Anything the test reads as having happened is waited for with waitFor.
 */
export function flush(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/** Polls the rendered tree until `text` is gone (a reloaded list, a closed editor). */
export async function waitForGone(root: HTMLElement, text: string, timeoutMs = 5000): Promise<void> {
  await waitFor(() => !(root.textContent ?? '').includes(text), `"${text}" disappearing`, timeoutMs);
}

type Def = { methods?: Record<string, unknown> };

/** The harness opens pages with an empty query; pass `?id=` into the page's onLoad as WeChat does. */
export async function loadWithQuery(route: string, query: Record<string, string>, onCall: (n: string, d: unknown) => unknown) {
  // Loading the simulator defines the global Component; do it first, then wrap that.
  simulatorWx();
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
