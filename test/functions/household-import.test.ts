/**
 * household.importRegister / continueImport through the real path (runner → bundle → SDK →
 * local cloud, the file in local cloud storage), and the import core on buffers where a test
 * needs to steer batch size and time budget.
 */
import { auditEntries } from '../../cloudfunctions/_kit/audit';
import fs from 'node:fs';
import { continueImport, importRegister } from '../../shared/contracts/household-import';
import { idCheckCharacter } from '../../shared/privacy/id-number';
import { COLLECTION_NAMES } from '../../config/database';
import { localApp } from '../../localcloud/sdk';
import { uploadDir, uploadPath } from '../../shared/files';
import { SAMPLE_REGISTER } from '../../localcloud/seed/household';
import { loadPiiKeys } from '../../cloudfunctions/_kit/pii';
import { collection, readAll, type CollectionName, type DocOf } from '../../cloudfunctions/_kit/store';
import { importRegisterBuffer } from '../../cloudfunctions/household/register-import';
import { ok, useTestCloud } from '../support/local-cloud';
import { CHENJIE, DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHAOYUN, ZHOU } from '../support/demo-identities';

const HOME = DEMO.home._id; // 王丽 (secretary), 张敏 (staff)
const OTHER = DEMO.neighbour._id; // 李强 (staff)

const sample = fs.readFileSync(SAMPLE_REGISTER, 'utf8');
const errorsFile = fs.readFileSync(SAMPLE_REGISTER.replace('register-sample.csv', 'register-sample-errors.csv'));

/** The sample with 徐美玲 gone, household …0005 gone, 顾志强's phone changed and a new household …0099. */
function changedSample(): string {
  const body17 = '31010419800101123';
  const newId = body17 + idCheckCharacter(body17);
  // CRLF throughout, as the sample: the CSV reader takes the record delimiter from the first line
  return (
    sample
      .split(/\r?\n/)
      .filter((l) => l && !l.includes('徐美玲') && !l.startsWith('3101040510005,'))
      .map((l) => (l.includes('顾志强') ? l.replace('13600000232', '13600000999') : l))
      .join('\r\n') + `\r\n3101040510099,晨曦路100弄9号,101,林新,${newId},男,1980-01-01,户主,13900001234,人户一致,汉族,群众,第一网格\r\n`
  );
}

jest.setTimeout(30_000);

const t = useTestCloud();

/** Stored where the uploader's client would store it: the path names the uploader and their committee. */
let uploads = 0;
async function upload(name: string, content: Buffer | string, by = WANGLI): Promise<string> {
  const dir = uploadDir({ openid: by, committeeId: by === LIQIANG ? OTHER : HOME })!;
  const res = await localApp(t.cloud).uploadFile({ cloudPath: uploadPath(dir, name, `${Date.now()}${++uploads}`), fileContent: Buffer.from(content) });
  return res.fileID;
}

/** Whether storage still holds the file. */
async function stored(fileID: string): Promise<boolean> {
  const urls = await localApp(t.cloud).getTempFileURL({ fileList: [fileID] });
  return urls.fileList[0]?.code === 'SUCCESS';
}

function all<N extends CollectionName>(name: N, where: object = {}): Promise<DocOf<N>[]> {
  return collection(t.db, name).all((c) => c.where(where).orderBy('_id', 'asc'));
}

async function committeeCounts(committeeId: string) {
  const count = async (c: string, w: object) => (await t.db.collection(c).where(w).count()).total;
  return {
    households: await count('households', { committeeId, inRegister: true }),
    persons: await count('persons', { committeeId, status: 'active' }),
    allPersons: await count('persons', { committeeId }),
  };
}

describe('who may import', () => {
  it('refuses callers without WeChat identity, residents, other committees’ staff and street liaisons', async () => {
    const input = { fileID: 'cloud://x/registers/a.csv', committeeId: HOME };
    expect(await t.call('', importRegister, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call(ZHOU, importRegister, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, importRegister, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(CHENJIE, importRegister, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(WANGLI, importRegister, { fileID: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('lets a district liaison import for a committee of the district (here: the file is missing)', async () => {
    const missing = `cloud://nowhere/${uploadPath(uploadDir({ openid: ZHAOYUN, committeeId: null })!, 'missing.csv', 'x')}`;
    const res = await t.call(ZHAOYUN, importRegister, { fileID: missing, committeeId: OTHER });
    expect(res).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    const none = await t.call(ZHAOYUN, importRegister, { fileID: 'cloud://nowhere/x.csv', committeeId: 'committee-999999999999' });
    expect(none).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a file with errors', () => {
  it('imports nothing and answers row-numbered issues, errors first', async () => {
    const res = ok(await t.call(WANGLI, importRegister, { fileID: await upload('errors.csv', errorsFile), filename: 'errors.csv' }));
    expect(res.accepted).toBe(false);
    expect(res.job).toBeNull();
    expect(res.summary.errors).toBeGreaterThan(0);
    expect(res.issues[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^第 \d+/) });
    const rows = res.issues.filter((i) => i.severity === 'error').map((i) => i.row);
    expect(rows).toEqual([...rows].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(rows).toEqual(expect.arrayContaining([10, 11, 12, 17]));
    for (const c of ['households', 'persons', 'household_import_jobs', 'household_import_chunks']) expect((await t.db.collection(c).count()).total).toBe(0);
    const audit = await auditEntries(t.db, { action: 'household.import.rejected' });
    expect(audit).toHaveLength(1);
  });
});

describe('importing the committee register', () => {
  it('imports a valid file completely in one call, and audits it', async () => {
    const res = ok(await t.call(WANGLI, importRegister, { fileID: await upload('sample.csv', sample), filename: 'register-sample.csv' }));
    expect(res).toMatchObject({ accepted: true, summary: { households: 30, persons: 85, errors: 0 } });
    expect(res.job).toMatchObject({ status: 'done', done: 30, total: 30, persons: 85 });
    expect(res.job!.counts).toEqual({ households: { created: 30, updated: 0, unchanged: 0, removed: 0 }, persons: { created: 85, updated: 0, unchanged: 0, movedOut: 0 } });
    expect(await committeeCounts(HOME)).toEqual({ households: 30, persons: 85, allPersons: 85 });
    expect(await auditEntries(t.db, { action: 'household.import.finished', subjectId: res.job!.jobId })).toHaveLength(1);
    expect((await t.db.collection('household_import_chunks').count()).total).toBe(0);
  });

  it('re-importing the same file changes nothing and duplicates nothing', async () => {
    const res = ok(await t.call(WANGLI, importRegister, { fileID: await upload('sample.csv', sample) }));
    expect(res.job!.counts).toEqual({ households: { created: 0, updated: 0, unchanged: 30, removed: 0 }, persons: { created: 0, updated: 0, unchanged: 85, movedOut: 0 } });
    expect(await committeeCounts(HOME)).toEqual({ households: 30, persons: 85, allPersons: 85 });
  });

  it('updates what changed; members and households no longer listed move out instead of disappearing', async () => {
    const res = ok(await t.call(WANGLI, importRegister, { fileID: await upload('changed.csv', changedSample()) }));
    expect(res.job!.counts).toEqual({
      households: { created: 1, updated: 2, unchanged: 27, removed: 1 },
      persons: { created: 1, updated: 1, unchanged: 79, movedOut: 5 },
    });
    expect(await committeeCounts(HOME)).toEqual({ households: 30, persons: 81, allPersons: 86 });
    const moved = await all('persons', { committeeId: HOME, status: 'moved_out' });
    expect(moved.map((p) => p.name).sort()).toEqual(['姚德明', '姚明', '姚梓涵', '徐美玲', '黄雪梅'].sort());
    expect(moved.every((p) => p.movedOutAt instanceof Date)).toBe(true);
    const gone = await all('households', { committeeId: HOME, inRegister: false });
    expect(gone.map((h) => h.householdId)).toEqual(['3101040510005']);

    // the original file again: the five come back as the same records
    const back = ok(await t.call(WANGLI, importRegister, { fileID: await upload('sample.csv', sample) }));
    expect(back.job!.counts).toEqual({ households: { created: 0, updated: 3, unchanged: 27, removed: 1 }, persons: { created: 0, updated: 6, unchanged: 79, movedOut: 1 } });
    expect(await committeeCounts(HOME)).toEqual({ households: 30, persons: 85, allPersons: 86 });
  });

  it('keeps partial files (split by building) from touching households they do not list', async () => {
    const oneHousehold = sample.split('\r\n').filter((l, i) => i === 0 || l.startsWith('3101040510001,')).join('\r\n');
    const res = ok(await t.call(WANGLI, importRegister, { fileID: await upload('part.csv', oneHousehold), mode: 'partial' }));
    expect(res.job!.counts).toMatchObject({ households: { unchanged: 1, removed: 0 }, persons: { movedOut: 0 } });
    expect((await committeeCounts(HOME)).households).toBe(30);
  });

  it('stores no plain ID number or phone number anywhere in the database', async () => {
    const rows = sample.trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
    const ids = rows.map((r) => r[4]!).filter(Boolean);
    const phones = rows.map((r) => (r[8] ?? '').replace(/\D/g, '')).filter((p) => p.length >= 8);
    expect(ids.length).toBe(85);
    const leaks: string[] = [];
    for (const name of COLLECTION_NAMES) {
      for (const doc of await readAll<object>(t.db.collection(name).orderBy('_id', 'asc'))) {
        const text = JSON.stringify(doc);
        const digits = text.replace(/[-\s]/g, '');
        for (const id of ids) if (text.includes(id) || text.includes(id.slice(0, 17))) leaks.push(`${name}: ID`);
        for (const p of phones) if (digits.includes(p)) leaks.push(`${name}: phone`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe('a large register as a resumable job', () => {
  const deps = () => ({ db: t.db, now: () => new Date(), startedAt: Date.now(), keys: loadPiiKeys(t.functionEnv) });
  const committee = { _id: OTHER, code: '310107005002', name: '曹杨二村居民委员会', kind: 'urban' as const, streetId: 'street-310107005', districtId: 'district-310107' };

  it('applies batches over several continueImport calls to exact final counts; a finished job is a no-op', async () => {
    // batches of 4 households and no time left: the first call only stages the job
    const first = await importRegisterBuffer({ ...deps(), budgetMs: 0, chunkHouseholds: 4 }, Buffer.from(sample), { committee, actorId: DEMO.staffId(LIQIANG), mode: 'full' });
    expect(first.job).toMatchObject({ status: 'running', done: 0, total: 30 });
    const jobId = first.job!.jobId;
    expect((await t.db.collection('household_import_chunks').where({ jobId }).count()).total).toBe(8);

    // staff of another committee may not drive it, nor learn that it exists
    expect(await t.call(WANGLI, continueImport, { jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(LIQIANG, continueImport, { jobId: 'imp_nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    let progress = first.job!;
    const seen: number[] = [];
    for (let i = 0; i < 20 && progress.status !== 'done'; i++) {
      progress = ok(await t.call(LIQIANG, continueImport, { jobId }));
      seen.push(progress.done);
    }
    expect(progress).toMatchObject({ status: 'done', done: 30, total: 30 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(progress.counts).toEqual({ households: { created: 30, updated: 0, unchanged: 0, removed: 0 }, persons: { created: 85, updated: 0, unchanged: 0, movedOut: 0 } });
    expect(await committeeCounts(OTHER)).toEqual({ households: 30, persons: 85, allPersons: 85 });

    const before = (await all('households', { committeeId: OTHER })).map((h) => h.updatedAt.getTime());
    const again = ok(await t.call(LIQIANG, continueImport, { jobId }));
    expect(again).toEqual(progress);
    expect((await all('households', { committeeId: OTHER })).map((h) => h.updatedAt.getTime())).toEqual(before);
    expect((await t.db.collection('household_import_chunks').where({ jobId }).count()).total).toBe(0);
  });

  it('reports the same exact counts when a batch is applied twice (a call that died after writing)', async () => {
    const changed = Buffer.from(changedSample());
    const first = await importRegisterBuffer({ ...deps(), budgetMs: 0, chunkHouseholds: 8 }, changed, { committee, actorId: DEMO.staffId(LIQIANG), mode: 'full' });
    const jobId = first.job!.jobId;
    // simulate a dead call: apply the first batch without moving the cursor, then let the job run
    const { applyBatch } = await import('../../cloudfunctions/household/import-apply');
    const chunk = await collection(t.db, 'household_import_chunks').byId(`${jobId}_0`);
    await applyBatch(t.db, committee, jobId, chunk!.households, new Date());
    let progress = first.job!;
    while (progress.status !== 'done') progress = ok(await t.call(LIQIANG, continueImport, { jobId }));
    expect(progress.counts).toEqual({
      households: { created: 1, updated: 2, unchanged: 27, removed: 1 },
      persons: { created: 1, updated: 1, unchanged: 79, movedOut: 5 },
    });
  });

  it('lets only one call apply a job at a time', async () => {
    const first = await importRegisterBuffer({ ...deps(), budgetMs: 0, chunkHouseholds: 2 }, Buffer.from(sample), { committee, actorId: DEMO.staffId(LIQIANG), mode: 'full' });
    const jobId = first.job!.jobId;
    // the creator's lease is still held: a call now answers the progress without working
    await t.db.collection('household_import_jobs').doc(jobId).update({ leaseUntil: new Date(Date.now() + 60_000) });
    expect(ok(await t.call(LIQIANG, continueImport, { jobId }))).toMatchObject({ status: 'running', done: 0 });
    await t.db.collection('household_import_jobs').doc(jobId).update({ leaseUntil: new Date(0) });
    const results = await Promise.all([t.call(LIQIANG, continueImport, { jobId }), t.call(LIQIANG, continueImport, { jobId })]);
    let progress = ok(results[0]!);
    while (progress.status !== 'done') progress = ok(await t.call(LIQIANG, continueImport, { jobId }));
    // back to the original file: …0005 and 徐美玲 return, 顾志强's phone reverts, …0099 leaves
    expect(progress.counts).toEqual({ households: { created: 0, updated: 3, unchanged: 27, removed: 1 }, persons: { created: 0, updated: 6, unchanged: 79, movedOut: 1 } });
  });

  it('runs one import of a committee at a time; a newer file replaces an abandoned job', async () => {
    const started = await importRegisterBuffer({ ...deps(), budgetMs: 0, chunkHouseholds: 10 }, Buffer.from(sample), { committee, actorId: DEMO.staffId(LIQIANG), mode: 'full' });
    const jobId = started.job!.jobId;
    // someone is working on it right now
    await t.db.collection('household_import_jobs').doc(jobId).update({ leaseUntil: new Date(Date.now() + 60_000) });
    const busy = await t.call(LIQIANG, importRegister, { fileID: await upload('sample.csv', sample, LIQIANG) });
    expect(busy).toMatchObject({ ok: false, error: { code: 'HOUSEHOLD_IMPORT_RUNNING' } });
    // nobody is (the client went away): the new import replaces it
    await t.db.collection('household_import_jobs').doc(jobId).update({ leaseUntil: new Date(0) });
    const replaced = ok(await t.call(LIQIANG, importRegister, { fileID: await upload('sample.csv', sample, LIQIANG) }));
    expect(replaced.job).toMatchObject({ status: 'done', done: 30 });
    expect(ok(await t.call(LIQIANG, continueImport, { jobId }))).toMatchObject({ status: 'cancelled', done: 0 });
    expect(await committeeCounts(OTHER)).toEqual({ households: 30, persons: 85, allPersons: 86 });
  });
});

// last: it runs on the registers the tests above left in both committees
describe('whose file may be imported', () => {
  it('answers NOT_FOUND to another committee’s staff importing a register uploaded in committee A, and writes nothing', async () => {
    const before = { home: await committeeCounts(HOME), other: await committeeCounts(OTHER), jobs: (await t.db.collection('household_import_jobs').count()).total };
    const theirs = await upload('sample.csv', sample); // 王丽's upload, committee A
    const res = await t.call(LIQIANG, importRegister, { fileID: theirs });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect({ home: await committeeCounts(HOME), other: await committeeCounts(OTHER), jobs: (await t.db.collection('household_import_jobs').count()).total }).toEqual(before);
    expect(before.home.households).toBe(30); // committee A's register is there to be copied
    // nor a district liaison, nor any path that names no uploader
    expect(await t.call(ZHAOYUN, importRegister, { fileID: theirs, committeeId: OTHER })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const ownerless = (await localApp(t.cloud).uploadFile({ cloudPath: 'registers/sample.csv', fileContent: Buffer.from(sample) })).fileID;
    expect(await t.call(WANGLI, importRegister, { fileID: ownerless })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await committeeCounts(OTHER)).toEqual(before.other);
    expect(await stored(theirs)).toBe(true); // a refused caller does not get to delete it either
  });

  it('lets staff of the same committee import a colleague’s upload (a committee file)', async () => {
    const res = ok(await t.call(ZHANGMIN, importRegister, { fileID: await upload('sample.csv', sample) }));
    expect(res.accepted).toBe(true);
  });

  it('deletes the register file from storage once its import ends, accepted or refused', async () => {
    const accepted = await upload('sample.csv', sample);
    expect(await stored(accepted)).toBe(true);
    expect(ok(await t.call(WANGLI, importRegister, { fileID: accepted })).accepted).toBe(true);
    expect(await stored(accepted)).toBe(false);
    const refused = await upload('errors.csv', errorsFile);
    expect(ok(await t.call(WANGLI, importRegister, { fileID: refused })).accepted).toBe(false);
    expect(await stored(refused)).toBe(false);
    const unreadable = await upload('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    expect(await t.call(WANGLI, importRegister, { fileID: unreadable, filename: 'old.xls' })).toMatchObject({ ok: false, error: { code: 'REGISTER_FILE_UNSUPPORTED' } });
    expect(await stored(unreadable)).toBe(false);
  });
});
