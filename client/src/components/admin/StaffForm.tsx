/**
 * 新增 / 修改人员: WeCom account (create only), name, roles, and the one region the roles need
 * (`regionId`: a committee for 社工 / 书记, a street for 街镇联络员, a district for 区联络员,
 * none for 市级管理员). Only the roles the server says the caller may grant are offered; the
 * server still decides and its refusal is shown.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { createStaff, roleLevel, STAFF_ROLE_LABELS, STAFF_ROLES, updateStaff, type StaffRole, type StaffView } from '@shared/contracts/admin-staff';
import { findCommittees } from '@shared/contracts/household';
import type { OutputOf } from '@shared/contract';
import type { Me } from '../../hooks/useMe';
import { call } from '../../services/cloud';
import { TextField } from '../staff/Fields';
import { FormError } from '../staff/FormError';
import { useSubmit } from '../../hooks/useSubmit';

const LEVEL_HINT = {
  committee: '所属居委会',
  street: '所属街镇',
  district: '所属区',
} as const;

type Committee = OutputOf<typeof findCommittees>['committees'][number];

function regionOf(s: StaffView | null, level: keyof typeof LEVEL_HINT, me: Me): string {
  if (s) {
    const v = level === 'committee' ? s.committeeId : level === 'street' ? s.streetId : s.districtId;
    if (v) return v;
  }
  if (level === 'district') return me.district?.id ?? '';
  if (level === 'street') return me.street?.id ?? '';
  return me.committee?.id ?? '';
}

function CommitteeFinder({ onPick }: { onPick: (c: Committee) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Committee[] | null>(null);
  const search = useSubmit(() => call(findCommittees, { q }));
  return (
    <View className='staff-form__finder'>
      <Input className='field__input' value={q} maxlength={20} placeholder='输入居委会名称中的几个字查找' onInput={(e) => setQ(e.detail.value)} />
      <FormError error={search.error} />
      <Button className='btn' loading={search.busy} disabled={search.busy} onClick={async () => { const r = await search.submit(); if (r) setFound(r.committees); }}>查找居委会</Button>
      {found && !found.length ? <Text className='card__text'>没有找到，请换几个字再试。</Text> : null}
      {(found ?? []).map((c) => (
        <Button key={c.id} className='btn btn--entry' onClick={() => { onPick(c); setFound(null); }}>{c.name}{c.street ? `（${c.street}）` : ''}</Button>
      ))}
    </View>
  );
}

export function StaffForm({ staff, grantable, me, onSaved, onCancel }: { staff: StaffView | null; grantable: readonly StaffRole[]; me: Me; onSaved: (s: StaffView) => void; onCancel: () => void }) {
  const [userId, setUserId] = useState(staff?.userId ?? '');
  const [name, setName] = useState(staff?.name ?? '');
  const [roles, setRoles] = useState<StaffRole[]>(staff?.roles ?? []);
  const level = roles.length ? roleLevel(roles) : null;
  const [regionByLevel, setRegionByLevel] = useState<Record<string, string>>({});
  const [regionName, setRegionName] = useState<string | null>(null);
  const regionKey = level && level !== 'city' ? level : null;
  const regionId = regionKey ? regionByLevel[regionKey] ?? regionOf(staff, regionKey, me) : '';
  const setRegion = (v: string) => { if (regionKey) setRegionByLevel((r) => ({ ...r, [regionKey]: v })); setRegionName(null); };

  const save = useSubmit((requestId) => {
    const fields = { name, roles, regionId: level === 'city' ? null : regionId.trim() };
    return staff ? call(updateStaff, { staffId: staff.id, ...fields }, { requestId }) : call(createStaff, { userId, ...fields }, { requestId });
  });
  const e = save.errors;
  const toggle = (r: StaffRole) => setRoles((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));
  const offered = STAFF_ROLES.filter((r) => grantable.includes(r) || roles.includes(r));

  return (
    <View className='card staff-form'>
      <Text className='card__title'>{staff ? `修改 ${staff.name}` : '新增人员'}</Text>
      {staff ? (
        <Text className='card__text'>企业微信账号：{staff.userId}</Text>
      ) : (
        <TextField label='企业微信账号（成员账号）' value={userId} maxlength={64} onChange={setUserId} error={e.userId} />
      )}
      <TextField label='姓名' value={name} maxlength={32} onChange={setName} error={e.name} />
      <View className={e.roles ? 'field field--invalid' : 'field'}>
        <Text className='field__label'>角色（可多选，须属于同一层级）</Text>
        <View className='choice'>
          {offered.map((r) => (
            <Button key={r} className={roles.includes(r) ? 'choice__item choice__item--on' : 'choice__item'} aria-pressed={roles.includes(r)} disabled={!grantable.includes(r)} onClick={() => toggle(r)}>
              {STAFF_ROLE_LABELS[r]}
            </Button>
          ))}
        </View>
        {roles.length && !level ? <View role='alert'><Text className='field__error'>所选角色不在同一层级（例如社工和区联络员不能同时担任），请调整。</Text></View> : null}
        {e.roles ? <View role='alert'><Text className='field__error'>{e.roles}</Text></View> : null}
      </View>
      {regionKey ? (
        <View className={e.regionId ? 'field field--invalid' : 'field'}>
          <Text className='field__label'>{LEVEL_HINT[regionKey]}（编号）</Text>
          <Input className='field__input' value={regionId} maxlength={64} placeholder={`${LEVEL_HINT[regionKey]}的编号`} onInput={(ev) => setRegion(ev.detail.value)} />
          {regionName ? <Text className='item__meta'>已选：{regionName}</Text> : null}
          {regionKey === 'committee' ? <CommitteeFinder onPick={(c) => { setRegion(c.id); setRegionName(c.name); }} /> : null}
          {e.regionId ? <View role='alert'><Text className='field__error'>{e.regionId}</Text></View> : null}
        </View>
      ) : null}
      {level === 'city' ? <Text className='card__hint'>市级管理员不属于某个区域。</Text> : null}
      <FormError error={save.error} />
      <Button className='btn btn--primary staff-form__save' loading={save.busy} disabled={save.busy || (roles.length > 0 && !level)} onClick={async () => { const r = await save.submit(); if (r) onSaved(r.staff); }}>保存</Button>
      <Button className='btn' onClick={onCancel}>取消</Button>
    </View>
  );
}
