/**
 * The mini-program transport's mapping of wx.cloud failures. `@tarojs/taro` is replaced at the
 * platform boundary: on weapp Taro.cloud is wx.cloud, which does not exist under Node.
 */
import { AppError } from '@shared/errors';

const cloud = { init: jest.fn(), callFunction: jest.fn() };
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { cloud } }));
(globalThis as { CLOUD_ENV?: string }).CLOUD_ENV = 'shequyun-test';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { wxCloudTransport, initCloud } = require('../../client/src/services/wxcloud') as typeof import('../../client/src/services/wxcloud');

const event = { action: 'me', payload: {}, requestId: '0123456789abcdef' };

async function failure(): Promise<AppError> {
  const err = await wxCloudTransport('auth', event).then(() => null, (e: unknown) => e);
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
  await expect(wxCloudTransport('auth', event)).resolves.toEqual({ ok: true, data: 1 });
  expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'auth', data: event });
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
