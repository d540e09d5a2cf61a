/**
 * The transport's envelope handling, through the H5 (dev gateway) path with `fetch` stubbed at
 * the network boundary.
 */
import './h5-globals';
import { z } from 'zod';
import { defineAction } from '@shared/contract';
import { me } from '@shared/contracts/auth';
import { AppError, ERROR_MESSAGES } from '@shared/errors';
import { call } from '../../client/src/services/cloud';

type FetchArgs = [string, RequestInit | undefined];
const fetchMock = jest.fn<Promise<Response>, FetchArgs>();

function reply(status: number, body: unknown): Response {
  return { status, ok: status >= 200 && status < 300, json: async () => body } as unknown as Response;
}
const envelope = (e: unknown) => reply(200, { result: e });

const alice = {
  signedIn: true,
  displayName: '张阿姨',
  staffId: null,
  roles: ['resident'],
  committee: { id: 'c1', name: '测试居委会' },
  street: { id: 's1', name: '测试街道' },
  district: { id: 'd1', name: '测试区' },
  uploadDir: null,
};

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the call to fail');
}

function sentEvent(i: number): { action: string; payload: unknown; requestId: string } {
  const init = fetchMock.mock.calls[i]![1]!;
  return JSON.parse(String(init.body));
}

beforeEach(() => {
  fetchMock.mockReset();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

describe('call() over the dev gateway', () => {
  it('sends open data only for the fields the action declares, in the local cloud\'s CloudID form', async () => {
    const withGroup = defineAction('content', 'probe.group', z.object({}).strict(), z.object({}), { openData: ['groupEnter'] });
    const without = defineAction('content', 'probe.plain', z.object({}).strict(), z.object({}));
    fetchMock.mockResolvedValue(envelope({ ok: true, data: {} }));
    await call(withGroup, {}, { openData: { groupEnter: 'cid-1' } });
    await call(without, {}, { openData: { groupEnter: 'cid-2' } });
    await call(withGroup, {}, { openData: { groupEnter: undefined } });
    expect(sentEvent(0)).toMatchObject({ action: 'probe.group', payload: {}, groupEnter: { $localCloudID: 'cid-1' } });
    expect(sentEvent(1)).not.toHaveProperty('groupEnter');
    expect(sentEvent(2)).not.toHaveProperty('groupEnter');
  });

  it('posts {action, payload, requestId} to /api/functions/<fn> and returns the parsed output', async () => {
    fetchMock.mockResolvedValueOnce(envelope({ ok: true, data: { ...alice, extra: 'dropped by the schema' } }));
    const out = await call(me, {});
    expect(out).toEqual(alice);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/functions/auth');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    const event = sentEvent(0);
    expect(event).toMatchObject({ action: 'me', payload: {} });
    expect(event.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives each logical call its own requestId, and honours a caller-supplied one', async () => {
    fetchMock.mockImplementation(async () => envelope({ ok: true, data: alice }));
    await call(me, {});
    await call(me, {});
    await call(me, {}, { requestId: 'form-submission-0001' });
    expect(sentEvent(0).requestId).not.toBe(sentEvent(1).requestId);
    expect(sentEvent(2).requestId).toBe('form-submission-0001');
  });

  it('rejects a reply that does not match the output contract', async () => {
    fetchMock.mockResolvedValueOnce(envelope({ ok: true, data: { ...alice, roles: ['emperor'] } }));
    const err = await rejection(call(me, {}));
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toBe(ERROR_MESSAGES.INTERNAL);
  });

  it('rejects a reply that is not an envelope', async () => {
    fetchMock.mockResolvedValueOnce(envelope('<html>oops</html>'));
    expect((await rejection(call(me, {}))).code).toBe('INTERNAL');
  });

  it('turns an error envelope into AppError with the server code and message, without retrying', async () => {
    fetchMock.mockResolvedValue(envelope({ ok: false, error: { code: 'FORBIDDEN', message: '只有本居委会工作人员可以查看' } }));
    const err = await rejection(call(me, {}));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toBe('只有本居委会工作人员可以查看');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('turns a failed fetch into NETWORK after one retry that reuses the requestId', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const err = await rejection(call(me, {}));
    expect(err.code).toBe('NETWORK');
    expect(err.message).toBe(ERROR_MESSAGES.NETWORK);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(sentEvent(1).requestId).toBe(sentEvent(0).requestId);
  });

  it('recovers when the retry gets through', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce(envelope({ ok: true, data: alice }));
    await expect(call(me, {})).resolves.toEqual(alice);
  });

  it('maps a gateway time-limit reply to TIMEOUT and other gateway failures to NETWORK', async () => {
    fetchMock.mockResolvedValueOnce(reply(504, { errCode: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', errMsg: 'function timed out after 3s' }));
    expect((await rejection(call(me, {}, { retries: 0 }))).code).toBe('TIMEOUT');
    fetchMock.mockResolvedValueOnce(reply(502, { errCode: 'FUNCTION_NOT_FOUND', errMsg: 'no such function' }));
    expect((await rejection(call(me, {}, { retries: 0 }))).code).toBe('NETWORK');
  });

  it('gives up with TIMEOUT when no reply arrives in time', async () => {
    fetchMock.mockImplementation(() => new Promise<Response>(() => {}));
    const err = await rejection(call(me, {}, { timeoutMs: 30 }));
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toBe(ERROR_MESSAGES.TIMEOUT);
  });

  it('refuses input that breaks the contract before sending anything', async () => {
    const echo = defineAction('content', 'echo', z.object({ text: z.string().min(1) }), z.object({ text: z.string() }));
    const err = await rejection(call(echo, { text: '' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.details).toEqual([expect.objectContaining({ path: 'text' })]);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
