/** Choosing the register file and reading the import's answers for the page. */
import Taro from '@tarojs/taro';
import type { ImportProgress } from '@shared/contracts/household-import';

export interface PickedFile {
  path: string;
  name: string;
  size: number;
}

export const REGISTER_EXTENSIONS = ['csv', 'xlsx'];

/**
 * weapp / WeCom: a file from a chat (the register is usually sent to oneself from the PC).
 * Resolves null when the user closes the picker.
 */
export function chooseRegisterFile(): Promise<PickedFile | null> {
  // Taro forwards chooseMessageFile to wx as is (it is not in its promisified list), so the
  // callbacks are passed explicitly; a returned promise, where there is one, is only silenced.
  return new Promise((resolve) => {
    const ret: unknown = Taro.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: REGISTER_EXTENSIONS,
      success: (r) => {
        const f = r.tempFiles[0];
        resolve(f ? { path: f.path, name: f.name, size: f.size } : null);
      },
      fail: () => resolve(null), // the user closed the picker
    });
    if (ret instanceof Promise) ret.catch(() => undefined);
  });
}

/** 「.xls」 and other types are refused before uploading, with what to do instead. */
export function fileProblem(name: string): string | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xls') return '不能读取旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再选择';
  if (!REGISTER_EXTENSIONS.includes(ext)) return '请选择 .csv 或 .xlsx 格式的人口库文件';
  return null;
}

/** 0–100, whole numbers; an empty job counts as finished. */
export function percentOf(p: Pick<ImportProgress, 'done' | 'total'>): number {
  if (p.total <= 0) return 100;
  return Math.min(100, Math.floor((p.done / p.total) * 100));
}

/** 「第 12 行：…」 as the server words it; a message without its row gets one. */
export function issueLine(issue: { row: number | null; message: string }): string {
  if (issue.row === null || issue.message.startsWith('第')) return issue.message;
  return `第 ${issue.row} 行：${issue.message}`;
}
