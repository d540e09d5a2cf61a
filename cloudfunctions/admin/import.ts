/**
 * admin.importStaff: all or nothing. Every row is checked (fields, roles the importer may grant,
 * region codes, duplicates in the file and in the directory) before anything is written; the
 * error names every bad row by its line in the file. The rows then go in with one transaction.
 */
import { ADMIN_CODES, parseRoleList, roleLevel, staffName, STAFF_ROLE_LABELS, wecomUserId, type RoleLevel, type StaffRole } from '@shared/contracts/admin-staff';
import { importStaff, type ImportRowError } from '@shared/contracts/admin-staff-import';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import { writeAudit } from '../_kit/audit';
import type { Database } from '../_kit/cloud';
import { recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { collection, type DocOf } from '../_kit/store';
import { inTransaction } from '../_kit/transaction';
import { existingUserIds } from './manage';
import { administrator, grantableRoles } from './policy';
import { NO_SCOPE, scopeIn, type StaffScope } from './scope';

type RegionLevel = Exclude<RoleLevel, 'city'>;

const CODE_SHAPE: Record<RegionLevel, { pattern: RegExp; label: string }> = {
  committee: { pattern: /^\d{12}$/, label: '居村委代码（12 位）' },
  street: { pattern: /^\d{9}$/, label: '街镇代码（9 位）' },
  district: { pattern: /^\d{6}$/, label: '区代码（6 位）' },
};

interface ParsedRow {
  /** position in the request; the line in the file is `row` */
  index: number;
  row: number;
  userId: string;
  name: string;
  roles: StaffRole[];
  level: RoleLevel;
  regionCode: string;
}

/** Field checks that need no database. */
function parseRow(raw: { userId: string; name: string; roles: string; regionCode: string }, index: number, row: number, allowed: StaffRole[], errors: ImportRowError[]): ParsedRow | null {
  const before = errors.length;
  const fail = (field: string, message: string) => errors.push({ row, field, message: `第 ${row} 行：${message}` });
  const userId = wecomUserId.safeParse(raw.userId);
  if (!userId.success) fail('userId', userId.error.issues[0]?.message ?? '企业微信账号有误');
  const name = staffName.safeParse(raw.name);
  if (!name.success) fail('name', name.error.issues[0]?.message ?? '姓名有误');
  const { roles, unknown } = parseRoleList(raw.roles);
  const level = roleLevel(roles);
  if (unknown.length) fail('roles', `未知角色「${unknown.join('、')}」`);
  else if (!roles.length) fail('roles', '请填写角色');
  else if (!level) fail('roles', '一个账号的角色须属于同一层级');
  const denied = roles.filter((r) => !allowed.includes(r));
  if (denied.length) fail('roles', `无权授予「${denied.map((r) => STAFF_ROLE_LABELS[r]).join('、')}」`);
  const regionCode = raw.regionCode.trim();
  if (level === 'city' && regionCode) fail('regionCode', '市级管理员不填区域代码');
  if (level && level !== 'city' && !CODE_SHAPE[level].pattern.test(regionCode)) fail('regionCode', `请填写${CODE_SHAPE[level].label}`);
  if (errors.length > before || !userId.success || !name.success || !level) return null;
  return { index, row, userId: userId.data, name: name.data, roles, level, regionCode };
}

/** The scope each region code the rows name gives, keyed `level:code` (a code not found is absent). */
async function scopesByCode(db: Database, rows: ParsedRow[]): Promise<Map<string, StaffScope>> {
  const _ = db.command;
  const out = new Map<string, StaffScope>();
  const read = async <N extends 'committees' | 'streets' | 'districts'>(level: RegionLevel, name: N, scope: (region: DocOf<N>) => StaffScope) => {
    const codes = [...new Set(rows.filter((r) => r.level === level).map((r) => r.regionCode))];
    if (!codes.length) return;
    for (const region of await collection(db, name).some((c) => c.where({ code: _.in(codes) }), 1000)) out.set(`${level}:${region.code}`, scope(region));
  };
  await read('committee', 'committees', scopeIn.committee);
  await read('street', 'streets', scopeIn.street);
  await read('district', 'districts', scopeIn.district);
  return out;
}

export const importStaffHandler = handle(importStaff, async (input, ctx) => {
  const actor = await administrator(ctx);
  const ids = input.rows.map((_, i) => recordId(ctx, `staff-import-${i}`));
  if (ctx.requestId && (await collection(ctx.db, 'staff').byId(ids[0]!))) return { created: input.rows.length, replayed: true };

  const allowed = grantableRoles(actor);
  const errors: ImportRowError[] = [];
  const parsed = input.rows.flatMap((raw, i) => parseRow(raw, i, raw.rowNumber ?? i + 2, allowed, errors) ?? []);

  const firstRowOf = new Map<string, number>();
  for (const r of parsed) {
    const seen = firstRowOf.get(r.userId);
    if (seen !== undefined) errors.push({ row: r.row, field: 'userId', message: `第 ${r.row} 行：企业微信账号与第 ${seen} 行重复` });
    else firstRowOf.set(r.userId, r.row);
  }
  const taken = await existingUserIds(ctx.db, actor.corpId, [...firstRowOf.keys()]);
  const scopes = await scopesByCode(ctx.db, parsed);
  const docs: StaffDoc[] = [];
  for (const r of parsed) {
    const fail = (field: string, message: string) => errors.push({ row: r.row, field, message: `第 ${r.row} 行：${message}` });
    if (taken.has(r.userId)) fail('userId', '该企业微信账号已在人员名单中');
    let scope: StaffScope = NO_SCOPE;
    if (r.level !== 'city') {
      const found = scopes.get(`${r.level}:${r.regionCode}`);
      if (!found) {
        fail('regionCode', `找不到代码为 ${r.regionCode} 的${CODE_SHAPE[r.level].label.replace(/代码.*$/, '')}`);
        continue;
      }
      scope = found;
      if (!actor.roles.includes('city_admin') && scope.districtId !== actor.districtId) fail('regionCode', '只能导入本区的人员');
    }
    docs.push({ _id: ids[r.index]!, corpId: actor.corpId, userId: r.userId, openid: null, name: r.name, roles: r.roles, ...scope, active: true });
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError(ADMIN_CODES.importInvalid, `有 ${new Set(errors.map((e) => e.row)).size} 行有误，未导入任何人员`, { errors });
  }

  await inTransaction(ctx.db, async (tx) => {
    for (const doc of docs) {
      await tx.collection('staff').add(doc);
      await writeAudit(tx, { at: ctx.now(), actorId: actor._id, action: 'staff.import', subjectType: 'staff', subjectId: doc._id, details: { roles: doc.roles, committeeId: doc.committeeId, streetId: doc.streetId, districtId: doc.districtId } });
    }
  });
  return { created: docs.length, replayed: false };
});
