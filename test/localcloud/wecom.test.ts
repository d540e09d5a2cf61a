/**
 * The WeCom client against the fake WeCom server, over real HTTP. A shared fake clock expires
 * tokens and login codes; an injected sleep records backoff delays instead of waiting them.
 */
import { isAppError, type AppError } from '@shared/errors';
import {
  createWecomClient,
  InMemoryTokenStore,
  parseWecomConfig,
  wecomConfigFromEnv,
  WECOM_DEFAULT_BASE_URL,
  type WecomClient,
  type WecomClientDeps,
  type WecomErrorDetails,
} from '../../cloudfunctions/_kit/wecom';
import { startFakeWecom, type FakeWecom, type FakeWecomOptions } from '../../localcloud/wecom-fake';

let clock = Date.parse('2025-03-03T01:00:00Z');
const now = () => clock;
let fake: FakeWecom;
let sleeps: number[];
let logs: string[];
/** every response body the client received, to prove session_key stays inside the client */
let wire: string[];

const spyFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  wire.push(await res.clone().text());
  return res;
};

function client(deps: WecomClientDeps = {}): WecomClient {
  return createWecomClient(
    { baseUrl: fake.url, corpId: fake.corpId, corpSecret: fake.corpSecret, agentId: fake.agentId, appId: fake.appId },
    {
      now,
      fetch: spyFetch,
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      log: {
        info: (msg, fields) => logs.push(JSON.stringify({ msg, ...fields })),
        error: (msg, fields) => logs.push(JSON.stringify({ msg, ...fields })),
      },
      ...deps,
    },
  );
}

async function restart(opts: FakeWecomOptions = {}) {
  await fake?.close().catch(() => {}); // already closed by a test that stopped it
  fake = await startFakeWecom({ now, ...opts });
}

/** Runs `p`, expecting an AppError; returns it for the caller to inspect. */
async function appError(p: Promise<unknown>): Promise<AppError & { details: WecomErrorDetails }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e as AppError & { details: WecomErrorDetails };
    throw e;
  }
  throw new Error('expected an AppError, got success');
}

const notice = { toUsers: ['zhangsan'], title: '居民留言提醒', page: 'packages/staff/inbox/detail?id=q1' };

beforeEach(async () => {
  clock = Date.parse('2025-03-03T01:00:00Z');
  sleeps = [];
  logs = [];
  wire = [];
  await restart();
});

afterAll(async () => {
  await fake.close();
});

describe('access token', () => {
  test('is fetched once and reused across calls', async () => {
    const c = client();
    await c.code2Session(fake.issueLoginCode('zhangsan'));
    await c.sendMiniprogramNotice(notice);
    await c.code2Session(fake.issueLoginCode('lisi'));
    expect(fake.requestCount('gettoken')).toBe(1);
    expect(fake.requestCount()).toBe(4);
  });

  test('concurrent calls on a cold cache share one gettoken request', async () => {
    const c = client();
    await Promise.all([c.sendMiniprogramNotice(notice), c.sendMiniprogramNotice(notice), c.code2Session(fake.issueLoginCode('lisi'))]);
    expect(fake.requestCount('gettoken')).toBe(1);
  });

  test('clients sharing a TokenStore share the token', async () => {
    const store = new InMemoryTokenStore();
    await client({ tokenStore: store }).sendMiniprogramNotice(notice);
    await client({ tokenStore: store }).sendMiniprogramNotice(notice);
    expect(fake.requestCount('gettoken')).toBe(1);
  });

  test('is refreshed before it expires, within the safety margin', async () => {
    const c = client({ tokenRefreshMarginSeconds: 300 });
    const first = await c.getAccessToken();
    clock += 6800 * 1000; // 400 s left: still used
    expect(await c.getAccessToken()).toBe(first);
    expect(fake.requestCount('gettoken')).toBe(1);
    clock += 200 * 1000; // 200 s left: inside the margin
    await c.getAccessToken();
    expect(fake.requestCount('gettoken')).toBe(2);
  });

  test('an expired token is replaced without WeCom ever rejecting a call', async () => {
    const c = client();
    const first = await c.getAccessToken();
    clock += 7201 * 1000;
    await c.sendMiniprogramNotice(notice);
    expect(await c.getAccessToken()).not.toBe(first);
    expect(fake.requestCount('gettoken')).toBe(2);
    expect(fake.requestCount('message/send')).toBe(1); // no 42001 round trip
  });

  test('a token WeCom expired early (42001) is refreshed and the call retried', async () => {
    const c = client();
    const first = await c.getAccessToken();
    fake.expireTokens();
    await c.sendMiniprogramNotice(notice);
    expect(await c.getAccessToken()).not.toBe(first);
    expect(fake.requestCount('gettoken')).toBe(2);
    expect(fake.requestCount('message/send')).toBe(2);
    expect(fake.messages()).toHaveLength(1);
  });

  test.each([40014, 42001])('errcode %i: one refresh, one retry, success', async (errcode) => {
    const c = client();
    await c.getAccessToken();
    fake.failNext(errcode, 1, 'miniprogram/jscode2session');
    const who = await c.code2Session(fake.issueLoginCode('wangwu'));
    expect(who.userId).toBe('wangwu');
    expect(fake.requestCount('gettoken')).toBe(2);
    expect(fake.requestCount('miniprogram/jscode2session')).toBe(2);
    expect(sleeps).toEqual([]); // a token refresh is not a backoff
  });

  test('a token rejected twice in a row is refreshed only once, then fails', async () => {
    const c = client();
    fake.failNext(40014, 2);
    const e = await appError(c.sendMiniprogramNotice(notice));
    expect(e.code).toBe('WECOM_ERROR');
    expect(e.details).toMatchObject({ api: 'message/send', errcode: 40014, attempts: 2 });
    expect(fake.requestCount('gettoken')).toBe(2);
    expect(fake.messages()).toHaveLength(0);
  });

  test('a wrong secret fails at once with a configuration message', async () => {
    const c = createWecomClient(
      { baseUrl: fake.url, corpId: fake.corpId, corpSecret: 'wrong', agentId: fake.agentId, appId: fake.appId },
      { now, sleep: async (ms) => void sleeps.push(ms), log: { info: () => {}, error: () => {} } },
    );
    const e = await appError(c.sendMiniprogramNotice(notice));
    expect(e.code).toBe('WECOM_ERROR');
    expect(e.message).toBe('企业微信配置有误，请联系管理员');
    expect(e.details).toMatchObject({ api: 'gettoken', errcode: 40001, errmsg: expect.stringContaining('invalid secret') });
    expect(fake.requestCount('gettoken')).toBe(1);
    expect(fake.requestCount('message/send')).toBe(0);
  });
});

describe('retries', () => {
  test('-1 twice: retried with growing backoff, then succeeds', async () => {
    const c = client({ retry: { retries: 3, baseDelayMs: 200, maxDelayMs: 2000 } });
    fake.failNext(-1, 2, 'message/send');
    await c.sendMiniprogramNotice(notice);
    expect(fake.requestCount('message/send')).toBe(3);
    // equal jitter with random() = 0.5: cap/2 + cap/4, cap = 200, then 400
    expect(sleeps).toEqual([150, 300]);
    expect(fake.messages()).toHaveLength(1);
  });

  test('-1 beyond the retry budget: WECOM_ERROR with errcode -1', async () => {
    const c = client({ retry: { retries: 3, baseDelayMs: 200, maxDelayMs: 500 } });
    fake.failNext(-1, 10, 'message/send');
    const e = await appError(c.sendMiniprogramNotice(notice));
    expect(e.code).toBe('WECOM_ERROR');
    expect(e.message).toBe('企业微信服务暂时不可用，请稍后再试');
    expect(e.details).toMatchObject({ api: 'message/send', errcode: -1, errmsg: 'system busy', attempts: 4 });
    expect(fake.requestCount('message/send')).toBe(4);
    expect(sleeps).toHaveLength(3);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(500);
  });

  test('jitter keeps each delay between half and all of its cap', async () => {
    for (const r of [0, 0.999]) {
      sleeps = [];
      fake.failNext(-1, 3, 'message/send');
      await client({ random: () => r, retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 10_000 } }).sendMiniprogramNotice(notice);
      expect(sleeps).toEqual(r === 0 ? [50, 100, 200] : [100, 200, 400]);
    }
  });

  test('a -1 from gettoken is retried too', async () => {
    fake.failNext(-1, 1, 'gettoken');
    await client().getAccessToken();
    expect(fake.requestCount('gettoken')).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  test('dropped connections and 5xx are retried', async () => {
    const c = client();
    fake.dropNext(1, 'message/send');
    fake.failHttpNext(502, 1, 'message/send');
    await c.sendMiniprogramNotice(notice);
    expect(fake.requestCount('message/send')).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(fake.messages()).toHaveLength(1);
  });

  test('persistent 5xx: WECOM_ERROR without an errcode, with the HTTP status', async () => {
    const c = client({ retry: { retries: 2 } });
    await c.getAccessToken();
    fake.failHttpNext(503, 5);
    const e = await appError(c.code2Session(fake.issueLoginCode('zhangsan')));
    expect(e.code).toBe('WECOM_ERROR');
    expect(e.message).toBe('企业微信服务暂时不可用，请稍后再试');
    expect(e.details).toMatchObject({ api: 'miniprogram/jscode2session', errcode: null, httpStatus: 503, attempts: 3 });
  });

  test('an unreachable server is a WECOM_ERROR, not a crash', async () => {
    const url = fake.url;
    await fake.close();
    const c = createWecomClient(
      { baseUrl: url, corpId: 'c', corpSecret: 's', agentId: 1, appId: 'a' },
      { sleep: async (ms) => void sleeps.push(ms), retry: { retries: 1 }, log: { info: () => {}, error: () => {} } },
    );
    const e = await appError(c.getAccessToken());
    expect(e.code).toBe('WECOM_ERROR');
    expect(e.details).toMatchObject({ api: 'gettoken', errcode: null, errmsg: expect.stringContaining('network error'), attempts: 2 });
    fake = await startFakeWecom({ now });
  });

  test('an HTTP 404 (wrong base URL) is not retried', async () => {
    const wrong = createWecomClient(
      { baseUrl: `${fake.url}/wrong-prefix`, corpId: fake.corpId, corpSecret: fake.corpSecret, agentId: fake.agentId, appId: fake.appId },
      { sleep: async (ms) => void sleeps.push(ms), log: { info: () => {}, error: () => {} } },
    );
    const e = await appError(wrong.getAccessToken());
    expect(e.details).toMatchObject({ api: 'gettoken', errcode: null, httpStatus: 404, attempts: 1 });
    expect(sleeps).toEqual([]);
  });
});

describe('jscode2session', () => {
  test('returns corpId and userId only; session_key never leaves the client', async () => {
    const c = client();
    const who = await c.code2Session(fake.issueLoginCode('zhangsan'));
    expect(who).toEqual({ corpId: fake.corpId, userId: 'zhangsan' });
    expect(Object.keys(who).sort()).toEqual(['corpId', 'userId']);
    expect(Object.isFrozen(who)).toBe(true);

    const answer = JSON.parse(wire.find((w) => w.includes('session_key'))!) as { session_key: string };
    expect(answer.session_key.length).toBeGreaterThan(8);
    expect(JSON.stringify(who)).not.toContain(answer.session_key);
    expect(logs.join('\n')).not.toContain(answer.session_key);
  });

  test('a used code is refused with a clear AppError (40029)', async () => {
    const c = client();
    const code = fake.issueLoginCode('zhangsan');
    await c.code2Session(code);
    const e = await appError(c.code2Session(code));
    expect(e.code).toBe('WECOM_LOGIN_CODE_INVALID');
    expect(e.message).toBe('企业微信登录已失效，请重新打开小程序');
    expect(e.details).toMatchObject({ api: 'miniprogram/jscode2session', errcode: 40029, errmsg: 'invalid code' });
    expect(sleeps).toEqual([]);
  });

  test('unknown and expired codes are refused (40029)', async () => {
    const c = client();
    expect((await appError(c.code2Session('no-such-code'))).details.errcode).toBe(40029);
    const code = fake.issueLoginCode('zhangsan');
    clock += 301 * 1000;
    expect((await appError(c.code2Session(code))).code).toBe('WECOM_LOGIN_CODE_INVALID');
  });

  test('an empty code is INVALID_INPUT and never reaches WeCom', async () => {
    const e = await appError(client().code2Session('  '));
    expect(e.code).toBe('INVALID_INPUT');
    expect(fake.requestCount()).toBe(0);
  });

  test('a member of another corp linked to the mini-program is refused', async () => {
    const e = await appError(client().code2Session(fake.issueLoginCode('outsider', { corpId: 'wwothercorp' })));
    expect(e.code).toBe('WECOM_CORP_MISMATCH');
    expect(e.details).toEqual({ corpId: 'wwothercorp' });
  });

  test('login codes can be minted over HTTP by a gateway in another process', async () => {
    const res = await fetch(`${fake.url}/__fake/login-codes`, { method: 'POST', body: JSON.stringify({ userId: 'zhaoliu' }) });
    const { code } = (await res.json()) as { code: string };
    expect((await client().code2Session(code)).userId).toBe('zhaoliu');
  });
});

describe('message/send miniprogram_notice', () => {
  test('sends the documented body, which the fake records exactly', async () => {
    const result = await client().sendMiniprogramNotice({
      toUsers: ['zhangsan', 'lisi', 'zhangsan'],
      page: 'packages/staff/inbox/detail?id=q1',
      title: '居民留言提醒',
      description: '3月3日 09:00',
      emphasisFirstItem: true,
      contentItems: [
        { key: '留言人', value: '3号楼 王阿姨' },
        { key: '内容', value: '楼道灯坏了' },
      ],
    });
    expect(result).toEqual({ msgId: expect.any(String), invalidUsers: [], unlicensedUsers: [] });
    const [m] = fake.messages();
    expect(m!.body).toEqual({
      touser: 'zhangsan|lisi',
      msgtype: 'miniprogram_notice',
      miniprogram_notice: {
        appid: fake.appId,
        page: 'packages/staff/inbox/detail?id=q1',
        title: '居民留言提醒',
        description: '3月3日 09:00',
        emphasis_first_item: true,
        content_item: [
          { key: '留言人', value: '3号楼 王阿姨' },
          { key: '内容', value: '楼道灯坏了' },
        ],
      },
    });
    expect(m!.touser).toEqual(['zhangsan', 'lisi']);
  });

  test('optional fields are omitted, and duplicate check is opt-in', async () => {
    const c = client();
    await c.sendMiniprogramNotice({ toUsers: ['zhangsan'], title: '值班提醒' });
    await c.sendMiniprogramNotice({ toUsers: ['zhangsan'], title: '值班提醒', duplicateCheckSeconds: 600 });
    const [plain, deduped] = fake.messages();
    expect(plain!.body).toEqual({ touser: 'zhangsan', msgtype: 'miniprogram_notice', miniprogram_notice: { appid: fake.appId, title: '值班提醒' } });
    expect(deduped!.body).toMatchObject({ enable_duplicate_check: 1, duplicate_check_interval: 600 });
  });

  test('recipients WeCom does not know come back as invalidUsers', async () => {
    await restart({ knownUserIds: ['zhangsan'] });
    const c = client();
    expect(await c.sendMiniprogramNotice({ toUsers: ['zhangsan', 'ghost'], title: '值班提醒' })).toMatchObject({ invalidUsers: ['ghost'] });
    const e = await appError(c.sendMiniprogramNotice({ toUsers: ['ghost'], title: '值班提醒' }));
    expect(e).toMatchObject({ code: 'WECOM_ERROR', message: '企业微信通知发送失败，请稍后再试' });
    expect(e.details.errcode).toBe(81013);
  });

  test.each([
    ['no recipients', { toUsers: [], title: '值班提醒' }],
    ['a "|" inside a userid', { toUsers: ['a|b'], title: '值班提醒' }],
    ['a title over 12 characters', { toUsers: ['a'], title: '这是一个超过十二个字的通知标题' }],
    ['more than 10 content items', { toUsers: ['a'], title: '值班提醒', contentItems: Array.from({ length: 11 }, () => ({ key: 'k', value: 'v' })) }],
  ])('%s is INVALID_INPUT and never sent', async (_name, input) => {
    const e = await appError(client().sendMiniprogramNotice(input));
    expect(e.code).toBe('INVALID_INPUT');
    expect(fake.requestCount()).toBe(0);
  });

  test('the fake rejects a body that breaks the documented shape', async () => {
    const c = client();
    const accessToken = await c.getAccessToken();
    const res = await fetch(`${fake.url}/cgi-bin/message/send?access_token=${accessToken}`, {
      method: 'POST',
      body: JSON.stringify({ touser: 'a', msgtype: 'miniprogram_notice', miniprogram_notice: { appid: 'wxsomeoneelse', title: '值班提醒' } }),
    });
    expect(await res.json()).toMatchObject({ errcode: 40058 });
    expect(fake.messages()).toHaveLength(0);
  });

  test('dev endpoints list the notices: JSON oldest first, HTML newest first and escaped', async () => {
    const c = client();
    await c.sendMiniprogramNotice({ toUsers: ['zhangsan'], title: '第一条通知' });
    await c.sendMiniprogramNotice({ toUsers: ['lisi'], title: '<b>第二条</b>', contentItems: [{ key: '内容', value: '<script>x</script>' }] });

    const json = (await (await fetch(`${fake.url}/__fake/messages`)).json()) as { count: number; messages: { touser: string[] }[] };
    expect(json.count).toBe(2);
    expect(json.messages.map((m) => m.touser)).toEqual([['zhangsan'], ['lisi']]);

    const page = await fetch(`${fake.url}/__fake/messages.html`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('工作人员收到的小程序通知');
    expect(html.indexOf('&lt;b&gt;第二条')).toBeGreaterThan(-1);
    expect(html.indexOf('&lt;b&gt;第二条')).toBeLessThan(html.indexOf('第一条通知'));
    expect(html).not.toContain('<script>');
  });
});

describe('secrets stay out of logs and errors', () => {
  test('no secret, token or session key appears in log lines or error details', async () => {
    const c = client({ retry: { retries: 1 } });
    const accessToken = await c.getAccessToken();
    fake.failNext(-1, 1);
    await c.code2Session(fake.issueLoginCode('zhangsan'));
    fake.failNext(42001, 1);
    await c.sendMiniprogramNotice(notice);
    fake.failNext(-1, 5);
    const e = await appError(c.sendMiniprogramNotice(notice));

    const sessionKeys = wire.flatMap((w) => {
      const k = (JSON.parse(w) as { session_key?: string }).session_key;
      return k ? [k] : [];
    });
    expect(sessionKeys).toHaveLength(1);
    expect(logs.length).toBeGreaterThan(3);
    const seen = `${logs.join('\n')}\n${JSON.stringify(e.details)}\n${e.message}`;
    for (const secret of [fake.corpSecret, accessToken, ...sessionKeys]) expect(seen).not.toContain(secret);
  });
});

describe('configuration', () => {
  const env = () => ({ ...fake.env() });

  test('reads WECOM_* variables; the base URL defaults to WeCom and loses a trailing slash', () => {
    const e = env();
    expect(wecomConfigFromEnv(e)).toEqual({ baseUrl: fake.url, corpId: fake.corpId, corpSecret: fake.corpSecret, agentId: fake.agentId, appId: fake.appId });
    expect(wecomConfigFromEnv({ ...e, WECOM_BASE_URL: undefined }).baseUrl).toBe(WECOM_DEFAULT_BASE_URL);
    expect(wecomConfigFromEnv({ ...e, WECOM_BASE_URL: `${fake.url}/` }).baseUrl).toBe(fake.url);
  });

  test('missing variables are named in the error', () => {
    let err: unknown;
    try {
      wecomConfigFromEnv({ WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: ' ' });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'WECOM_CONFIG_INVALID', details: { missing: ['WECOM_CORP_SECRET', 'WECOM_AGENT_ID', 'WECOM_MINIPROGRAM_APPID'] } });
    expect((err as Error).message).toContain('WECOM_CORP_SECRET');
  });

  test.each([
    ['a non-numeric agent id', { WECOM_AGENT_ID: 'abc' }, 'agentId'],
    ['a zero agent id', { WECOM_AGENT_ID: '0' }, 'agentId'],
    ['a base URL that is not http(s)', { WECOM_BASE_URL: 'ftp://qyapi.weixin.qq.com' }, 'baseUrl'],
    ['a base URL that is not a URL', { WECOM_BASE_URL: 'qyapi' }, 'baseUrl'],
  ])('%s is rejected, naming the field but not echoing values', (_name, patch, field) => {
    let err: unknown;
    try {
      wecomConfigFromEnv({ ...env(), ...patch });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'WECOM_CONFIG_INVALID', details: { issues: [expect.objectContaining({ path: field })] } });
    expect(JSON.stringify((err as AppError).details)).not.toContain(fake.corpSecret);
  });

  test('createWecomClient validates an explicit config too', () => {
    expect(() => parseWecomConfig({ corpId: '', corpSecret: 's', agentId: 1, appId: 'a' })).toThrow(expect.objectContaining({ code: 'WECOM_CONFIG_INVALID' }));
    expect(() => createWecomClient({ corpId: 'c', corpSecret: '', agentId: 1, appId: 'a' })).toThrow(expect.objectContaining({ code: 'WECOM_CONFIG_INVALID' }));
  });

  test('the client exposes its config without the secret', () => {
    const c = client();
    expect(c.config).toEqual({ baseUrl: fake.url, corpId: fake.corpId, agentId: fake.agentId, appId: fake.appId });
    expect(JSON.stringify(c)).not.toContain(fake.corpSecret);
  });
});
