/** WeCom (企业微信) server API for cloud functions. See docs/wecom.md. */
import { createWecomClient, type WecomClient } from './client';
import { wecomConfigFromEnv } from './config';

export { createWecomClient, type NoticeResult, type WecomClient, type WecomClientDeps, type WecomIdentity } from './client';
export { parseWecomConfig, wecomConfigFromEnv, wecomConfigSchema, WECOM_DEFAULT_BASE_URL, WECOM_ENV, type WecomConfig, type WecomConfigInput } from './config';
export { WECOM_CODES, type WecomApi, type WecomErrorDetails } from './errors';
export { DEFAULT_RETRY, type RetryPolicy } from './backoff';
export { buildMiniprogramNoticeBody, miniprogramNoticeInput, type MiniprogramNoticeBody, type MiniprogramNoticeInput } from './notice';
export { InMemoryTokenStore, type CachedToken, type TokenStore } from './token-store';

let shared: WecomClient | undefined;

/**
 * The client for this function instance, configured from WECOM_* env. Reusing it across
 * invocations of a warm instance is what makes the in-memory token cache worth having.
 */
export function wecomClient(): WecomClient {
  shared ??= createWecomClient(wecomConfigFromEnv());
  return shared;
}
