/**
 * 批量导入人员 (admin.importStaff): paste rows copied from a spreadsheet (企业微信账号, 姓名, 角色,
 * 所属区域代码). All or nothing: one bad row and nothing is imported; the server's errors are
 * listed by row number, each under the line the user pasted.
 */
import { useMemo, useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { importRowError, importStaff, MAX_IMPORT_ROWS, type ImportRowError } from '@shared/contracts/admin-staff-import';
import { z } from 'zod';
import type { AppError } from '@shared/errors';
import { call } from '../../services/cloud';
import { FormError } from '../staff/FormError';
import { useSubmit } from '../../hooks/useSubmit';
import { parseImportTable } from './importTable';

const FIELD_LABELS: Record<string, string> = { userId: '企业微信账号', name: '姓名', roles: '角色', regionCode: '所属区域代码', rows: '表格' };

/** `details.errors` of STAFF_IMPORT_INVALID, or nothing when the refusal is of another kind. */
export function importErrors(error: AppError | null): ImportRowError[] {
  if (!error || error.code !== 'STAFF_IMPORT_INVALID') return [];
  const parsed = z.object({ errors: z.array(importRowError) }).safeParse(error.details);
  return parsed.success ? parsed.data.errors : [];
}

export function ImportPanel({ onImported, onCancel }: { onImported: () => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const table = useMemo(() => parseImportTable(text), [text]);
  const send = useSubmit((requestId) => call(importStaff, { rows: table.rows }, { requestId }));
  const rowErrors = importErrors(send.error);
  const submit = async () => {
    setDone(null);
    const r = await send.submit();
    if (!r) return;
    setDone(r.replayed ? '这批人员已经导入过，没有重复写入。' : `已导入 ${r.created} 人。`);
    setText('');
    onImported();
  };
  return (
    <View className='card import'>
      <Text className='card__title'>批量导入人员</Text>
      <Text className='card__text'>从表格复制后粘贴到下面，每行一人，依次为：企业微信账号、姓名、角色、所属区域代码。第一行可以是表头。</Text>
      <Text className='card__hint'>角色写「社工」「书记」「街镇联络员」等，多个角色用「、」分开；区域代码：居委会 12 位、街镇 9 位、区 6 位，市级管理员不填。一次最多 {MAX_IMPORT_ROWS} 人，有一行出错则整批都不导入。</Text>
      <View className='field'>
        <Text className='field__label'>粘贴表格</Text>
        <Textarea id='import-text' className='field__textarea' value={text} maxlength={-1} autoHeight placeholder={'zhangmin\t张敏\t社工\t310107001001'} onInput={(e) => { setText(e.detail.value); setDone(null); send.reset(); }} />
        <Text className='item__meta'>读到 {table.rows.length} 人{table.headerSkipped ? '（已跳过表头）' : ''}</Text>
      </View>
      {rowErrors.length ? (
        <View className='form__error import__errors' role='alert'>
          <Text className='form__error-line'>有 {rowErrors.length} 处错误，整批没有导入。请改正后再导入：</Text>
          {rowErrors.map((r, i) => (
            <Text key={`${r.row}-${r.field}-${i}`} className='form__error-line'>{r.message.startsWith('第') ? r.message : `第 ${r.row} 行：${r.message}`}（{FIELD_LABELS[r.field] ?? r.field}）</Text>
          ))}
        </View>
      ) : (
        <FormError error={send.error} />
      )}
      {done ? <View className='notice' role='status'><Text>{done}</Text></View> : null}
      <Button id='import-submit' className='btn btn--primary' loading={send.busy} disabled={send.busy || !table.rows.length} onClick={() => void submit()}>导入 {table.rows.length} 人</Button>
      <Button className='btn' onClick={onCancel}>收起</Button>
    </View>
  );
}
