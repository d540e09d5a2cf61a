/**
 * The metrics function's system entry points (the daily timer run and its per-district fan-out,
 * runDistrict) answer FORBIDDEN to every mini-program caller, whoever they are: only the timer
 * and the function itself, which carry no WeChat identity, reach them.
 */
import { runDistrict } from '../../shared/contracts/metrics';
import { CHENJIE, DEMO, LIQIANG, NEW_USER, WANGLI, ZHANGMIN, ZHAOYUN, ZHOU } from '../support/demo-identities';
import { useTestCloud } from '../support/local-cloud';

jest.setTimeout(60_000);

const t = useTestCloud();
const CALLERS = { WANGLI, ZHANGMIN, LIQIANG, CHENJIE, ZHAOYUN, ZHOU, NEW_USER };
const TIMER_EVENT = { Type: 'Timer', TriggerName: 'daily' };
const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };

describe.each(Object.entries(CALLERS))('a mini-program call as %s', (_, openid) => {
  it('is refused by runDistrict', async () => {
    expect(await t.call(openid, runDistrict, { districtId: DEMO.district._id })).toMatchObject(forbidden);
  });

  it('is refused by the daily run, even in a timer event’s shape', async () => {
    expect(await t.cloud.callAs({ openid, appid: 'wxtest', source: 'wx_client' }, 'metrics', TIMER_EVENT)).toMatchObject(forbidden);
  });
});

it('computes nothing for any of them', async () => {
  expect((await t.db.collection('metrics_snapshots').count()).total).toBe(0);
});
