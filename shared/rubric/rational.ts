/**
 * Exact rational arithmetic on bigint. Thresholds such as "≥ 90%" are compared as fractions so
 * that 9 of 10 is exactly 90% and never 89.99999…; scores are exact until they are rounded down
 * to the rubric's step.
 */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function q(n: bigint | number, d: bigint | number = 1n): Q {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('denominator is zero');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = q(0);
export const ONE = q(1);
export const HUNDRED = q(100);

export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const neg = (a: Q): Q => q(-a.n, a.d);
/** −1, 0 or 1; cross-multiplication keeps it exact. */
export const cmp = (a: Q, b: Q): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const eq = (a: Q, b: Q): boolean => cmp(a, b) === 0;
export const lt = (a: Q, b: Q): boolean => cmp(a, b) < 0;
export const le = (a: Q, b: Q): boolean => cmp(a, b) <= 0;
export const minQ = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
export const maxQ = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
export const sum = (xs: readonly Q[]): Q => xs.reduce(add, ZERO);

/** Largest integer ≤ a (bigint division truncates toward zero, so negatives need care). */
export function floorInt(a: Q): bigint {
  const t = a.n / a.d;
  return a.n < 0n && t * a.d !== a.n ? t - 1n : t;
}

/** Rounds down to a multiple of step (step > 0): the rubric never awards a fraction it did not earn. */
export function floorTo(a: Q, step: Q): Q {
  return mul(q(floorInt(div(a, step))), step);
}

export function isMultipleOf(a: Q, step: Q): boolean {
  const r = div(a, step);
  return r.d === 1n;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * The exact value of a decimal as written (a JSON number or string): 0.1 is 1/10, not the
 * binary double nearest to it. Numbers go through their shortest round-trip text, which is
 * the text a person typed.
 */
export function fromDecimal(x: number | string): Q {
  const text = typeof x === 'number' ? String(x) : x.trim();
  if (typeof x === 'number' && !Number.isFinite(x)) throw new RangeError(`not a finite number: ${text}`);
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`not a decimal number: ${text}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  let value = q(BigInt((sign === '-' ? '-' : '') + int + frac), 10n ** BigInt(frac.length));
  const e = Number(exp);
  value = e >= 0 ? mul(value, q(10n ** BigInt(e))) : div(value, q(10n ** BigInt(-e)));
  return value;
}

/** Nearest double; exact for the multiples of 0.01 that scores are. */
export function toNumber(a: Q): number {
  return Number(a.n) / Number(a.d);
}

/** Decimal text with at most `digits` decimals (truncated, trailing zeros dropped): for display. */
export function format(a: Q, digits = 4): string {
  const scale = 10n ** BigInt(digits);
  const scaled = floorInt(mul(abs2(a), q(scale)));
  const negative = a.n < 0n && scaled !== 0n;
  const int = scaled / scale;
  let frac = (scaled % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  if (digits === 0) frac = '';
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

function abs2(a: Q): Q {
  return a.n < 0n ? neg(a) : a;
}
