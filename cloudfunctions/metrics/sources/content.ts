/**
 * Reads of the resident-platform columns (content function: 党建园地 `party_posts` /
 * `party_signups`, 议事厅 `topics` / `topic_outcomes`, 社区公告 `notices` / `notice_reads`, and
 * `content_comments`; shapes in shared/domain/content.ts). A column is used in the window when
 * anything of it happened in the window: published, signed up, proposed, commented, decided, read.
 */
import type { Window } from '@shared/time';
import type { Database } from '../../_kit/cloud';
import type { CollectionName } from '../../_kit/store';
import { countsOf, groupByCommittee, type Counts } from './query';

export interface ColumnCounts {
  partyUse: number;
  topicUse: number;
  outcomes: number;
  noticeUse: number;
  noticeInteractions: number;
}

export async function columnCounts(db: Database, committeeIds: string[], w: Window, now: Date): Promise<Map<string, ColumnCounts>> {
  const _ = db.command;
  const $ = _.aggregate;
  const inWindow = _.gte(w.start).and(_.lt(w.end));
  const committees = _.in(committeeIds);
  const count = async (name: CollectionName, match: object): Promise<Counts> =>
    countsOf(await groupByCommittee<{ _id: string; n: number }>(db, name, { committeeId: committees, ...match }, { _id: '$committeeId', n: $.sum(1) }, committeeIds.length));
  // a scheduled notice is not published until its time: never count one from the future
  const published = _.gte(w.start).and(_.lt(new Date(Math.min(w.end.getTime(), now.getTime()))));
  const [posts, signups, topics, outcomes, notices, reads, comments] = await Promise.all([
    // a post staff took down counts for nothing, so publishing and withdrawing cannot pad the column
    count('party_posts', { publishedAt: inWindow, withdrawnAt: _.eq(null) }),
    count('party_signups', { at: inWindow }),
    // a proposal the committee declined is not deliberation
    count('topics', { createdAt: inWindow, stage: _.neq('declined') }),
    count('topic_outcomes', { decidedAt: inWindow }),
    count('notices', { publishAt: published }),
    count('notice_reads', { at: inWindow }),
    groupByCommittee<{ _id: { c: string; t: string }; n: number }>(
      db,
      'content_comments',
      { committeeId: committees, createdAt: inWindow, status: 'visible' },
      { _id: { c: '$committeeId', t: '$targetType' }, n: $.sum(1) },
      committeeIds.length * 2,
    ),
  ]);
  const commentsOn = (t: string): Counts => new Map(comments.filter((r) => r._id.t === t).map((r) => [r._id.c, r.n]));
  const topicComments = commentsOn('topic');
  const noticeComments = commentsOn('notice');
  const n = (m: Counts, id: string) => m.get(id) ?? 0;
  return new Map(
    committeeIds.map((id) => [
      id,
      {
        partyUse: n(posts, id) + n(signups, id),
        topicUse: n(topics, id) + n(topicComments, id),
        outcomes: n(outcomes, id),
        noticeUse: n(notices, id),
        noticeInteractions: n(reads, id) + n(noticeComments, id),
      },
    ]),
  );
}
