/**
 * Cloud storage reads for functions (uploaded registers, evidence). Files are referenced by the
 * `cloud://` fileID the client got from `wx.cloud.uploadFile`; locally the local cloud serves the
 * same SDK calls.
 */
import { AppError } from '@shared/errors';
import { cloudApp } from './cloud';

export const MAX_READ_BYTES = 50 * 1024 * 1024;

export async function readCloudFile(fileID: string, maxBytes = MAX_READ_BYTES): Promise<Buffer> {
  let content: Buffer;
  try {
    const res = await cloudApp().downloadFile({ fileID });
    content = res.fileContent as Buffer;
  } catch {
    throw new AppError('FILE_NOT_FOUND', '文件不存在或已过期，请重新上传');
  }
  if (!content || content.length === 0) throw new AppError('FILE_EMPTY', '文件是空的，请检查后重新上传');
  if (content.length > maxBytes) throw new AppError('FILE_TOO_LARGE', `文件过大（上限 ${Math.round(maxBytes / 1024 / 1024)} MB）`);
  return content;
}
