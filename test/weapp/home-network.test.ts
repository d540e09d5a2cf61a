/** A wx.cloud transport failure (after the one automatic retry) shows the NETWORK message. */
import { ERROR_MESSAGES } from '@shared/errors';
import { loadBuiltPage, requireBuild, waitForText } from './harness';

it('turns a failing wx.cloud.callFunction into the network message, retried once with the same requestId', async () => {
  requireBuild();
  const page = await loadBuiltPage('pages/home/index', () => {
    throw Object.assign(new Error('cloud.callFunction:fail'), { errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' });
  });
  await waitForText(page.root, ERROR_MESSAGES.NETWORK);
  const calls = page.cloud.callFunction.mock.calls as unknown as [{ data: { requestId: string } }][];
  expect(calls).toHaveLength(2);
  expect(calls[1]![0].data.requestId).toBe(calls[0]![0].data.requestId);
});
