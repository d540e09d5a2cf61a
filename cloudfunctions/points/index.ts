import { createFunction } from '../_kit/runtime';
import { correctCardHandler } from './correct';
import { listDecisionsHandler, recordDecisionHandler } from './decisions';
import { addEntryHandler, removeEntryHandler } from './entries';
import { yearRankingHandler } from './ranking';
import { getCardHandler, listCardsHandler } from './read';
import { signCardHandler } from './sign';

export const main = createFunction('points', [
  getCardHandler,
  listCardsHandler,
  addEntryHandler,
  removeEntryHandler,
  recordDecisionHandler,
  listDecisionsHandler,
  signCardHandler,
  correctCardHandler,
  yearRankingHandler,
]);
