/**
 * What the staff device's QR code carries and how the resident page reads it back.
 *
 * The QR holds a plain https URL (see docs/staff-pages.md): WeChat's 「扫普通链接二维码打开小程序」
 * rule maps the prefix to pages/reception/confirm and hands the page the whole URL, encoded, as
 * `q`. A mini-program code (wxacode.getUnlimited) or a share would pass `token` directly.
 */
export const RECEPTION_QR_PREFIX = 'https://shequyun.local/r/reception';

export function receptionQrContent(token: string): string {
  return `${RECEPTION_QR_PREFIX}?token=${encodeURIComponent(token)}`;
}

function decode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** `token` from the query string of a URL (no URL class: absent in the mini-program runtime). */
function tokenInUrl(url: string): string | undefined {
  const query = url.split('#')[0]!.split('?')[1];
  if (!query) return undefined;
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq) === 'token') return decode(pair.slice(eq + 1)) || undefined;
  }
  return undefined;
}

/** The token from the page options: `token` itself, or inside `q` (the scanned URL, encoded). */
export function tokenFromParams(params: Record<string, string | undefined>): string | undefined {
  if (params.token) return decode(params.token);
  // weapp may or may not decode `q` before onLoad; a URL decodes to itself once it has no %-escapes
  if (params.q) return tokenInUrl(decode(params.q));
  return undefined;
}
