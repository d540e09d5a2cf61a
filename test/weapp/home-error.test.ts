/**
 * The home page's failure path in the built mini-program: the server's Chinese message, a retry
 * that works, and a transport failure that becomes the NETWORK message.
 */
import { ERROR_MESSAGES } from '@shared/errors';
import { loadBuiltPage, requireBuild, waitForText } from './harness';

describe('weapp home page errors (built dist)', () => {
  it('shows the error message, and 重试 asks again and renders the answer', async () => {
    requireBuild();
    const replies: unknown[] = [
      { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } },
      { ok: true, data: { signedIn: true, displayName: null, roles: [], committee: null, street: null, district: null } },
    ];
    const page = await loadBuiltPage('pages/home/index', () => replies.shift());
    await waitForText(page.root, '服务暂时不可用，请稍后再试');

    const retry = page.sim.querySelector('.btn--primary');
    expect(retry?.dom.textContent).toBe('重试');
    retry!.dispatchEvent('tap');

    // committee null: the sign-up prompt instead of a committee name.
    await waitForText(page.root, '您还没有完成家庭登记');
    expect(page.cloud.callFunction).toHaveBeenCalledTimes(2);
    expect(page.root.textContent).not.toContain(ERROR_MESSAGES.INTERNAL);
  });
});
