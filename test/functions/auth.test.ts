/**
 * auth.me through the real path: runner → built bundle → genuine SDK → local cloud → SQLite.
 */
import { me } from '../../shared/contracts/auth';
import { ok, useTestCloud } from '../support/local-cloud';
import { CHENJIE, DEMO, WANGLI, ZHOU } from '../support/demo-identities';

const t = useTestCloud();

describe('auth.me', () => {
  it('names the resident’s committee, street and district', async () => {
    const res = ok(await t.call(ZHOU, me, {}));
    expect(res).toEqual({
      signedIn: true,
      displayName: '周阿姨',
      staffId: null,
      roles: [],
      // a resident's uploads are theirs alone; staff's name their committee too (shared/files.ts)
      uploadDir: `uploads/${ZHOU}`,
      committee: { id: 'committee-310107005001', name: '曹杨一村居民委员会' },
      street: { id: 'street-310107005', name: '曹杨新村街道' },
      district: { id: 'district-310107', name: '普陀区' },
    });
  });

  it('reads a secretary’s roles from the staff directory', async () => {
    const res = ok(await t.call(WANGLI, me, {}));
    expect(res.roles.sort()).toEqual(['secretary', 'staff']);
    expect(res.committee?.name).toBe(DEMO.home.name);
    // her staff record, so pages can mark her own shifts and tasks
    expect(res.staffId).toBe(DEMO.staffId(WANGLI));
    expect(res.uploadDir).toBe(`committees/${DEMO.home._id}/${WANGLI}`);
  });

  it('gives a liaison a street but no committee', async () => {
    const res = ok(await t.call(CHENJIE, me, {}));
    expect(res).toMatchObject({ roles: ['street_liaison'], committee: null, street: { name: '曹杨新村街道' }, district: { name: '普陀区' } });
  });

  it('knows nothing of a first-time WeChat user', async () => {
    expect(ok(await t.call('someone-new', me, {}))).toEqual({ signedIn: false, displayName: null, staffId: null, roles: [], uploadDir: 'uploads/someone-new', committee: null, street: null, district: null });
  });

  it('ignores what the client claims about itself', async () => {
    const res = await t.call('someone-new', me, { roles: ['city_admin'] });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const sneaky = await t.cloud.callAs({ openid: 'someone-new', source: 'wx_client' }, 'auth', { action: 'me', payload: {}, userInfo: { openId: WANGLI } });
    expect(sneaky).toMatchObject({ ok: true, data: { roles: [] } });
  });

  it('answers stable codes with Chinese messages for malformed events', async () => {
    const unknown = await t.cloud.callAs({ openid: 'x', source: 'wx_client' }, 'auth', { action: 'fly' });
    expect(unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } });
    const garbage = await t.cloud.callAs({ openid: 'x', source: 'wx_client' }, 'auth', 'not an object');
    expect(garbage).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
  });
});
