import { createFunction } from '../_kit/runtime';
import { handOverHandler, rateHandler, replyHandler, retryNotifyHandler } from './answer';
import { askHandler } from './ask';
import { satisfiedCountsHandler } from './counts';
import { getQuestionHandler, myQuestionsHandler, staffInboxHandler } from './lists';

export const main = createFunction('inbox', [
  askHandler,
  myQuestionsHandler,
  getQuestionHandler,
  staffInboxHandler,
  replyHandler,
  handOverHandler,
  rateHandler,
  retryNotifyHandler,
  satisfiedCountsHandler,
]);
