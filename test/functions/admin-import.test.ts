/**
 * admin.importStaff: all or nothing, every bad row named by its line, grants limited like a
 * single create, and a retried import (same requestId) creating nothing twice.
 */
import { auditEntries } from '../../cloudfunctions/_kit/audit';
import { importStaff } from '../../shared/contracts/admin-staff-import';
import { collection } from '../../cloudfunctions/_kit/store';
import { ok, useTestCloud } from '../support/local-cloud';
import { CHENJIE, WANGLI, ZHAOYUN, ZHOU } from '../support/demo-identities';

jest.setTimeout(30_000); // cold starts of the bundles on a shared machine

// 静安区 and a street of it: another district than the importer's
const t = useTestCloud({
  prepare: async (cloud) => {
    await cloud.db.collection('districts').add({ _id: 'district-310106', code: '310106', name: '静安区' });
    await cloud.db.collection('streets').add({ _id: 'street-310106001', code: '310106001', name: '江宁路街道', districtId: 'district-310106' });
  },
});

type Failure = { code: string; message: string; details?: { errors: { row: number; field: string; message: string }[] } };
const failure = (env: { ok: boolean; error?: unknown }) => (env.ok ? null : (env.error as Failure));
const countStaff = async () => (await t.db.collection('staff').count()).total;

describe('admin.importStaff', () => {
  it('imports valid rows with scopes from region codes, audits each, and replays a retry', async () => {
    const rows = [
      { userId: 'imp-a', name: '导入甲', roles: '社工', regionCode: '310107005002' },
      { userId: 'imp-b', name: '导入乙', roles: '社工、书记', regionCode: '310107005002' },
      { userId: 'imp-c', name: '导入丙', roles: 'street_liaison', regionCode: '310107002' },
    ];
    const before = await countStaff();
    expect(ok(await t.call(ZHAOYUN, importStaff, { rows }, 'req-import-1'))).toEqual({ created: 3, replayed: false });
    const docs = await collection(t.db, 'staff').some((c) => c.where({ userId: t.db.command.in(['imp-a', 'imp-b', 'imp-c']) }).orderBy('userId', 'asc'), 10);
    expect(docs.map((d) => [d.userId, d.roles, d.committeeId, d.streetId, d.districtId, d.active, d.openid])).toEqual([
      ['imp-a', ['staff'], 'committee-310107005002', 'street-310107005', 'district-310107', true, null],
      ['imp-b', ['staff', 'secretary'], 'committee-310107005002', 'street-310107005', 'district-310107', true, null],
      ['imp-c', ['street_liaison'], null, 'street-310107002', 'district-310107', true, null],
    ]);
    expect((await auditEntries(t.db, { action: 'staff.import', actorId: 'staff-zhaoyun' })).length).toBe(3);
    expect(ok(await t.call(ZHAOYUN, importStaff, { rows }, 'req-import-1'))).toEqual({ created: 3, replayed: true });
    expect(await countStaff()).toBe(before + 3);
  });

  it('imports nothing when any row is bad, and names every bad row by its line', async () => {
    const rows = [
      { userId: 'ok-1', name: '好人', roles: '社工', regionCode: '310107005001' }, // line 2: fine
      { userId: 'bad-role', name: '某人', roles: '队长', regionCode: '310107005001' }, // 3
      { userId: 'bad-code', name: '某人', roles: '社工', regionCode: '999999999999' }, // 4
      { userId: 'ok-1', name: '重复', roles: '社工', regionCode: '310107005001' }, // 5: same account as line 2
      { userId: 'zhangmin', name: '张敏', roles: '社工', regionCode: '310107005001' }, // 6: already in the directory
      { userId: 'too-high', name: '某人', roles: '区联络员', regionCode: '310107' }, // 7: above the importer
      { userId: 'elsewhere', name: '某人', roles: '街镇联络员', regionCode: '310106001' }, // 8: another district
      { userId: '', name: '', roles: '社工', regionCode: '3101' }, // 9
    ];
    const before = await countStaff();
    const err = failure(await t.call(ZHAOYUN, importStaff, { rows }));
    expect(err?.code).toBe('STAFF_IMPORT_INVALID');
    expect(err?.message).toBe('有 7 行有误，未导入任何人员');
    const byRow = new Map<number, string[]>();
    for (const e of err!.details!.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e.field]);
    expect([...byRow.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(byRow.get(3)).toEqual(['roles']);
    expect(byRow.get(4)).toEqual(['regionCode']);
    expect(byRow.get(5)).toEqual(['userId']);
    expect(byRow.get(6)).toEqual(['userId']);
    expect(byRow.get(7)).toEqual(['roles']);
    expect(byRow.get(8)).toEqual(['regionCode']);
    expect(byRow.get(9)!.sort()).toEqual(['name', 'regionCode', 'userId']);
    for (const e of err!.details!.errors) expect(e.message).toMatch(new RegExp(`^第 ${e.row} 行：[\\u4e00-\\u9fa5]`));
    expect(await countStaff()).toBe(before);
  });

  it('uses the row numbers the client sends', async () => {
    const err = failure(await t.call(ZHAOYUN, importStaff, { rows: [{ rowNumber: 17, userId: 'x', name: '某人', roles: '', regionCode: '' }] }));
    expect(err?.details?.errors.map((e) => e.row)).toEqual([17]);
  });

  it('refuses non-administrators and malformed requests', async () => {
    const rows = [{ userId: 'nope', name: '某人', roles: '社工', regionCode: '310107005001' }];
    expect(failure(await t.call(WANGLI, importStaff, { rows }))?.code).toBe('FORBIDDEN');
    expect(failure(await t.call(CHENJIE, importStaff, { rows }))?.code).toBe('FORBIDDEN');
    expect(failure(await t.call(ZHOU, importStaff, { rows }))?.code).toBe('FORBIDDEN');
    expect(failure(await t.call(ZHAOYUN, importStaff, { rows: [] }))?.code).toBe('INVALID_INPUT');
    expect(failure(await t.call(ZHAOYUN, importStaff, { rows: Array.from({ length: 501 }, () => rows[0]) }))?.code).toBe('INVALID_INPUT');
    expect(failure(await t.call(ZHAOYUN, importStaff, { rows: [{ ...rows[0], phone: '13800000000' }] }))?.code).toBe('INVALID_INPUT');
    expect((await t.db.collection('staff').where({ userId: 'nope' }).count()).total).toBe(0);
  });
});
