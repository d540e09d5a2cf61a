/**
 * 党建详情 of a post staff corrected, in the BUILT mini-program (`npm run build:weapp`, or
 * WEAPP_DIST for a build elsewhere): everyone sees 修改过 with the time; a resident who signed up
 * is told, in one plain line in the alert style, that the time or place changed and when; one who
 * did not sign up is not.
 */
import { requireBuild, waitForText } from './harness';
import { loadPage } from './resident-load';

type Event = { action: string; payload: Record<string, unknown>; requestId: string };

const changedAt = '2026-11-23T06:05:00.000Z';
const post = {
  id: 'pp-7', kind: 'activity', title: '社区党员冬季义诊', publishedAt: '2026-11-20T02:30:00.000Z', likeCount: 4,
  capacity: 30, signupCount: 12, startsAt: '2026-12-05T02:00:00.000Z', place: '社区党群服务站', signupDeadline: '2026-12-03T10:00:00.000Z',
  likedByMe: false, signedUpByMe: true, withdrawn: false, body: '请带好医保卡。', endsAt: '2026-12-05T03:30:00.000Z', authorName: '张敏', signupOpen: false,
  editedAt: changedAt, scheduleChangedAt: changedAt,
};

async function open(data: Record<string, unknown>) {
  const calls: Event[] = [];
  const page = await loadPage('pages/party/detail', { id: 'pp-7' }, (name, raw) => {
    const e = raw as Event;
    calls.push(e);
    if (name === 'content' && e.action === 'party.get') return { ok: true, data };
    return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } };
  });
  await waitForText(page.root, '社区党员冬季义诊');
  // the alert style (dark text, red border, the page's large size); the simulator prefixes classes with the component's name
  return { page, calls, alerts: () => [...page.root.querySelectorAll('.main--ralert.main--ralert--error')].map((n) => n.textContent ?? '') };
}

describe('党建详情 after a correction (built dist)', () => {
  beforeAll(() => requireBuild());

  it('tells a resident who signed up that the time or place changed, and when', async () => {
    const { page, calls, alerts } = await open(post);
    const text = page.root.textContent ?? '';
    expect(text).toContain('2026年11月23日 14:05 修改过');
    expect(alerts()).toEqual(['活动时间或地点已于 11月23日 14:05 更改，请留意']);
    // the line stands in the post's card, above the new time and place
    expect(text.indexOf('活动时间或地点已于')).toBeLessThan(text.indexOf('社区党群服务站'));
    expect(text).toContain('您已报名。');
    expect(calls.map((e) => [e.action, e.payload])).toEqual([['party.get', { id: 'pp-7' }]]);
  });

  it('says only 修改过 to a resident who did not sign up', async () => {
    const { page, alerts } = await open({ ...post, signedUpByMe: false, signupOpen: true });
    expect(page.root.textContent).toContain('2026年11月23日 14:05 修改过');
    expect(page.root.textContent).not.toContain('活动时间或地点已于');
    expect(alerts()).toEqual([]);
  });

  it('says nothing of a change for a post never corrected', async () => {
    const { page } = await open({ ...post, editedAt: null, scheduleChangedAt: null });
    expect(page.root.textContent).not.toContain('修改过');
    expect(page.root.textContent).not.toContain('活动时间或地点已于');
  });

  it('does not speak of the time or place when only the text was corrected', async () => {
    const { page } = await open({ ...post, scheduleChangedAt: null });
    expect(page.root.textContent).toContain('修改过');
    expect(page.root.textContent).not.toContain('活动时间或地点已于');
  });
});
