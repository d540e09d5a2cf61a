/**
 * The H5 gateway: functions invoked with the dev-signed-in persona's OPENID (never one the
 * browser names), the sign-in cookie, static files confined to the build folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startGateway, type Gateway } from '../../localcloud/gateway';
import { demoPersonas } from '../../localcloud/seed/demo-district';
import { localApp } from '../../localcloud/sdk';
import { CHENJIE, DEMO, WANGLI, ZHANGMIN } from '../support/demo-identities';
import { useTestCloud } from '../support/local-cloud';

let gw: Gateway;
// the demo district, and a gateway over a one-page build with a file beside it that it must not serve
const t = useTestCloud({
  prepare: async (cloud) => {
    const staticDir = path.join(cloud.dir, 'h5');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(cloud.dir, 'secret.txt'), 'outside');
    gw = await startGateway({ cloud: cloud.cloud, staticDir, personas: () => demoPersonas });
  },
});
afterAll(async () => gw?.close());

const me = (cookie?: string, extra: object = {}) =>
  fetch(`${gw.url}/api/functions/auth`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ action: 'me', payload: {}, ...extra }) });

type TempUrls = { fileList: { fileID: string; code: string; tempFileURL?: string; message?: string }[] };
const tempUrls = async (fileList: string[], cookie: string) =>
  (await (await fetch(`${gw.url}/api/storage/temp-urls`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ fileList }) })).json()) as TempUrls;

async function signIn(personaId: string): Promise<string> {
  const res = await fetch(`${gw.url}/__dev/signin`, { method: 'POST', body: new URLSearchParams({ persona: personaId }), redirect: 'manual' });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

it('calls a function anonymously when nobody is signed in', async () => {
  const body = await (await me()).json();
  expect(body).toEqual({ result: { ok: true, data: expect.objectContaining({ signedIn: false, roles: [] }) } });
});

it('presents the signed-in persona as the caller, whatever the browser claims', async () => {
  const cookie = await signIn('staff-wangli');
  const body = await (await me(cookie, { userInfo: { openId: CHENJIE } })).json();
  expect(body.result.data).toMatchObject({ displayName: '王丽', roles: ['secretary', 'staff'] });
  const who = await (await fetch(`${gw.url}/__dev/whoami`, { headers: { cookie } })).json();
  expect(who).toMatchObject({ dev: true, persona: { id: 'staff-wangli' } });
});

it('marks the sign-in page as a development sign-in', async () => {
  const html = await (await fetch(`${gw.url}/__dev/signin`)).text();
  expect(html).toContain('开发环境的模拟登录');
  for (const p of demoPersonas) expect(html).toContain(p.label);
});

it('answers like wx.cloud for a missing function and a malformed body', async () => {
  const missing = await fetch(`${gw.url}/api/functions/nope`, { method: 'POST', body: '{}' });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ errCode: 'FUNCTION_NOT_FOUND' });
  const bad = await fetch(`${gw.url}/api/functions/auth`, { method: 'POST', body: 'not json' });
  expect(bad.status).toBe(400);
});

it('serves the build and nothing outside it', async () => {
  expect(await (await fetch(`${gw.url}/`)).text()).toContain('<title>app</title>');
  const escape = await fetch(`${gw.url}/%2e%2e/secret.txt`);
  expect(await escape.text()).not.toContain('outside');
});

it('fires only timer triggers that cloudbaserc.json declares', async () => {
  const res = await fetch(`${gw.url}/__dev/timers/auth/daily`, { method: 'POST' });
  expect(res.status).toBe(400);
});

it('stores a signed-in caller\'s upload where the mini-program would (uploadPath), readable through the SDK', async () => {
  const content = Buffer.from('签名图片字节');
  const anonymous = await fetch(`${gw.url}/api/storage/upload?name=a.png`, { method: 'POST', body: content });
  expect(anonymous.status).toBe(401);

  const cookie = await signIn('staff-zhangmin');
  const res = await fetch(`${gw.url}/api/storage/upload?name=${encodeURIComponent('../签名.png')}`, { method: 'POST', headers: { cookie }, body: content });
  const { fileID } = (await res.json()) as { fileID: string };
  // one rule for both builds: <owner dir>/<month>/<unique>-<name>, the owner dir naming the
  // committee and the uploader; the path separator is neutralised and the leading dots dropped,
  // so the name cannot climb out of the month's folder
  expect(fileID).toMatch(/^cloud:\/\/[^/]+\/committees\/[\w-]+\/[\w-]+\/\d{4}-\d{2}\/[0-9a-f]{16}-_签名\.png$/);
  expect(fileID).toContain(`/committees/${DEMO.home._id}/${ZHANGMIN}/`);

  const urls = await tempUrls([fileID], cookie);
  expect(urls.fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
  expect(Buffer.from(await (await fetch(urls.fileList[0]!.tempFileURL!)).arrayBuffer())).toEqual(content);

  const viaSdk = await localApp(t.cloud).downloadFile({ fileID });
  expect(Buffer.compare(viaSdk.fileContent as Buffer, content)).toBe(0);
});

it('hands a temp URL for an uploaded register only to its uploader: not without sign-in, not to a resident or another staff member', async () => {
  const cookie = await signIn('staff-wangli');
  const up = await fetch(`${gw.url}/api/storage/upload?name=register.csv`, { method: 'POST', headers: { cookie }, body: Buffer.from('户编号,身份证号\n') });
  const { fileID } = (await up.json()) as { fileID: string };
  expect(fileID).toContain(`/${WANGLI}/`);

  const anonymous = await fetch(`${gw.url}/api/storage/temp-urls`, { method: 'POST', body: JSON.stringify({ fileList: [fileID] }) });
  expect(anonymous.status).toBe(401);
  expect(JSON.stringify(await anonymous.json())).not.toContain('tempFileURL');
  for (const other of ['resident-zhou', 'staff-zhangmin']) {
    const refused = await tempUrls([fileID], await signIn(other));
    expect(refused.fileList).toEqual([{ fileID, code: 'STORAGE_EXCEED_AUTHORITY', message: expect.any(String) }]);
  }
  // a path that names no uploader (a function's own export) is no client's
  const { fileID: ownerless } = await localApp(t.cloud).uploadFile({ cloudPath: 'metrics-exports/x.xlsx', fileContent: Buffer.from('x') });
  expect((await tempUrls([ownerless], cookie)).fileList[0]).toMatchObject({ code: 'STORAGE_EXCEED_AUTHORITY' });
  expect((await tempUrls([fileID], cookie)).fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
});

it('stands in for getGroupEnterInfo: a fresh cloudID per call for the chosen dev group, issued to the signed-in caller', async () => {
  const cookie = await signIn('resident-zhou');
  const groupEnter = (c: string) => fetch(`${gw.url}/__dev/group-enter`, { headers: { cookie: c } }).then((r) => r.json() as Promise<{ cloudID: string | null }>);
  expect(await groupEnter(cookie)).toEqual({ cloudID: null });

  const chose = await fetch(`${gw.url}/__dev/group-enter`, { method: 'POST', headers: { cookie }, body: new URLSearchParams({ group: '3号楼居民群' }), redirect: 'manual' });
  expect(chose.status).toBe(303);
  const both = `${cookie}; ${chose.headers.get('set-cookie')!.split(';')[0]!}`;
  const a = (await groupEnter(both)).cloudID;
  const b = (await groupEnter(both)).cloudID;
  expect(a).toEqual(expect.any(String));
  expect(b).not.toBe(a);
  expect(await (await fetch(`${gw.url}/__dev/signin`, { headers: { cookie: both } })).text()).toContain('从群聊「3号楼居民群」进入');

  // decrypted only for the caller it was issued to, and only in a top-level field
  const who = demoPersonas.find((p) => p.id === 'resident-zhou')!;
  const event = { action: 'me', payload: {}, groupEnter: { $localCloudID: a } };
  expect(t.cloud.openData.decryptEventOpenData(event, who.openid)).toMatchObject({ groupEnter: { cloudID: a, data: { opengid: expect.stringMatching(/^G/) } } });
  expect(t.cloud.openData.decryptEventOpenData(event, 'someone-else')).toEqual({ action: 'me', payload: {}, groupEnter: { cloudID: a } });
  expect(t.cloud.openData.decryptEventOpenData({ payload: { groupEnter: { $localCloudID: a } } }, who.openid)).toEqual({ payload: { groupEnter: { $localCloudID: a } } });
});
