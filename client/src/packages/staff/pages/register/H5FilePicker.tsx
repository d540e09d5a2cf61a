/**
 * H5 builds only (DEV_GATEWAY): Taro has no chooseMessageFile in the browser, so a plain file
 * input picks the register; the blob: URL is what services/storage.ts uploads on H5. Required
 * inside a DEV_GATEWAY branch (index.tsx), so the mini-program never bundles it.
 */
import type { ChangeEvent } from 'react';
import type { PickedFile } from './pick';

export function H5FilePicker({ disabled, onPick }: { disabled: boolean; onPick: (file: PickedFile) => void }) {
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    onPick({ path: URL.createObjectURL(file), name: file.name, size: file.size });
    e.target.value = ''; // picking the same (corrected) file again fires change again
  };
  return <input className='file-input' type='file' accept='.csv,.xlsx' aria-label='选择人口库文件' disabled={disabled} onChange={change} />;
}
