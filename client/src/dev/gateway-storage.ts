/** H5 only (DEV_GATEWAY): storage through the local gateway, which stores uploads where the mini-program would (uploadPath). */
import { AppError } from '@shared/errors';
import type { StorageBackend } from '../services/storage';

export const gatewayStorage: StorageBackend = {
  async upload(filePath, fileName) {
    // on H5, chooseImage / canvasToTempFilePath give blob: or data: URLs
    const blob = await (await fetch(filePath)).blob();
    const res = await fetch(`/api/storage/upload?name=${encodeURIComponent(fileName)}`, { method: 'POST', credentials: 'same-origin', body: blob });
    const body = (await res.json().catch(() => null)) as { fileID?: string; errMsg?: string } | null;
    if (res.status === 401) throw new AppError('UNAUTHENTICATED');
    if (!res.ok || !body?.fileID) throw new AppError('NETWORK', '上传失败，请检查网络后重试', { status: res.status, errMsg: body?.errMsg });
    return body.fileID;
  },
  async tempUrls(fileIDs) {
    const res = await fetch('/api/storage/temp-urls', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fileList: fileIDs }) });
    if (!res.ok) throw new AppError('NETWORK');
    const body = (await res.json()) as { fileList: { fileID: string; code: string; tempFileURL?: string }[] };
    const out: Record<string, string> = {};
    for (const f of body.fileList) if (f.code === 'SUCCESS' && f.tempFileURL) out[f.fileID] = f.tempFileURL;
    return out;
  },
};
