/**
 * The QR matrix the staff device draws (components/qrMatrix.ts): the module count
 * qrcode-generator chose, the three finder patterns, and runs that add back up to each row.
 */
import qrcode from 'qrcode-generator';
import { qrMatrix, rowRuns } from '../../client/src/components/qrMatrix';
import { receptionQrContent, tokenFromParams } from '../../client/src/pages/reception/link';

const TOKEN = 'Zk3q9X_vL2-pR7wQmN4tY8sB1cD6eF0g'; // 32 base64url chars, as createReception issues

/** A 7×7 finder pattern at (top, left): dark ring, light ring, dark 3×3 centre. */
function finderAt(m: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      if (m[top + r]![left + c] !== (ring !== 2)) return false;
    }
  }
  return true;
}

describe('qrMatrix', () => {
  const text = receptionQrContent(TOKEN);
  const m = qrMatrix(text);

  it('is the square matrix qrcode-generator makes for the reception URL (small: version ≤ 6)', () => {
    const ref = qrcode(0, 'M');
    ref.addData(text, 'Byte');
    ref.make();
    const n = ref.getModuleCount();
    expect(m).toHaveLength(n);
    for (const row of m) expect(row).toHaveLength(n);
    expect(n).toBeLessThanOrEqual(41);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) expect(m[r]![c]).toBe(ref.isDark(r, c));
  });

  it('has finder patterns at three corners and none at the fourth', () => {
    const n = m.length;
    expect(finderAt(m, 0, 0)).toBe(true);
    expect(finderAt(m, 0, n - 7)).toBe(true);
    expect(finderAt(m, n - 7, 0)).toBe(true);
    expect(finderAt(m, n - 7, n - 7)).toBe(false);
  });

  it('is deterministic and depends on the token', () => {
    expect(qrMatrix(text)).toEqual(m);
    expect(qrMatrix(receptionQrContent(TOKEN.replace('Z', 'Y')))).not.toEqual(m);
  });

  it('draws each row as alternating runs that cover it exactly', () => {
    for (const row of m) {
      const runs = rowRuns(row);
      expect(runs.reduce((s, r) => s + r.length, 0)).toBe(row.length);
      runs.forEach((r, i) => { if (i > 0) expect(r.dark).not.toBe(runs[i - 1]!.dark); });
      expect(runs.flatMap((r) => Array<boolean>(r.length).fill(r.dark))).toEqual(row);
    }
  });
});

describe('reception QR content', () => {
  it('is the documented URL carrying the token', () => {
    expect(receptionQrContent(TOKEN)).toBe(`https://shequyun.local/r/reception?token=${TOKEN}`);
  });
});

describe('tokenFromParams (what the resident page reads)', () => {
  const url = receptionQrContent(TOKEN);
  it('takes `token` itself, or the token inside `q` whether WeChat passed it encoded or not', () => {
    expect(tokenFromParams({ token: TOKEN })).toBe(TOKEN);
    expect(tokenFromParams({ q: encodeURIComponent(url), scancode_time: '1763865000' })).toBe(TOKEN);
    expect(tokenFromParams({ q: url })).toBe(TOKEN);
  });
  it('finds nothing without a token', () => {
    expect(tokenFromParams({})).toBeUndefined();
    expect(tokenFromParams({ q: encodeURIComponent('https://shequyun.local/r/reception') })).toBeUndefined();
    expect(tokenFromParams({ q: encodeURIComponent('https://shequyun.local/r/reception?tokenx=1') })).toBeUndefined();
  });
});
