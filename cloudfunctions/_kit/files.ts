/**
 * Cloud storage reads for functions (uploaded registers, evidence). Files are referenced by the
 * `cloud://` fileID the client got from `wx.cloud.uploadFile`; locally the local cloud serves the
 * same SDK calls. A function reads with admin rights, so it checks the file's read rule itself
 * (shared/files.ts: the uploader, or staff of the committee the path names) before reading.
 */
import { AppError } from '@shared/errors';
import { cloudPathOfFileId, fileOwnerOf, mayReadUpload } from '@shared/files';
import { committeeStaffOrNull, signedIn } from './access';
import { cloudApp } from './cloud';
import type { ActionContext } from './runtime';

export const MAX_READ_BYTES = 50 * 1024 * 1024;

/** NOT_FOUND unless the caller may read the file: ids never reveal another person's or committee's files. */
export async function assertMayReadFile(ctx: Pick<ActionContext, 'principal'>, fileID: string): Promise<void> {
  const { openid } = await signedIn(ctx);
  const path = cloudPathOfFileId(fileID);
  const owner = path ? fileOwnerOf(path) : null;
  const staff = await committeeStaffOrNull(ctx);
  if (!owner || !mayReadUpload(owner, { openid, staffOf: staff?.committeeId ?? null })) throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新上传');
}

/** The file's bytes; call assertMayReadFile first when the fileID came from a caller. */
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

/** Removes a file that is no longer needed (an imported register); a file already gone is fine. */
export async function deleteCloudFile(fileID: string): Promise<void> {
  await cloudApp().deleteFile({ fileList: [fileID] });
}
