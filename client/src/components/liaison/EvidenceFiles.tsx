/**
 * Evidence for an assessor entry: photos (both platforms) or files from a WeCom chat (the
 * mini-program only), each uploaded at once with services/storage so the entry carries fileIDs.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { isAppError } from '@shared/errors';
import { uploadFile } from '../../services/storage';

export interface Evidence { fileID: string; name: string }

const MAX_FILES = 20;

function baseName(path: string, fallback: string): string {
  const last = path.split(/[\\/]/).pop() ?? '';
  return /\.\w{1,8}$/.test(last) && !path.startsWith('blob:') ? last : fallback;
}

export function EvidenceFiles({ files, onChange, required }: { files: Evidence[]; onChange: (f: Evidence[]) => void; required: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (picked: { path: string; name: string }[]) => {
    setBusy(true);
    setError(null);
    const added: Evidence[] = [];
    try {
      for (const p of picked.slice(0, MAX_FILES - files.length)) added.push({ fileID: await uploadFile(p.path, p.name), name: p.name });
    } catch (e) {
      setError(isAppError(e) ? e.message : '上传没有成功，请重试');
    } finally {
      onChange([...files, ...added]);
      setBusy(false);
    }
  };

  const photos = async () => {
    const r = await Taro.chooseImage({ count: Math.min(9, MAX_FILES - files.length), sizeType: ['compressed'] }).catch(() => null);
    if (r) await upload(r.tempFilePaths.map((path, n) => ({ path, name: baseName(path, `证据照片${files.length + n + 1}.jpg`) })));
  };
  const chatFiles = async () => {
    const r = await Taro.chooseMessageFile({ count: Math.min(9, MAX_FILES - files.length), type: 'all' }).catch(() => null);
    if (r) await upload(r.tempFiles.map((f) => ({ path: f.path, name: f.name })));
  };

  return (
    <View className='field'>
      <Text className='field__label'>证据材料{required ? '（必须上传）' : <Text className='field__optional'>（可不传）</Text>}</Text>
      <View className='files'>
        {files.map((f, n) => (
          <View key={f.fileID} className='files__item'>
            <Text>{f.name}</Text>
            <Button className='btn' onClick={() => onChange(files.filter((_, k) => k !== n))}>删除</Button>
          </View>
        ))}
      </View>
      {files.length >= MAX_FILES ? <Text className='field__count'>最多 {MAX_FILES} 份</Text> : (
        <View>
          <Button className='btn' loading={busy} disabled={busy} onClick={photos}>拍照或选择图片</Button>
          {DEV_GATEWAY ? null : <Button className='btn' loading={busy} disabled={busy} onClick={chatFiles}>从聊天中选择文件</Button>}
        </View>
      )}
      {error ? <View role='alert'><Text className='field__error'>{error}</Text></View> : null}
    </View>
  );
}
