import { Text, View } from '@tarojs/components';
import type { AppError } from '@shared/errors';
import { fieldErrors } from '../../lib/errors';

/** Why a submission failed: every field message for bad input (also shown at the fields), else the server's message. */
export function FormError({ error }: { error: AppError | null }) {
  if (!error) return null;
  const messages = [...new Set(Object.values(fieldErrors(error)))];
  return (
    <View className='form__error' role='alert'>
      {messages.length ? messages.map((m) => <Text key={m} className='form__error-line'>{m}</Text>) : <Text>{error.message}</Text>}
    </View>
  );
}
