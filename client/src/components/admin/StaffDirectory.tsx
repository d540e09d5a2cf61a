/**
 * 人员管理: the staff directory as `admin.listStaff` scopes it for the caller (city admin: all;
 * district liaison: the district; street liaison: the street; secretary / staff: their
 * committee). Managing (新增, 修改, 停用 / 重新启用, 批量导入) is offered only when the server
 * says the caller may grant some role (`grantableRoles`); otherwise the list is read-only. The
 * server decides every change and its refusal is shown where the user acted.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { listStaff, setStaffActive, STAFF_ROLE_LABELS, type StaffView } from '@shared/contracts/admin-staff';
import type { Me } from '../../hooks/useMe';
import { call } from '../../services/cloud';
import { FormError } from '../staff/FormError';
import { PagedList } from '../PagedList';
import { Tabs } from '../staff/Tabs';
import { usePagedList } from '../../hooks/usePagedList';
import { useSubmit } from '../../hooks/useSubmit';
import { ImportPanel } from './ImportPanel';
import { StaffForm } from './StaffForm';

type Mode = { kind: 'list' } | { kind: 'edit'; staff: StaffView | null } | { kind: 'import' };

function regionText(s: StaffView): string {
  if (s.committeeId) return `居委会 ${s.committeeId}`;
  if (s.streetId) return `街镇 ${s.streetId}`;
  if (s.districtId) return `区 ${s.districtId}`;
  return '全市';
}

function StaffRow({ s, canManage, onEdit, onChanged }: { s: StaffView; canManage: boolean; onEdit: () => void; onChanged: () => void }) {
  const toggle = useSubmit((requestId) => call(setStaffActive, { staffId: s.id, active: !s.active }, { requestId }));
  const confirm = async () => {
    const sure = await Taro.showModal({
      title: s.active ? '停用账号' : '重新启用账号',
      content: s.active ? `停用后 ${s.name} 的手机立即不能再以工作人员身份使用，需重新启用并重新登录企业微信。确认停用？` : `重新启用 ${s.name} 的账号？启用后需在企业微信中重新登录。`,
      confirmText: s.active ? '停用' : '启用',
      cancelText: '取消',
    });
    if (sure.confirm && (await toggle.submit())) onChanged();
  };
  return (
    <View className={s.active ? 'item staff-row' : 'item staff-row staff-row--inactive'}>
      <Text className='item__title'>{s.name}</Text>
      <Text className='item__meta'>{s.roles.map((r) => STAFF_ROLE_LABELS[r]).join('、')} · {regionText(s)}</Text>
      <Text className='item__meta'>企业微信账号：{s.userId}</Text>
      <View className='badges'>
        {s.active ? <Text className='badge badge--ok'>在职</Text> : <Text className='badge badge--alert'>已停用</Text>}
        {s.active && !s.bound ? <Text className='badge'>尚未在企业微信登录</Text> : null}
      </View>
      <FormError error={toggle.error} />
      {canManage ? (
        <View className='row'>
          <Button className='btn staff-row__edit' onClick={onEdit}>修改</Button>
          <Button className='btn staff-row__toggle' loading={toggle.busy} disabled={toggle.busy} onClick={() => void confirm()}>{s.active ? '停用' : '重新启用'}</Button>
        </View>
      ) : null}
    </View>
  );
}

export function StaffDirectory({ me }: { me: Me }) {
  const [filter, setFilter] = useState<'active' | 'all'>('active');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [saved, setSaved] = useState<string | null>(null);
  const list = usePagedList((offset) => call(listStaff, { includeInactive: filter === 'all', offset, limit: 20 }), filter);
  const grantable = list.first?.grantableRoles ?? [];
  const canManage = grantable.length > 0;
  const scope = me.roles.includes('city_admin') ? '全市' : me.district?.name ?? me.street?.name ?? me.committee?.name ?? '';

  if (mode.kind === 'edit') {
    return (
      <StaffForm
        staff={mode.staff}
        grantable={grantable}
        me={me}
        onSaved={(s) => { setSaved(`已保存：${s.name}`); setMode({ kind: 'list' }); list.reload(); }}
        onCancel={() => setMode({ kind: 'list' })}
      />
    );
  }
  return (
    <View>
      <View className='card'>
        <Text className='card__label'>人员名单</Text>
        <Text className='card__heading'>{scope}</Text>
        {list.first ? <Text className='card__text'>共 {list.first.total} 人</Text> : null}
        {list.status === 'ready' && !canManage ? <Text className='card__hint'>您可以查看名单。新增、修改、停用人员请联系区联络员或市级管理员。</Text> : null}
      </View>
      {saved ? <View className='notice' role='status'><Text>{saved}</Text></View> : null}
      {canManage ? (
        <View className='menu'>
          <Button className='btn btn--entry' onClick={() => { setSaved(null); setMode({ kind: 'edit', staff: null }); }}>新增人员</Button>
          {mode.kind === 'import' ? null : <Button className='btn btn--entry' onClick={() => setMode({ kind: 'import' })}>批量导入人员</Button>}
        </View>
      ) : null}
      {mode.kind === 'import' && canManage ? <ImportPanel onImported={list.reload} onCancel={() => setMode({ kind: 'list' })} /> : null}
      <Tabs value={filter} options={[['active', '在职人员'], ['all', '全部（含已停用）']]} onChange={setFilter} />
      <PagedList
        list={list}
        variant='staff'
        empty='没有人员。'
        keyOf={(s) => s.id}
        render={(s) => <StaffRow s={s} canManage={canManage} onEdit={() => { setSaved(null); setMode({ kind: 'edit', staff: s }); }} onChanged={list.reload} />}
      />
    </View>
  );
}
