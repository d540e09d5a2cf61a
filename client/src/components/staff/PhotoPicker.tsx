/**
 * 现场照片 for a record: chosen from the album or camera, uploaded at once (services/storage.ts),
 * the `cloud://` ids handed to the form. At most 9, as the contract allows.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { AppError, isAppError } from '@shared/errors';
import { uploadFile } from '../../services/storage';

const MAX = 9;

export function PhotoPicker({ fileIds, onChange }: { fileIds: string[]; onChange: (ids: string[]) => void }) {
  const [previews, setPreviews] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const add = async () => {
    setError(null);
    let paths: string[];
    try {
      const r = await Taro.chooseImage({ count: MAX - fileIds.length, sizeType: ['compressed'] });
      paths = r.tempFilePaths;
    } catch {
      return; // the user closed the picker
    }
    setBusy(true);
    try {
      const ids: string[] = [];
      for (const [i, p] of paths.entries()) ids.push(await uploadFile(p, `photo-${Date.now()}-${i}.jpg`));
      onChange([...fileIds, ...ids]);
      setPreviews((v) => [...v, ...paths]);
    } catch (e) {
      setError(isAppError(e) ? e : new AppError('NETWORK'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='field'>
      <Text className='field__label'>现场照片<Text className='field__optional'>（可不加，最多 {MAX} 张）</Text></Text>
      <View className='photos'>
        {previews.map((p) => <Image key={p} className='photos__item' src={p} mode='aspectFill' />)}
      </View>
      {error ? <View className='form__error' role='alert'><Text>{error.message}</Text></View> : null}
      {fileIds.length < MAX ? <Button className='btn' loading={busy} disabled={busy} onClick={() => void add()}>{busy ? '正在上传…' : '添加照片'}</Button> : null}
      {fileIds.length ? <Button className='btn' onClick={() => { onChange([]); setPreviews([]); }}>清除照片</Button> : null}
    </View>
  );
}
