/**
 * Cloud storage through the genuine SDK: upload, temp URL, download, delete, and the signed
 * URLs refusing what they were not issued for.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { startAdminApi, sdkConfigFor, type AdminApi } from '../../localcloud/admin-api';

let api: AdminApi;
let app: ReturnType<typeof tcb.init>;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqy-storage-'));
  api = await startAdminApi({ dataFile: path.join(dir, 'db.sqlite'), schema: [], envId: 'storage-test' });
  app = tcb.init({ ...sdkConfigFor(api).init, timeout: 10_000 });
});
afterAll(async () => {
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cloud storage', () => {
  const content = Buffer.from('户编号,楼号\nH001,12号\n', 'utf8');

  it('uploads, hands out a temp URL, downloads the same bytes and deletes', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'registers/2026-11/名册.csv', fileContent: content });
    expect(fileID).toBe('cloud://storage-test.local-bucket/registers/2026-11/名册.csv');

    const urls = await app.getTempFileURL({ fileList: [fileID, 'cloud://storage-test.local-bucket/none.csv'] });
    expect(urls.fileList[0]).toMatchObject({ fileID, code: 'SUCCESS' });
    expect(urls.fileList[1]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    const viaUrl = await fetch(urls.fileList[0]!.tempFileURL);
    expect(Buffer.from(await viaUrl.arrayBuffer())).toEqual(content);

    const downloaded = await app.downloadFile({ fileID });
    expect(Buffer.compare(downloaded.fileContent as Buffer, content)).toBe(0);

    const deleted = await app.deleteFile({ fileList: [fileID] });
    expect(deleted.fileList).toEqual([{ fileID, code: 'SUCCESS' }]);
    await expect(app.downloadFile({ fileID })).rejects.toBeDefined();
  });

  it('refuses a tampered or expired URL and a path outside the bucket', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'a/b.txt', fileContent: Buffer.from('x') });
    const url = (await app.getTempFileURL({ fileList: [fileID] })).fileList[0]!.tempFileURL as string;
    expect((await fetch(url.replace('/a/b.txt', '/a/c.txt'))).status).toBe(403);
    expect((await fetch(url.replace(/expires=\d+/, 'expires=1000'))).status).toBe(403);
    expect((await fetch(url.replace(/op=get/, 'op=put'), { method: 'PUT', body: 'evil' })).status).toBe(403);
    await expect(app.uploadFile({ cloudPath: '../escape.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});
