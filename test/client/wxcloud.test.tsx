/**
 * The mini-program transport's mapping of wx.cloud failures. `@tarojs/taro` is replaced at the
 * platform boundary: on weapp Taro.cloud is wx.cloud, which does not exist under Node.
 */
import { AppError } from '@shared/errors';

// wx.cloud.CloudID answers an opaque marker object that the platform recognises on the wire
class CloudIdMarker {
  constructor(readonly cloudID: string) {}
}
const cloud = { init: jest.fn(), callFunction: jest.fn(), CloudID: jest.fn((id: string) => new CloudIdMarker(id)) };
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud } }));
(globalThis as { CLOUD_ENV?: string }).CLOUD_ENV = 'shequyun-test';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { wxCloudTransport, initCloud } = require('../../client/src/services/wxcloud') as typeof import('../../client/src/services/wxcloud');

const event = { action: 'me', payload: {}, requestId: '0123456789abcdef' };

async function failure(): Promise<AppError> {
  const err = await wxCloudTransport('auth', event, {}).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeEach(() => cloud.callFunction.mockReset());

it('initialises wx.cloud once, with the build-time env id', () => {
  initCloud();
  initCloud();
  expect(cloud.init).toHaveBeenCalledTimes(1);
  expect(cloud.init).toHaveBeenCalledWith({ env: 'shequyun-test', traceUser: true });
});

it('calls the named function with the event and returns result (the envelope)', async () => {
  cloud.callFunction.mockResolvedValueOnce({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: 1 } });
  await expect(wxCloudTransport('auth', event, {})).resolves.toEqual({ ok: true, data: 1 });
  expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'auth', data: event });
  expect(cloud.CloudID).not.toHaveBeenCalled();
});

it('puts each open-data cloudID, as the wx.cloud.CloudID instance itself, in its own top-level field', async () => {
  cloud.callFunction.mockResolvedValueOnce({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: 1 } });
  await wxCloudTransport('content', event, { groupEnter: 'cloud-id-from-getGroupEnterInfo' });
  const { data } = (cloud.callFunction.mock.calls[0] as [{ data: Record<string, unknown> }])[0];
  // only a top-level CloudID is decrypted by CloudBase; the payload must stay untouched
  expect(data.groupEnter).toBeInstanceOf(CloudIdMarker);
  expect(data.groupEnter).toEqual(new CloudIdMarker('cloud-id-from-getGroupEnterInfo'));
  expect(data).toMatchObject(event);
  expect(data.payload).toEqual({});
});

it('maps a function time-limit failure to TIMEOUT', async () => {
  cloud.callFunction.mockRejectedValueOnce({ errCode: -504003, errMsg: 'cloud.callFunction:fail Error: errCode: -504003 | errMsg: Invoking task timed out after 3 seconds' });
  expect((await failure()).code).toBe('TIMEOUT');
});

it('maps any other wx.cloud failure to NETWORK, keeping the platform message as details', async () => {
  cloud.callFunction.mockRejectedValueOnce({ errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' });
  const err = await failure();
  expect(err.code).toBe('NETWORK');
  expect(err.details).toMatchObject({ errMsg: 'cloud.callFunction:fail request:fail' });
});
