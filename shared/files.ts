import { localMonthOf } from './time';

/** A file name safe as the last segment of a cloud path: keeps CJK, drops separators and control characters. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/\u0000-\u001f<>:"|?*]+/g, '_').replace(/^\.+/, '').slice(-80);
  return cleaned || 'file';
}

/**
 * Where an upload is stored, the same for both builds (wx.cloud.uploadFile in the mini-program,
 * the local gateway behind H5): `uploads/<Shanghai month>/<unique>-<name>`. `unique` keeps two
 * files of one name apart; each transport draws it from what its runtime has.
 */
export function uploadPath(fileName: string, unique: string, at: Date = new Date()): string {
  return `uploads/${localMonthOf(at)}/${unique}-${safeFileName(fileName)}`;
}
