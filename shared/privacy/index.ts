/** Personal-data primitives shared by the mini-program and the cloud functions (no I/O, no node built-ins). */
export * from './id-number';
export * from './phone';
export * from './mask';

/**
 * How many trailing characters of the ID number a resident types to claim a household. Six
 * (two birth-day digits, the 3-digit sequence and the check character) rather than four: four
 * leave about a thousand possibilities per person, six about thirty thousand, which together
 * with rate limiting makes guessing a neighbour's household impractical; "身份证后六位" is also
 * what residents are used to being asked for.
 */
export const ID_CLAIM_SUFFIX_LENGTH = 6;

/** The canonical claim suffix (the last six characters, uppercase X), or null when the input is not six valid characters. */
export function normalizeIdSuffix(raw: string): string | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return new RegExp(`^\\d{${ID_CLAIM_SUFFIX_LENGTH - 1}}[\\dX]$`).test(s) ? s : null;
}
