/**
 * The QR module matrix for a string, computed with qrcode-generator (pure JS: no canvas, so the
 * same code serves weapp and H5). Kept apart from the component so it can be unit-tested.
 */
import qrcode from 'qrcode-generator';

/** Dark (true) / light modules, row by row; the quiet zone is left to the renderer. */
export function qrMatrix(text: string): boolean[][] {
  // type 0 = smallest version that fits; 'M' survives a scratched or glare-covered screen
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

export interface Run {
  dark: boolean;
  length: number;
}

/** One row as runs of equal modules: one node per run instead of one per module. */
export function rowRuns(row: readonly boolean[]): Run[] {
  const runs: Run[] = [];
  for (const dark of row) {
    const last = runs[runs.length - 1];
    if (last && last.dark === dark) last.length++;
    else runs.push({ dark, length: 1 });
  }
  return runs;
}
