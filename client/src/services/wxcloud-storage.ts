/** wx.cloud storage for mini-program builds. */
import Taro from '@tarojs/taro';
import { AppError } from '@shared/errors';
import { uploadPath } from '@shared/files';
import { me } from '@shared/contracts/auth';
import { call } from './cloud';
import { initCloud } from './wxcloud';
import type { StorageBackend } from './storage';

/** The caller's upload folder, as the server names it (auth.me), asked once per app session. */
let dir: Promise<string> | null = null;
function uploadDirOnce(): Promise<string> {
  dir ??= call(me, {}).then((m) => {
    if (!m.uploadDir) throw new AppError('UNAUTHENTICATED');
    return m.uploadDir;
  });
  dir.catch(() => { dir = null; });
  return dir;
}

/** no crypto in the mini-program runtime: the time and a random part keep names apart */
const unique = () => Math.random().toString(16).slice(2, 10) + Date.now().toString(16);

export const wxCloudStorage: StorageBackend = {
  async upload(filePath, fileName) {
    initCloud();
    const folder = await uploadDirOnce();
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath: uploadPath(folder, fileName, unique()), filePath });
      return res.fileID;
    } catch (err) {
      throw new AppError('NETWORK', '上传失败，请检查网络后重试', { errMsg: String((err as { errMsg?: unknown })?.errMsg ?? err) });
    }
  },
  async tempUrls(fileIDs) {
    initCloud();
    const res = await Taro.cloud.getTempFileURL({ fileList: fileIDs });
    const out: Record<string, string> = {};
    for (const f of res.fileList) if (f.tempFileURL) out[f.fileID] = f.tempFileURL;
    return out;
  },
};
