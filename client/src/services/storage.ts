/**
 * Cloud storage for the client: upload a local file (photo, drawn signature, register file) and
 * get temporary URLs to show stored ones. Mini-program builds use wx.cloud; H5 builds the dev
 * gateway, chosen at build time like the function transport.
 */
import { AppError } from '@shared/errors';

export interface StorageBackend {
  upload(filePath: string, fileName: string): Promise<string>;
  tempUrls(fileIDs: string[]): Promise<Record<string, string>>;
}

/* eslint-disable @typescript-eslint/no-require-imports */
function backend(): StorageBackend {
  return DEV_GATEWAY
    ? (require('../dev/gateway-storage') as typeof import('../dev/gateway-storage')).gatewayStorage
    : (require('./wxcloud-storage') as typeof import('./wxcloud-storage')).wxCloudStorage;
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Uploads and returns the `cloud://` fileID that actions take as evidence or attachments. */
export async function uploadFile(filePath: string, fileName: string): Promise<string> {
  if (!filePath) throw new AppError('INVALID_INPUT', '请先选择文件');
  return backend().upload(filePath, fileName);
}

/** fileID → temporary URL (files that no longer exist are left out). */
export async function tempFileUrls(fileIDs: string[]): Promise<Record<string, string>> {
  if (fileIDs.length === 0) return {};
  const out: Record<string, string> = {};
  for (let i = 0; i < fileIDs.length; i += 50) Object.assign(out, await backend().tempUrls(fileIDs.slice(i, i + 50)));
  return out;
}
