import { createFunction } from '../_kit/runtime';
import { claimHandler, redeemCodeHandler, requestCheckHandler } from './claim';
import { committeesHandler } from './committees';
import { createInviteHandler, joinByInviteHandler, leaveHandler, mineHandler } from './family';
import { continueImportHandler, importRegisterHandler } from './import';
import { issueCodeHandler, listChecksHandler, resolveCheckHandler } from './staff';

export const main = createFunction('household', [
  importRegisterHandler,
  continueImportHandler,
  committeesHandler,
  claimHandler,
  redeemCodeHandler,
  requestCheckHandler,
  mineHandler,
  createInviteHandler,
  joinByInviteHandler,
  leaveHandler,
  issueCodeHandler,
  listChecksHandler,
  resolveCheckHandler,
]);
