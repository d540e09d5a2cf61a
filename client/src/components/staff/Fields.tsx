/**
 * Form fields for the staff forms: a visible label above every input (no placeholder-only
 * labels), the contract's Chinese message under the field it concerns.
 */
import type { ReactNode } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';

function Field({ label, error, optional, children }: { label: string; error?: string; optional?: boolean; children: ReactNode }) {
  return (
    <View className={error ? 'field field--invalid' : 'field'}>
      <Text className='field__label'>{label}{optional ? <Text className='field__optional'>（可不填）</Text> : null}</Text>
      {children}
      {error ? <View role='alert'><Text className='field__error'>{error}</Text></View> : null}
    </View>
  );
}

interface TextProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  optional?: boolean;
  maxlength?: number;
  placeholder?: string;
}

export function TextField({ label, value, onChange, error, optional, maxlength = 100, placeholder }: TextProps) {
  return (
    <Field label={label} error={error} optional={optional}>
      <Input className='field__input' value={value} maxlength={maxlength} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />
    </Field>
  );
}

export function NumberField({ label, value, onChange, error }: Omit<TextProps, 'maxlength'>) {
  return (
    <Field label={label} error={error}>
      <Input className='field__input' type='number' value={value} maxlength={6} onInput={(e) => onChange(e.detail.value)} />
    </Field>
  );
}

export function TextArea({ label, value, onChange, error, optional, maxlength = 500, placeholder }: TextProps) {
  return (
    <Field label={label} error={error} optional={optional}>
      <Textarea className='field__textarea' value={value} maxlength={maxlength} placeholder={placeholder} autoHeight onInput={(e) => onChange(e.detail.value)} />
      <Text className='field__count'>{value.length}/{maxlength}</Text>
    </Field>
  );
}

export function DateTimeField({ label, date, time, onDate, onTime, error }: { label: string; date: string; time: string; onDate: (v: string) => void; onTime: (v: string) => void; error?: string }) {
  return (
    <Field label={label} error={error}>
      <View className='field__pair'>
        <Picker mode='date' value={date} onChange={(e) => onDate(String(e.detail.value))}>
          <View className='field__picker'>{date}</View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))}>
          <View className='field__picker'>{time}</View>
        </Picker>
      </View>
    </Field>
  );
}

export function DateField({ label, date, onDate, error }: { label: string; date: string; onDate: (v: string) => void; error?: string }) {
  return (
    <Field label={label} error={error}>
      <Picker mode='date' value={date} onChange={(e) => onDate(String(e.detail.value))}>
        <View className='field__picker'>{date}</View>
      </Picker>
    </Field>
  );
}

/** A few options as large buttons; the chosen one is filled. */
export function Choice<V extends string>({ label, value, options, onChange, error }: { label: string; value: V; options: readonly (readonly [V, string])[]; onChange: (v: V) => void; error?: string }) {
  return (
    <Field label={label} error={error}>
      <View className='choice'>
        {options.map(([v, text]) => (
          <Button key={v} className={v === value ? 'choice__item choice__item--on' : 'choice__item'} aria-pressed={v === value} onClick={() => onChange(v)}>
            {text}
          </Button>
        ))}
      </View>
    </Field>
  );
}
