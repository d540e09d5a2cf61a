import { cmp, floorTo, format, fromDecimal, q, toNumber } from '../../../shared/rubric/rational';

describe('exact rationals', () => {
  test.each([
    ['0.1', 1n, 10n],
    ['92.5', 185n, 2n],
    ['-0.45', -9n, 20n],
    ['1e-2', 1n, 100n],
    ['2.5E1', 25n, 1n],
  ])('fromDecimal(%s) is %s/%s', (text, n, d) => {
    expect(fromDecimal(text)).toEqual({ n, d });
  });

  test('0.1 + 0.2 compares equal to 0.3, unlike doubles', () => {
    const a = fromDecimal(0.1);
    const b = fromDecimal(0.2);
    expect(cmp(q(a.n * b.d + b.n * a.d, a.d * b.d), fromDecimal(0.3))).toBe(0);
  });

  test('floorTo rounds down, also below zero', () => {
    expect(toNumber(floorTo(fromDecimal('0.99'), fromDecimal('0.1')))).toBe(0.9);
    expect(toNumber(floorTo(fromDecimal('-0.05'), fromDecimal('0.1')))).toBe(-0.1);
    expect(toNumber(floorTo(q(89, 1), q(1)))).toBe(89);
  });

  test('format truncates and drops trailing zeros', () => {
    expect(format(q(2, 3), 2)).toBe('0.66');
    expect(format(fromDecimal('-1.50'), 2)).toBe('-1.5');
  });

  test('rejects text that is not a decimal', () => {
    expect(() => fromDecimal('1/3')).toThrow();
    expect(() => fromDecimal(Number.NaN)).toThrow();
  });
});
