/**
 * exportSnapshot: the liaison's view of a snapshot (same access rules as getSnapshot, which it
 * reuses) written as .xlsx to cloud storage. The path is derived from the snapshot id, so a
 * second export of the same (immutable) snapshot overwrites the identical file instead of piling up.
 */
import { exportSnapshot } from '@shared/contracts/metrics-export';
import { AppError } from '@shared/errors';
import { getRubric } from '@shared/rubric/registry';
import { cloudApp } from '../../_kit/cloud';
import { handle } from '../../_kit/runtime';
import { getSnapshotHandler } from '../read';
import { buildWorkbook, exportFileName } from './workbook';

const URL_MAX_AGE_S = 2 * 60 * 60;

export const exportSnapshotHandler = handle(exportSnapshot, async ({ id }, ctx) => {
  const view = await getSnapshotHandler.run({ id }, ctx);
  // committee staff see their own row only: the acceptance table is not theirs to export
  if (view.viewer !== 'liaison') throw new AppError('FORBIDDEN', '只有联络员可以导出统计表');
  const buffer = Buffer.from(await buildWorkbook(view, getRubric(view.rubric.id)).xlsx.writeBuffer());
  const fileName = exportFileName(view);
  const app = cloudApp();
  const { fileID } = await app.uploadFile({ cloudPath: `metrics-exports/${view.scope.districtId}/${view.id}.xlsx`, fileContent: buffer });
  const urls = await app.getTempFileURL({ fileList: [{ fileID, maxAge: URL_MAX_AGE_S }] });
  const url = urls.fileList.find((f) => f.fileID === fileID && f.code === 'SUCCESS')?.tempFileURL;
  if (!url) throw new AppError('INTERNAL');
  return { fileID, url, fileName };
});
