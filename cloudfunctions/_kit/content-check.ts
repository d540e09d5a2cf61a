/**
 * Content-security check for user-generated text (comments, topic proposals, questions) before
 * anyone else sees it. The mode is configuration, validated with zod:
 * - `wechat` (default, production): WeChat msgSecCheck v2 (`/wxa/msg_sec_check`, version 2, the
 *   author's openid and a scene) through CloudBase's cloud call, so no appsecret is handled here;
 * - `wordlist` (local cloud, tests): a word list, CONTENT_CHECK_WORDS (comma-separated) on top of
 *   a small default list.
 * The check fails closed: if WeChat cannot answer, the text is not accepted.
 */
import { z } from 'zod';
import { AppError } from '@shared/errors';
import { cloudApp } from './cloud';
import { createLogger } from './logger';

/** msgSecCheck scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export const CHECK_SCENES = { profile: 1, comment: 2, forum: 3, social: 4 } as const;
export type CheckScene = keyof typeof CHECK_SCENES;

export type CheckResult = { pass: true } | { pass: false; reason: string };

export interface ContentChecker {
  checkText(text: string, opts: { openid: string; scene: CheckScene }): Promise<CheckResult>;
}

export const CONTENT_REJECTED = 'CONTENT_REJECTED';
export const CONTENT_CHECK_UNAVAILABLE = 'CONTENT_CHECK_UNAVAILABLE';

/** Words no community board should carry; deployments extend the list through CONTENT_CHECK_WORDS. */
export const DEFAULT_BLOCKED_WORDS = ['傻逼', '操你妈', '草泥马', '去死吧', '法轮功', '代开发票', '赌博网站', '出售毒品', '办假证'];

const configSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('wechat') }),
  z.object({
    mode: z.literal('wordlist'),
    words: z.array(z.string().trim().min(1)).default([]),
  }),
]);
export type ContentCheckConfig = z.input<typeof configSchema>;

export function contentCheckConfigFromEnv(env: Record<string, string | undefined> = process.env): z.output<typeof configSchema> {
  const mode = env.CONTENT_CHECK_MODE?.trim() || 'wechat';
  const words = (env.CONTENT_CHECK_WORDS ?? '').split(/[,，]/).map((w) => w.trim()).filter(Boolean);
  const parsed = configSchema.safeParse(mode === 'wordlist' ? { mode, words } : { mode });
  if (!parsed.success) throw new AppError(CONTENT_CHECK_UNAVAILABLE, '内容安全检测配置有误，请联系管理员', { setting: 'CONTENT_CHECK_MODE' });
  return parsed.data;
}

/**
 * The comparable form of a text: full-width folded, lower case, and spaces and punctuation
 * removed, so "傻 逼" or "傻*逼" still match.
 */
export function foldForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function wordListChecker(extraWords: string[]): ContentChecker {
  const words = [...new Set([...DEFAULT_BLOCKED_WORDS, ...extraWords].map(foldForMatching).filter(Boolean))];
  return {
    async checkText(text) {
      const folded = foldForMatching(text);
      return words.some((w) => folded.includes(w)) ? { pass: false, reason: '包含不适宜发布的词语' } : { pass: true };
    },
  };
}

/** msgSecCheck v2 labels (result.label) and what to tell the author. */
const LABEL_REASONS: Record<number, string> = {
  10001: '疑似含有广告内容',
  20001: '疑似含有时政敏感内容',
  20002: '疑似含有色情内容',
  20003: '疑似含有辱骂内容',
  20006: '疑似含有违法犯罪内容',
  20008: '疑似含有欺诈内容',
  20012: '疑似含有低俗内容',
  20013: '疑似含有侵权内容',
  21000: '疑似含有违规内容',
};

const secCheckAnswer = z.object({
  errcode: z.number().int().default(0),
  errmsg: z.string().default(''),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.coerce.number().int() }).optional(),
});

/** msgSecCheck v1's "risky" errcode, still answered for some content. */
const RISKY_ERRCODE = 87014;

export type WxOpenApiCall = (apiName: string, requestData: Record<string, unknown>) => Promise<unknown>;

const cloudCall: WxOpenApiCall = async (apiName, requestData) => {
  const res = (await cloudApp().callWxOpenApi({ apiName, requestData })) as { result?: unknown; code?: string };
  if (res.code) throw new Error(`cloud call failed: ${res.code}`);
  return res.result;
};

export function wechatChecker(call: WxOpenApiCall = cloudCall): ContentChecker {
  const log = createLogger({ module: 'content-check' });
  const unavailable = () => new AppError(CONTENT_CHECK_UNAVAILABLE, '内容安全检测暂时不可用，请稍后再试');
  return {
    async checkText(text, { openid, scene }) {
      let raw: unknown;
      try {
        raw = await call('/wxa/msg_sec_check', { version: 2, openid, scene: CHECK_SCENES[scene], content: text });
      } catch (e) {
        log.error('msgSecCheck unreachable', { error: e instanceof Error ? e.message : String(e) });
        throw unavailable();
      }
      const answer = secCheckAnswer.safeParse(raw);
      if (!answer.success) throw unavailable();
      const { errcode, errmsg, result } = answer.data;
      if (errcode === RISKY_ERRCODE) return { pass: false, reason: '疑似含有违规内容' };
      if (errcode !== 0 || !result) {
        log.error('msgSecCheck refused', { errcode, errmsg });
        throw unavailable();
      }
      // "review" is WeChat's "not sure": held back too, since nobody reviews it before others see it
      if (result.suggest === 'pass') return { pass: true };
      return { pass: false, reason: LABEL_REASONS[result.label] ?? '疑似含有违规内容' };
    },
  };
}

let configured: ContentChecker | undefined;

/** The checker this function instance is configured for (read once per instance). */
export function contentChecker(env: Record<string, string | undefined> = process.env): ContentChecker {
  if (configured) return configured;
  const config = contentCheckConfigFromEnv(env);
  configured = config.mode === 'wordlist' ? wordListChecker(config.words) : wechatChecker();
  return configured;
}

export function checkText(text: string, opts: { openid: string; scene: CheckScene }): Promise<CheckResult> {
  return contentChecker().checkText(text, opts);
}

/** Throws CONTENT_REJECTED (with a Chinese reason for the author) unless every text passes. */
export async function assertTextAllowed(texts: string[], opts: { openid: string; scene: CheckScene }): Promise<void> {
  for (const t of texts) {
    const r = await checkText(t, opts);
    if (!r.pass) throw new AppError(CONTENT_REJECTED, `内容未通过安全检测（${r.reason}），请修改后再提交`, { reason: r.reason });
  }
}
