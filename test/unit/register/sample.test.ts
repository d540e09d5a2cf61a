import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorRows, sampleRows, toCsv } from '../../../scripts/make-register-sample';
import { readRegisterFile } from '../../../cloudfunctions/_kit/register-file';
import { validateRegister } from '@shared/register';
import { TODAY } from './fixtures';

const dir = join(__dirname, '..', '..', '..', 'docs', 'samples');
const file = (name: string) => readFileSync(join(dir, name));

describe('docs/samples', () => {
  test('the committed CSVs are what the generator writes (run scripts/make-register-sample.ts after changing it)', () => {
    expect(file('register-sample.csv').toString('utf8')).toBe(toCsv(sampleRows()));
    expect(file('register-sample-errors.csv').toString('utf8')).toBe(toCsv(errorRows()));
  });

  test('the sample imports cleanly from CSV and from xlsx, with the same content', async () => {
    const csv = await readRegisterFile(file('register-sample.csv'));
    const xlsx = await readRegisterFile(file('register-sample.xlsx'));
    expect(xlsx.rows.map((r) => r.cells)).toEqual(csv.rows.map((r) => r.cells));
    const v = validateRegister(csv, { today: TODAY });
    expect(v.ok).toBe(true);
    expect(v.counts.households).toBe(30);
    expect(v.counts.persons).toBeGreaterThanOrEqual(70);
    expect(v.counts.persons).toBeLessThanOrEqual(90);
    // a few deliberate gaps: the committee is not at 100%
    expect(v.counts.completePersons).toBeLessThan(v.counts.persons);
  });

  test('the errors sample reports each deliberate break on its row', async () => {
    const v = validateRegister(await readRegisterFile(file('register-sample-errors.csv')), { today: TODAY });
    expect(v.ok).toBe(false);
    const byRow = v.issues.filter((i) => i.severity !== 'notice').map((i) => `${i.row} ${i.code}`);
    expect(byRow).toEqual([
      '8 ID_INVALID',
      '9 ID_INVALID',
      '10 ID_NUMERIC_CORRUPTED',
      '11 ID_DUPLICATE',
      '12 NAME_MISSING',
      '13 PHONE_INVALID',
      '13 ID_MISSING',
      '14 ID_LEGACY_15',
      '15 GENDER_MISMATCH',
      '16 RESIDENCE_STATUS_INVALID',
      '17 HOUSEHOLD_ID_MISSING',
      '18 HOUSEHOLD_MULTIPLE_HOUSEHOLDERS',
      '18 HOUSEHOLD_PLACE_CONFLICT',
      '21 HOUSEHOLD_NO_HOUSEHOLDER',
    ]);
  });
});
