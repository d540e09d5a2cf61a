/**
 * The client's one route table (client/src/lib/routes.ts) against the pages the build declares
 * (client/src/app.config.ts): a route to no page would fail only when tapped, and a page without
 * a route is reachable only through a path spelled by hand.
 */
import { ROUTES } from '../../../client/src/lib/routes';
import { STAFF_INBOX_DETAIL_PAGE } from '../../../cloudfunctions/inbox/notify';

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string }[] };
}

/** app.config.ts calls Taro's build-time `defineAppConfig`; outside the build it is the identity. */
async function appConfig(): Promise<AppConfig> {
  (globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
  return (await import('../../../client/src/app.config')).default as unknown as AppConfig;
}

/** every path of the table with its name, e.g. ['staff.inboxDetail', '/packages/staff/pages/inbox/detail'] */
function routes(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([name, v]): [string, string][] =>
    typeof v === 'string' ? [[`${prefix}${name}`, v]] : routes(v as object, `${prefix}${name}.`),
  );
}

let pages: string[];
beforeAll(async () => {
  const app = await appConfig();
  pages = [...app.pages.map((p) => `/${p}`), ...app.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`))];
});

it('every route is a page of the main package or of a subpackage', () => {
  const missing = routes(ROUTES).filter(([, path]) => !pages.includes(path));
  expect(missing).toEqual([]);
});

it('every page has exactly one route', () => {
  const paths = routes(ROUTES).map(([, path]) => path);
  expect(pages.filter((p) => !paths.includes(p))).toEqual([]);
  expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
});

it('the tab bar and the WeCom notice open pages of the table', async () => {
  const paths = routes(ROUTES).map(([, path]) => path);
  const app = await appConfig();
  expect(app.tabBar.list.map((t) => `/${t.pagePath}`).filter((p) => !paths.includes(p))).toEqual([]);
  expect(paths).toContain(`/${STAFF_INBOX_DETAIL_PAGE}`);
});
