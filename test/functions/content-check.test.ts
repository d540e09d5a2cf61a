/**
 * The content-security check (cloudfunctions/_kit/content-check.ts) in-process: configuration,
 * the word list, and the msgSecCheck v2 request and answers (WeChat replaced by a recording fake).
 */
import { contentCheckConfigFromEnv, wechatChecker, wordListChecker, type WxOpenApiCall } from '../../cloudfunctions/_kit/content-check';

describe('configuration', () => {
  it('defaults to WeChat and reads the word list only in wordlist mode', () => {
    expect(contentCheckConfigFromEnv({})).toEqual({ mode: 'wechat' });
    expect(contentCheckConfigFromEnv({ CONTENT_CHECK_MODE: 'wordlist', CONTENT_CHECK_WORDS: '甲词, 乙词，,丙词' })).toEqual({ mode: 'wordlist', words: ['甲词', '乙词', '丙词'] });
  });

  it('refuses an unknown mode instead of guessing', () => {
    expect(() => contentCheckConfigFromEnv({ CONTENT_CHECK_MODE: 'local' })).toThrow(expect.objectContaining({ code: 'CONTENT_CHECK_UNAVAILABLE' }));
  });
});

describe('word list', () => {
  const check = (text: string) => wordListChecker(['自定义词']).checkText(text, { openid: 'o', scene: 'comment' });

  it('passes ordinary text and rejects default and configured words, however spaced or widened', async () => {
    expect(await check('建议周末组织义诊活动')).toEqual({ pass: true });
    for (const text of ['你是傻逼', '傻 逼', '傻*逼', '这是自定义词', '自 定 义 词', 'ｆｏｏ自定义词']) expect((await check(text)).pass).toBe(false);
  });
});

describe('msgSecCheck v2', () => {
  function fake(answer: unknown) {
    const calls: { apiName: string; data: Record<string, unknown> }[] = [];
    const call: WxOpenApiCall = async (apiName, data) => {
      calls.push({ apiName, data });
      if (answer instanceof Error) throw answer;
      return answer;
    };
    return { calls, checker: wechatChecker(call) };
  }

  it('sends version 2 with the author’s openid, the scene and the text', async () => {
    const { calls, checker } = fake({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [] });
    expect(await checker.checkText('你好', { openid: 'oUser', scene: 'comment' })).toEqual({ pass: true });
    expect(calls).toEqual([{ apiName: '/wxa/msg_sec_check', data: { version: 2, openid: 'oUser', scene: 2, content: '你好' } }]);
  });

  it('rejects risky and review suggestions with a reason from the label', async () => {
    expect(await fake({ errcode: 0, result: { suggest: 'risky', label: 20003 } }).checker.checkText('x', { openid: 'o', scene: 'forum' })).toEqual({ pass: false, reason: '疑似含有辱骂内容' });
    expect(await fake({ errcode: 0, result: { suggest: 'review', label: '10001' } }).checker.checkText('x', { openid: 'o', scene: 'forum' })).toEqual({ pass: false, reason: '疑似含有广告内容' });
    expect(await fake({ errcode: 87014, errmsg: 'risky content' }).checker.checkText('x', { openid: 'o', scene: 'comment' })).toMatchObject({ pass: false });
  });

  it('fails closed when WeChat cannot answer', async () => {
    for (const answer of [{ errcode: 40003, errmsg: 'invalid openid' }, { unexpected: true, errcode: 0 }, new Error('socket hang up')]) {
      await expect(fake(answer).checker.checkText('x', { openid: 'o', scene: 'comment' })).rejects.toMatchObject({ code: 'CONTENT_CHECK_UNAVAILABLE', message: '内容安全检测暂时不可用，请稍后再试' });
    }
  });
});
