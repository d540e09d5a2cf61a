/**
 * 导出 Excel: the server writes the workbook to cloud storage and answers a temporary URL. The
 * mini-program downloads it and opens it (WeCom lets the liaison forward or save it from there);
 * H5 hands the URL to the browser as a download.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { AppError, isAppError } from '@shared/errors';
import { exportSnapshot } from '@shared/contracts/metrics-export';
import { call } from '../../services/cloud';

async function hand(url: string, fileName: string): Promise<void> {
  if (DEV_GATEWAY) {
    // the storage answers octet-stream: following the link downloads and leaves the page as it is
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const res = await Taro.downloadFile({ url });
  if (res.statusCode !== 200) throw new AppError('NETWORK', '文件下载没有成功，请重试');
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
}

export function ExportButton({ snapshotId }: { snapshotId: string }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = await call(exportSnapshot, { id: snapshotId }, { timeoutMs: 60_000 });
      setDone(out.fileName);
      await hand(out.url, out.fileName);
    } catch (e) {
      setError(isAppError(e) ? e.message : '导出没有成功，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <Button className='btn' loading={busy} disabled={busy} onClick={run}>导出 Excel 表格</Button>
      {done ? <Text className='notice'>已生成：{done}</Text> : null}
      {error ? <View className='form__error' role='alert'><Text>{error}</Text></View> : null}
    </View>
  );
}
