import { createFunction } from '../_kit/runtime';
import { removeRecordHandler, updateRecordHandler } from './edit';
import { assignIssueHandler, closeIssueHandler, getIssueHandler, handleIssueHandler, listIssuesHandler, reopenIssueHandler, reportIssueHandler, returnIssueHandler } from './orders';
import { getRecordHandler, listRecordsHandler } from './read';
import { confirmReceptionHandler, createReceptionHandler, previewReceptionHandler, renewReceptionTokenHandler, signReceptionHandler } from './receptions';
import { createActivityHandler, createMeetingHandler, createVisitHandler } from './records';
import { committeeStatsHandler, monthSummaryHandler } from './summary';

export const main = createFunction('worklog', [
  createVisitHandler,
  createReceptionHandler,
  renewReceptionTokenHandler,
  signReceptionHandler,
  previewReceptionHandler,
  confirmReceptionHandler,
  createMeetingHandler,
  createActivityHandler,
  updateRecordHandler,
  removeRecordHandler,
  getRecordHandler,
  listRecordsHandler,
  monthSummaryHandler,
  committeeStatsHandler,
  reportIssueHandler,
  assignIssueHandler,
  handleIssueHandler,
  returnIssueHandler,
  closeIssueHandler,
  reopenIssueHandler,
  getIssueHandler,
  listIssuesHandler,
]);
