import { createFunction } from '../_kit/runtime';
import { commentHandlers } from './comments';
import { noticeHandlers } from './notices';
import { concludeTopicHandler, declineTopicHandler, followUpTopicHandler, openTopicHandler } from './outcomes';
import { partyHandlers } from './party';
import { voteTopicHandler } from './polls';
import { getTopicHandler, listTopicsHandler, proposeTopicHandler, setTopicPollHandler } from './topics';

export const main = createFunction('content', [
  ...partyHandlers,
  proposeTopicHandler,
  setTopicPollHandler,
  listTopicsHandler,
  getTopicHandler,
  openTopicHandler,
  declineTopicHandler,
  concludeTopicHandler,
  followUpTopicHandler,
  voteTopicHandler,
  ...commentHandlers,
  ...noticeHandlers,
]);
