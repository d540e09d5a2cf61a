/**
 * WeCom (企业微信) settings. The base URL is configuration so local dev and tests can point the
 * same client at the fake server in localcloud/wecom-fake.ts.
 */
import { z } from 'zod';
import { describeIssues } from '@shared/contract';
import { AppError } from '@shared/errors';
import { WECOM_CODES } from './errors';

export const WECOM_DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';

export const wecomConfigSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .default(WECOM_DEFAULT_BASE_URL)
    // paths are appended as `${baseUrl}/cgi-bin/...`
    .transform((u) => u.replace(/\/+$/, '')),
  corpId: z.string().trim().min(1),
  corpSecret: z.string().trim().min(1),
  /** the WeCom self-built app the mini-program is linked to (应用 AgentId) */
  agentId: z
    .union([z.number(), z.string().trim().regex(/^\d+$/, 'must be a whole number')])
    .transform(Number)
    .pipe(z.number().int().positive()),
  /** the mini-program appid that miniprogram_notice cards open */
  appId: z.string().trim().min(1),
});

export type WecomConfigInput = z.input<typeof wecomConfigSchema>;
export type WecomConfig = z.output<typeof wecomConfigSchema>;

export const WECOM_ENV = {
  baseUrl: 'WECOM_BASE_URL',
  corpId: 'WECOM_CORP_ID',
  corpSecret: 'WECOM_CORP_SECRET',
  agentId: 'WECOM_AGENT_ID',
  appId: 'WECOM_MINIPROGRAM_APPID',
} as const satisfies Record<keyof WecomConfig, string>;

const CONFIG_MESSAGE = '企业微信配置缺失或有误，请联系管理员';

/** Validates an explicit config. Issue details carry field paths only, never the values. */
export function parseWecomConfig(input: WecomConfigInput): WecomConfig {
  const parsed = wecomConfigSchema.safeParse(input);
  if (!parsed.success) throw new AppError(WECOM_CODES.config, CONFIG_MESSAGE, { issues: describeIssues(parsed.error) });
  return parsed.data;
}

/**
 * Reads the config from environment variables (CloudBase function env in production, set by
 * `npm start` locally). Missing variables are named in the error so the fix is obvious.
 */
export function wecomConfigFromEnv(env: Record<string, string | undefined> = process.env): WecomConfig {
  const read = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const required = [WECOM_ENV.corpId, WECOM_ENV.corpSecret, WECOM_ENV.agentId, WECOM_ENV.appId];
  const missing = required.filter((name) => read(name) === undefined);
  // variable names are not secret; naming them makes the operator's fix obvious
  if (missing.length) throw new AppError(WECOM_CODES.config, `${CONFIG_MESSAGE}（缺少环境变量：${missing.join(', ')}）`, { missing });
  return parseWecomConfig({
    baseUrl: read(WECOM_ENV.baseUrl),
    corpId: read(WECOM_ENV.corpId)!,
    corpSecret: read(WECOM_ENV.corpSecret)!,
    agentId: read(WECOM_ENV.agentId)!,
    appId: read(WECOM_ENV.appId)!,
  });
}
