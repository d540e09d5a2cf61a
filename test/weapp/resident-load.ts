/**
 * Loads a resident page of the built mini-program with a page query (as WeChat passes a shared
 * link's query to onLoad), in a fresh module registry so that several pages can be loaded in one
 * test file. Builds on harness.ts.
 */
type Harness = typeof import('./harness');

/** app.js must run (and call App()) again for each page, so each load starts from scratch. */
export function loadPage(route: string, query: Record<string, string>, onCall: (name: string, data: unknown) => unknown) {
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('miniprogram-simulate');
  const g = globalThis as Record<string, unknown>;
  // The built chunks register on wx.webpackJsonp; a previous page's chunks would run early.
  delete (g.wx as Record<string, unknown>).webpackJsonp;
  const component = g.Component as (def: { methods?: Record<string, (...a: unknown[]) => unknown> }) => unknown;
  g.Component = (def: { methods?: Record<string, (...a: unknown[]) => unknown> }) => {
    const onLoad = def.methods?.onLoad;
    if (onLoad) def.methods!.onLoad = function (this: unknown) { return onLoad.call(this, query); };
    return component(def);
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const harness = require('./harness') as Harness;
  return harness.loadBuiltPage(route, onCall);
}

