/** The local stand-in for WeChat's cloudID: five minutes' validity, bound to its user. */
import { OpenDataIssuer, localOpenGroupId } from '../../../localcloud/open-data';

it('decrypts a cloudID for its user within five minutes, and not after', () => {
  let now = 1_000_000;
  const issuer = new OpenDataIssuer(() => now);
  const id = issuer.issue('u1', { opengid: 'G1' });
  const event = { action: 'a', groupEnter: { $localCloudID: id } };
  expect(issuer.decryptEventOpenData(event, 'u1')).toEqual({ action: 'a', groupEnter: { cloudID: id, data: { opengid: 'G1' } } });
  now += 5 * 60_000 - 1;
  expect(issuer.decryptEventOpenData(event, 'u1')).toMatchObject({ groupEnter: { data: { opengid: 'G1' } } });
  now += 1;
  expect(issuer.decryptEventOpenData(event, 'u1')).toEqual({ action: 'a', groupEnter: { cloudID: id } });
});

it('drops a top-level value that only pretends to be decrypted', () => {
  const issuer = new OpenDataIssuer();
  expect(issuer.decryptEventOpenData({ action: 'a', groupEnter: { cloudID: 'x', data: { opengid: 'G' } } }, 'u1')).toEqual({ action: 'a' });
});

it('names a dev group chat with a stable, per-app, opaque id', () => {
  expect(localOpenGroupId('app1', '3号楼居民群')).toBe(localOpenGroupId('app1', '3号楼居民群'));
  expect(localOpenGroupId('app2', '3号楼居民群')).not.toBe(localOpenGroupId('app1', '3号楼居民群'));
  expect(localOpenGroupId('app1', '3号楼居民群')).not.toContain('3号楼');
});
