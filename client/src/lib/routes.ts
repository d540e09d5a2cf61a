/**
 * Every page of the app by name: the one route table. test/unit/routes.test.ts holds it to
 * app.config.ts (each route is a page of the main package or of a subpackage, and each page has
 * a route), so a moved page fails a test instead of a tap. A link with a query is
 * `withQuery(ROUTES.staff.notice, { id })`; the page reads it back with `param`.
 */
const STAFF = '/packages/staff/pages';
const LIAISON = '/packages/liaison/pages';

export const ROUTES = {
  /** main package: the tabs, the resident columns, sign-up and the household */
  resident: {
    home: '/pages/home/index',
    notices: '/pages/notices/index',
    mine: '/pages/mine/index',
    notice: '/pages/notices/detail',
    party: '/pages/party/index',
    partyPost: '/pages/party/detail',
    hall: '/pages/hall/index',
    topic: '/pages/hall/detail',
    propose: '/pages/hall/propose',
    questions: '/pages/questions/index',
    ask: '/pages/questions/ask',
    question: '/pages/questions/detail',
    consent: '/pages/signup/index',
    claim: '/pages/signup/claim',
    join: '/pages/signup/join',
    household: '/pages/household/index',
    /** opened by scanning the QR on the staff device (pages/reception/link.ts) */
    receptionConfirm: '/pages/reception/confirm',
  },
  /** the staff subpackage (工作台); the inbox detail is also what WeCom notices open */
  staff: {
    home: `${STAFF}/index/index`,
    inbox: `${STAFF}/inbox/index`,
    inboxDetail: `${STAFF}/inbox/detail`,
    records: `${STAFF}/records/index`,
    newRecord: `${STAFF}/records/new`,
    recordDetail: `${STAFF}/records/detail`,
    reception: `${STAFF}/records/reception`,
    orders: `${STAFF}/orders/index`,
    newOrder: `${STAFF}/orders/new`,
    orderDetail: `${STAFF}/orders/detail`,
    points: `${STAFF}/points/index`,
    pointsCard: `${STAFF}/points/card`,
    pointsDecision: `${STAFF}/points/decision`,
    pointsCorrect: `${STAFF}/points/correct`,
    roster: `${STAFF}/roster/index`,
    rosterPlan: `${STAFF}/roster/plan`,
    register: `${STAFF}/register/index`,
    registerCodes: `${STAFF}/register/codes`,
    content: `${STAFF}/content/index`,
    newNotice: `${STAFF}/content/notice-new`,
    notice: `${STAFF}/content/notice`,
    newPartyPost: `${STAFF}/content/party-new`,
    partyPost: `${STAFF}/content/party`,
    topic: `${STAFF}/content/topic`,
  },
  /** the liaison subpackage (统计), with the staff directory */
  liaison: {
    home: `${LIAISON}/index/index`,
    scope: `${LIAISON}/scope/index`,
    indicator: `${LIAISON}/indicator/index`,
    committee: `${LIAISON}/committee/index`,
    assess: `${LIAISON}/assess/index`,
    staffDirectory: `${LIAISON}/staff/index`,
  },
} as const;

/** `path?k=v&…`, leaving out empty and missing values. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const q = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return q ? `${path}?${q}` : path;
}

/** A query value from the page's router params; weapp may hand them over still encoded. */
export function param(params: Record<string, string | undefined>, key: string): string | undefined {
  const v = params[key];
  if (!v) return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
