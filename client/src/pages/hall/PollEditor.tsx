/**
 * The optional poll of a new topic: a question, one or several choices, 2 to 10 options. The
 * contract checks the rest (empty or repeated options) before anything is sent.
 */
import { Button, Input, Switch, Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { pollInput } from '@shared/contracts/content-topics';
import { Tabs } from '../../components/resident/Tabs';

export type PollDraft = z.input<typeof pollInput>;
export const EMPTY_POLL: PollDraft = { question: '', mode: 'single', options: ['', ''] };
const MAX_OPTIONS = 10;
const MODES = [{ key: 'single', label: '只能选一项' }, { key: 'multiple', label: '可以选多项' }] as const;

interface Props {
  value: PollDraft | null;
  onChange: (poll: PollDraft | null) => void;
}

export function PollEditor({ value, onChange }: Props) {
  const setOption = (i: number, text: string) => value && onChange({ ...value, options: value.options.map((o, j) => (j === i ? text : o)) });
  return (
    <View className='rform'>
      <View className='row'>
        <Text className='row__label'>同时发起投票</Text>
        <Switch checked={value !== null} color='#B3261E' onChange={(e) => onChange(e.detail.value ? EMPTY_POLL : null)} />
      </View>
      {value ? (
        <>
          <Text className='rform__label'>投票问题</Text>
          <Input className='rform__input' value={value.question} maxlength={120} placeholder='例如：扶手装在哪一侧？' onInput={(e) => onChange({ ...value, question: e.detail.value })} />
          <Tabs options={MODES} value={value.mode} onChange={(mode) => onChange({ ...value, mode })} />
          {value.options.map((o, i) => (
            <View key={i} className='rform'>
              <Text className='rform__label'>选项 {i + 1}</Text>
              <Input className='rform__input' value={o} maxlength={60} onInput={(e) => setOption(i, e.detail.value)} />
              {value.options.length > 2 ? (
                <Button className='btn' onClick={() => onChange({ ...value, options: value.options.filter((_, j) => j !== i) })}>删除选项 {i + 1}</Button>
              ) : null}
            </View>
          ))}
          {value.options.length < MAX_OPTIONS ? (
            <Button className='btn' onClick={() => onChange({ ...value, options: [...value.options, ''] })}>添加选项</Button>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
