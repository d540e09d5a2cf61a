/**
 * Issue 17, finding 4: what a stored person keeps must not narrow their ID number down. An attacker
 * holding a `persons` document (a leaked backup, a console export) knows the person lives in
 * Shanghai; from the stored fields we count the ID numbers still consistent with them: every
 * Shanghai county code, every birth date the fields allow, every sequence the mask and gender
 * allow, and the check character.
 */
import fs from 'node:fs';
import path from 'node:path';
import { idCheckCharacter } from '@shared/privacy';
import { validateRegister } from '@shared/register';
import type { ProtectedMember } from '@shared/register/protected';
import { protectRegister, loadPiiKeys } from '../../../cloudfunctions/_kit/pii';
import { readRegisterFile } from '../../../cloudfunctions/_kit/register-file';

const TODAY = '2026-10-01';
const keys = loadPiiKeys({ PII_HASH_KEY: 'a1'.repeat(32), PII_ENC_KEY: '5c'.repeat(32) });

/** 310101–310151 (including abolished ones such as 310103 卢湾) and 310230 (崇明县). */
const SHANGHAI_COUNTIES = [...Array.from({ length: 51 }, (_, i) => String(310101 + i)), '310230'];

/** Enough that the stored fields are no stepping stone to the number. */
const ENOUGH = 10_000;

function* dates(from: string, to: string): Generator<string> {
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  for (; d <= end; d.setUTCDate(d.getUTCDate() + 1)) yield d.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * ID numbers consistent with a stored person, counted up to `cap`. Reads whatever identifying
 * fields the document holds (old or new shape): idMasked, gender, birthDate, birthYear.
 */
function consistentIdNumbers(stored: Record<string, unknown>, cap = Number.POSITIVE_INFINITY): number {
  const mask = typeof stored.idMasked === 'string' && stored.idMasked.length === 18 ? stored.idMasked : '*'.repeat(18);
  const fits = (pos: number, ch: string) => mask[pos] === '*' || mask[pos] === ch;
  const birth = typeof stored.birthDate === 'string' ? stored.birthDate : null;
  const year = typeof stored.birthYear === 'number' ? String(stored.birthYear) : null;
  const [from, to] = birth ? [birth, birth] : year ? [`${year}-01-01`, `${year}-12-31`] : ['1900-01-01', TODAY];
  const seqs = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0')).filter(
    (s) => [...s].every((ch, i) => fits(14 + i, ch)) && (stored.gender == null || (Number(s[2]) % 2 === 1 ? '男' : '女') === stored.gender),
  );
  const regions = SHANGHAI_COUNTIES.filter((r) => [...r].every((ch, i) => fits(i, ch)));
  let n = 0;
  for (const date of dates(from, to)) {
    if (![...date].every((ch, i) => fits(6 + i, ch))) continue;
    for (const region of regions) {
      for (const seq of seqs) {
        if (fits(17, idCheckCharacter(region + date + seq)) && ++n >= cap) return n;
      }
    }
  }
  return n;
}

describe('a stored person does not reveal the ID number', () => {
  const file = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'samples', 'register-sample.csv'));
  let stored: ProtectedMember[] = [];
  beforeAll(async () => {
    const table = await readRegisterFile(file, { filename: 'register-sample.csv' });
    const v = validateRegister(table, { today: TODAY });
    // the count is over Shanghai's codes, so it is about persons whose number a Shanghai office issued
    const shanghai = new Set(v.households.flatMap((h) => h.members).filter((p) => p.idNumber?.startsWith('31')).map((p) => p.row));
    stored = protectRegister(v, keys).households.flatMap((h) => h.members).filter((m) => shanghai.has(m.sourceRow));
  });

  test('the counter itself: a full number leaves exactly one candidate', () => {
    const id = '310104199003071235';
    const full = { idMasked: id.slice(0, 17) + idCheckCharacter(id.slice(0, 17)) };
    expect(consistentIdNumbers(full)).toBe(1);
  });

  test(`every Shanghai-born demo person leaves at least ${ENOUGH.toLocaleString('en')} consistent numbers`, () => {
    expect(stored.length).toBe(74);
    const fewest = Math.min(...stored.map((m) => consistentIdNumbers(m as unknown as Record<string, unknown>, ENOUGH)));
    expect(fewest).toBeGreaterThanOrEqual(ENOUGH);
  });

  test('nothing else in a stored person encodes the birth date or the region', () => {
    for (const m of stored) {
      const json = JSON.stringify(m);
      expect(json).not.toMatch(/\b(19|20)\d{2}-\d{2}-\d{2}\b/);
      expect(m.idMasked === null || /^\*{14}[\dX]{4}$/.test(m.idMasked)).toBe(true);
    }
  });
});
