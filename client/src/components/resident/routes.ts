/** Resident column pages (main package). Tabs open with switchTab, the rest with navigateTo. */
export const RESIDENT_ROUTES = {
  notices: '/pages/notices/index',
  notice: '/pages/notices/detail',
  party: '/pages/party/index',
  partyPost: '/pages/party/detail',
  hall: '/pages/hall/index',
  topic: '/pages/hall/detail',
  propose: '/pages/hall/propose',
  questions: '/pages/questions/index',
  question: '/pages/questions/detail',
  ask: '/pages/questions/ask',
} as const;

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
