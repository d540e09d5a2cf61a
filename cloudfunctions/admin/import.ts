/**
 * admin.importStaff: all or nothing. Every row is checked (fields, roles the importer may grant,
 * region codes, duplicates in the file and in the directory) before anything is written; the
 * error names every bad row by its line in the file. The rows then go in with one transaction.
 */
import { ADMIN_CODES, parseRoleList, roleLevel, staffName, STAFF_ROLE_LABELS, wecomUserId, type RoleLevel, type StaffRole } from '@shared/contracts/admin-staff';
import { importStaff, type ImportRowError } from '@shared/contracts/admin-staff-import';
import type { StaffDoc } from '@shared/domain/people';
import { AppError } from '@shared/errors';
import type { Database } from '../_kit/cloud';
import { recordId } from '../_kit/idempotent';
import { handle } from '../_kit/runtime';
import { writeAudit, type TxLike } from './audit';
import { existingUserIds } from './manage';
import { grantableRoles, requireAdministrator } from './policy';
import type { StaffScope } from './scope';

const CODE_SHAPE: Record<Exclude<RoleLevel, 'city'>, { pattern: RegExp; collection: string; label: string }> = {
  committee: { pattern: /^\d{12}$/, collection: 'committees', label: '居村委代码（12 位）' },
  street: { pattern: /^\d{9}$/, collection: 'streets', label: '街镇代码（9 位）' },
  district: { pattern: /^\d{6}$/, collection: 'districts', label: '区代码（6 位）' },
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

/** Region docs by code for each level the rows use. */
async function regionsByCode(db: Database, rows: ParsedRow[]) {
  const _ = db.command;
  const out = new Map<string, { _id: string; streetId?: string; districtId?: string; level: RoleLevel }>();
  for (const level of ['committee', 'street', 'district'] as const) {
    const codes = [...new Set(rows.filter((r) => r.level === level).map((r) => r.regionCode))];
    if (!codes.length) continue;
    const res = await db.collection(CODE_SHAPE[level].collection).where({ code: _.in(codes) }).limit(1000).get();
    for (const d of res.data as { _id: string; code: string; streetId?: string; districtId?: string }[]) out.set(`${level}:${d.code}`, { ...d, level });
  }
  return out;
}

function scopeOf(region: { _id: string; streetId?: string; districtId?: string; level: RoleLevel }): StaffScope {
  if (region.level === 'committee') return { committeeId: region._id, streetId: region.streetId ?? null, districtId: region.districtId ?? null };
  if (region.level === 'street') return { committeeId: null, streetId: region._id, districtId: region.districtId ?? null };
  return { committeeId: null, streetId: null, districtId: region._id };
}

export const importStaffHandler = handle(importStaff, async (input, ctx) => {
  const actor = requireAdministrator(await ctx.principal());
  const ids = input.rows.map((_, i) => recordId(ctx, `staff-import-${i}`));
  if (ctx.requestId) {
    const first = await ctx.db.collection('staff').doc(ids[0]!).get();
    if ((first.data as unknown[]).length) return { created: input.rows.length, replayed: true };
  }

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
  const regions = await regionsByCode(ctx.db, parsed);
  const docs: StaffDoc[] = [];
  for (const r of parsed) {
    const fail = (field: string, message: string) => errors.push({ row: r.row, field, message: `第 ${r.row} 行：${message}` });
    if (taken.has(r.userId)) fail('userId', '该企业微信账号已在人员名单中');
    let scope: StaffScope = { committeeId: null, streetId: null, districtId: null };
    if (r.level !== 'city') {
      const region = regions.get(`${r.level}:${r.regionCode}`);
      if (!region) {
        fail('regionCode', `找不到代码为 ${r.regionCode} 的${CODE_SHAPE[r.level].label.replace(/代码.*$/, '')}`);
        continue;
      }
      scope = scopeOf(region);
      if (!actor.roles.includes('city_admin') && scope.districtId !== actor.districtId) fail('regionCode', '只能导入本区的人员');
    }
    docs.push({ _id: ids[r.index]!, corpId: actor.corpId, userId: r.userId, openid: null, name: r.name, roles: r.roles, ...scope, active: true });
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw new AppError(ADMIN_CODES.importInvalid, `有 ${new Set(errors.map((e) => e.row)).size} 行有误，未导入任何人员`, { errors });
  }

  await ctx.db.runTransaction(async (tx: TxLike) => {
    for (const doc of docs) {
      await tx.collection('staff').add(doc);
      await writeAudit(tx, { at: ctx.now(), actorId: actor._id, action: 'staff.import', subjectId: doc._id, details: { roles: doc.roles, committeeId: doc.committeeId, streetId: doc.streetId, districtId: doc.districtId } });
    }
  });
  return { created: docs.length, replayed: false };
});
