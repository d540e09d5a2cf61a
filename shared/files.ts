/** A file name safe as the last segment of a cloud path: keeps CJK, drops separators and control characters. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/\u0000-\u001f<>:"|?*]+/g, '_').replace(/^\.+/, '').slice(-80);
  return cleaned || 'file';
}
