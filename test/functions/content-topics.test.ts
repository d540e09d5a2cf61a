/**
 * content · 议事厅 through the real path: proposals (staff, verified residents), stage moves by
 * staff only, the poll (options frozen when discussion opens, one vote per verified resident
 * even under concurrency), the outcome as its own record and its follow-ups, lists by stage.
 */
import { concludeTopic, declineTopic, followUpTopic, getTopic, listTopics, openTopic, proposeTopic, setTopicPoll, voteTopic } from '../../shared/contracts/content-topics';
import { addComment, listComments } from '../../shared/contracts/content-comments';
import { DEMO, LIQIANG, WANGLI, ZHANGMIN, ZHOU } from '../support/demo-identities';
import { ok } from '../support/local-cloud';
import { HOME, OTHER, allPages, resident, useContentCloud } from './content-fixtures';

const VERIFIED = ['topic-verified-0', 'topic-verified-1', 'topic-verified-2'];
const OUTSIDER = 'topic-verified-other-committee';

jest.setTimeout(60_000);

const verified = { verified: true };
const t = useContentCloud({
  users: [resident(VERIFIED[0]!, HOME, '李建国', verified), resident(VERIFIED[1]!, HOME, '王秀英', verified), resident(VERIFIED[2]!, HOME, '欧阳娜娜', verified), resident(OUTSIDER, OTHER, '赵外', verified)],
  words: '违禁测试词',
});

const poll = { question: '加装电梯费用如何分摊？', mode: 'single', options: ['按楼层分摊', '平均分摊', '暂不加装'] };

async function discussingTopic(withPoll: object | null = poll) {
  const { id } = ok(await t.call(WANGLI, proposeTopic, { title: '3号楼加装电梯', description: '征求全体住户意见。', ...(withPoll ? { poll: withPoll } : {}) }));
  ok(await t.call(ZHANGMIN, openTopic, { id }));
  return id;
}

describe('topic.propose', () => {
  it('lets staff and verified residents propose; a topic starts as proposed', async () => {
    expect(ok(await t.call(WANGLI, proposeTopic, { title: '小区停车管理', description: '讨论夜间停车。' }))).toMatchObject({ stage: 'proposed' });
    const mine = ok(await t.call(VERIFIED[0]!, proposeTopic, { title: '增设快递柜', description: '希望在2号门增设快递柜。' }));
    expect(mine.stage).toBe('proposed');
    expect(ok(await t.call(VERIFIED[0]!, getTopic, { id: mine.id }))).toMatchObject({ proposer: { kind: 'resident', name: '李建国', mine: true } });
    // another resident does not see a proposal before staff open it; staff do
    expect(await t.call(VERIFIED[1]!, getTopic, { id: mine.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok(await t.call(ZHANGMIN, getTopic, { id: mine.id }))).toMatchObject({ proposer: { kind: 'resident', name: '李**', mine: false } });
  });

  it('refuses unverified residents, other committees and callers without identity', async () => {
    const input = { title: '议题', description: '说明' };
    expect(await t.call(ZHOU, proposeTopic, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('家庭注册') } });
    expect(await t.call('someone-new', proposeTopic, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('', proposeTopic, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('rejects bad input and checks a resident’s text', async () => {
    expect(await t.call(WANGLI, proposeTopic, { title: '', description: '说明' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(WANGLI, proposeTopic, { title: '题', description: '说明', poll: { question: '问', mode: 'single', options: ['同一项', '同一项'] } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: [expect.objectContaining({ message: '选项不能重复' })] },
    });
    const rejected = await t.call(VERIFIED[1]!, proposeTopic, { title: '一个议题', description: '这里有违禁测试词' });
    expect(rejected).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.stringMatching(/^内容未通过安全检测/) } });
    expect((await t.db.collection('topics').where({ 'proposer.openid': VERIFIED[1]! }).count()).total).toBe(0);
  });
});

describe('stages', () => {
  it('runs proposed → discussing → concluded (outcome) → followed_up, moved by staff only', async () => {
    const { id } = ok(await t.call(VERIFIED[0]!, proposeTopic, { title: '楼道堆物清理', description: '楼道堆物影响消防通道。' }));
    expect(await t.call(VERIFIED[0]!, openTopic, { id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(LIQIANG, openTopic, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(WANGLI, concludeTopic, { id, outcome: { decision: 'x', actor: 'y', dueDate: '2026-12-01' } })).toMatchObject({ ok: false, error: { code: 'TOPIC_STAGE' } });
    expect(ok(await t.call(WANGLI, openTopic, { id })).stage).toBe('discussing');

    const outcome = { decision: '12月底前清理所有楼道堆物，设置集中堆放点', actor: '物业公司、楼组长', dueDate: '2026-12-31' };
    expect(await t.call(VERIFIED[0]!, concludeTopic, { id, outcome })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(WANGLI, concludeTopic, { id, outcome: { ...outcome, dueDate: '2026-02-30' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok(await t.call(WANGLI, concludeTopic, { id, outcome }, 'conclude-request-01')).stage).toBe('concluded');
    // a retried conclude answers the same; a second, different conclude is refused
    expect(ok(await t.call(WANGLI, concludeTopic, { id, outcome }, 'conclude-request-01')).stage).toBe('concluded');
    expect(await t.call(ZHANGMIN, concludeTopic, { id, outcome: { ...outcome, decision: '另一个结论' } }, 'conclude-request-02')).toMatchObject({ ok: false, error: { code: 'TOPIC_STAGE' } });
    const stored = await t.db.collection('topic_outcomes').doc(id).get();
    expect(stored.data[0]).toMatchObject({ topicId: id, committeeId: HOME, decision: outcome.decision, actor: outcome.actor, decidedByStaffId: DEMO.staffId(WANGLI) });
    expect((stored.data[0] as { dueDate: Date }).dueDate.toISOString()).toBe('2026-12-30T16:00:00.000Z');

    const follow = { text: '已清理1-3号楼', status: 'in_progress', date: '2026-12-10' };
    expect(await t.call(VERIFIED[0]!, followUpTopic, { id, ...follow })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(ZHANGMIN, followUpTopic, { id, ...follow, status: 'maybe' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok(await t.call(ZHANGMIN, followUpTopic, { id, ...follow }, 'follow-request-01'))).toMatchObject({ stage: 'followed_up', followUps: 1 });
    expect(ok(await t.call(ZHANGMIN, followUpTopic, { id, ...follow }, 'follow-request-01'))).toMatchObject({ followUps: 1 });
    ok(await t.call(ZHANGMIN, followUpTopic, { id, text: '全部清理完毕', status: 'done', date: '2026-12-28' }));

    const seen = ok(await t.call(VERIFIED[1]!, getTopic, { id }));
    expect(seen.outcome).toEqual({
      decision: outcome.decision,
      actor: outcome.actor,
      dueDate: '2026-12-31',
      decidedAt: expect.any(String),
      followUps: [
        { text: '已清理1-3号楼', status: 'in_progress', date: '2026-12-10', recordedAt: expect.any(String) },
        { text: '全部清理完毕', status: 'done', date: '2026-12-28', recordedAt: expect.any(String) },
      ],
    });
    expect(seen.stage).toBe('followed_up');
  });

  it('declines a proposal with a reason only the proposer and staff see; it moves no further', async () => {
    const { id } = ok(await t.call(VERIFIED[2]!, proposeTopic, { title: '小区里养鸽子', description: '希望允许在屋顶养鸽子。' }));
    expect(await t.call(VERIFIED[2]!, declineTopic, { id, reason: '不行' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(ZHANGMIN, declineTopic, { id, reason: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const reason = '屋顶属于公共部位，按小区管理规约不能养殖，请理解。';
    // two staff at once: one decline, the same answer for both, the first reason kept
    const both = await Promise.all([t.call(ZHANGMIN, declineTopic, { id, reason }), t.call(WANGLI, declineTopic, { id, reason: '另一个原因' })]);
    for (const r of both) expect(ok(r).stage).toBe('declined');
    const stored = (await t.db.collection('topics').doc(id).get()).data[0] as { declineReason: string };
    expect([reason, '另一个原因']).toContain(stored.declineReason);

    const mine = ok(await t.call(VERIFIED[2]!, getTopic, { id }));
    expect(mine).toMatchObject({ stage: 'declined', declineReason: stored.declineReason });
    expect(ok(await t.call(VERIFIED[2]!, listTopics, { stage: 'declined', limit: 50 })).items.map((x) => x.id)).toContain(id);
    expect(ok(await t.call(VERIFIED[2]!, listTopics, { limit: 50 })).items.map((x) => x.id)).toContain(id);
    // other residents never see it, nor its comments
    expect(await t.call(VERIFIED[1]!, getTopic, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ok(await t.call(VERIFIED[1]!, listTopics, { limit: 50 })).items.map((x) => x.id)).not.toContain(id);
    expect(ok(await t.call(VERIFIED[1]!, listTopics, { stage: 'declined', limit: 50 })).items).toEqual([]);
    expect(await t.call(VERIFIED[1]!, listComments, { target: { type: 'topic', id } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(VERIFIED[2]!, addComment, { target: { type: 'topic', id }, text: '好吧' })).toMatchObject({ ok: false });
    // the end of the road: it cannot be opened afterwards
    expect(await t.call(ZHANGMIN, openTopic, { id })).toMatchObject({ ok: false, error: { code: 'TOPIC_STAGE' } });
    const open = await discussingTopic(null);
    expect(await t.call(ZHANGMIN, declineTopic, { id: open, reason })).toMatchObject({ ok: false, error: { code: 'TOPIC_STAGE' } });
  });

  it('keeps another committee out of reading and moving a topic', async () => {
    const id = await discussingTopic(null);
    expect(await t.call(OUTSIDER, getTopic, { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(LIQIANG, concludeTopic, { id, outcome: { decision: 'x', actor: 'y', dueDate: '2026-12-01' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call(LIQIANG, followUpTopic, { id, text: 'x', status: 'done', date: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('poll', () => {
  it('fixes the options once discussion opens', async () => {
    const { id } = ok(await t.call(WANGLI, proposeTopic, { title: '绿化改造', description: '说明', poll }));
    ok(await t.call(WANGLI, setTopicPoll, { id, poll: null }));
    expect(ok(await t.call(ZHANGMIN, getTopic, { id }))).toMatchObject({ hasPoll: false, poll: null });
    ok(await t.call(WANGLI, setTopicPoll, { id, poll: { question: '选哪种方案？', mode: 'multiple', options: ['A', 'B', 'C'] } }));
    expect(await t.call(VERIFIED[0]!, setTopicPoll, { id, poll: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(WANGLI, setTopicPoll, { id, poll: { question: '问', mode: 'single', options: ['仅一项'] } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    ok(await t.call(WANGLI, openTopic, { id }));
    expect(await t.call(WANGLI, setTopicPoll, { id, poll: null })).toMatchObject({ ok: false, error: { code: 'TOPIC_STAGE' } });
    const seen = ok(await t.call(VERIFIED[0]!, getTopic, { id }));
    expect(seen.poll).toMatchObject({ mode: 'multiple', options: [{ id: 'o1', text: 'A', votes: 0 }, { id: 'o2' }, { id: 'o3' }], voters: 0, myChoices: null, canVote: true });
  });

  it('takes one vote per verified resident, even when the same vote arrives many times at once', async () => {
    const id = await discussingTopic();
    // warm every function instance first, so the votes below really run at the same time
    await Promise.all([...VERIFIED, ...VERIFIED].map((o) => t.call(o, getTopic, { id })));
    const burst = await Promise.all(Array.from({ length: 6 }, () => t.call(VERIFIED[0]!, voteTopic, { id, choices: ['o1'] })));
    for (const r of burst) expect(ok(r).choices).toEqual(['o1']);
    const racing = await Promise.all([t.call(VERIFIED[1]!, voteTopic, { id, choices: ['o2'] }), t.call(VERIFIED[1]!, voteTopic, { id, choices: ['o3'] })]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } });
    // a retry of the accepted vote still answers ok; a different vote is refused
    expect(await t.call(VERIFIED[0]!, voteTopic, { id, choices: ['o2'] })).toMatchObject({ ok: false, error: { code: 'ALREADY_VOTED' } });
    expect((await t.db.collection('topic_votes').where({ topicId: id }).count()).total).toBe(2);
    const seen = ok(await t.call(VERIFIED[0]!, getTopic, { id }));
    expect(seen.poll).toMatchObject({ voters: 2, myChoices: ['o1'], canVote: false });
    expect(seen.poll!.options.reduce((n, o) => n + o.votes, 0)).toBe(2);
    expect(seen.poll!.options[0]!.votes).toBe(1);
  });

  it('checks choices against the poll and its mode', async () => {
    const single = await discussingTopic();
    expect(await t.call(VERIFIED[2]!, voteTopic, { id: single, choices: ['o1', 'o2'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('单选') } });
    expect(await t.call(VERIFIED[2]!, voteTopic, { id: single, choices: ['o9'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call(VERIFIED[2]!, voteTopic, { id: single, choices: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const multi = await discussingTopic({ question: '希望增设哪些设施？', mode: 'multiple', options: ['长椅', '健身器材', '充电桩'] });
    expect(ok(await t.call(VERIFIED[2]!, voteTopic, { id: multi, choices: ['o1', 'o3'] })).choices).toEqual(['o1', 'o3']);
    const seen = ok(await t.call(VERIFIED[2]!, getTopic, { id: multi }));
    expect(seen.poll!.options.map((o) => o.votes)).toEqual([1, 0, 1]);
    const none = await discussingTopic(null);
    expect(await t.call(VERIFIED[2]!, voteTopic, { id: none, choices: ['o1'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('is for verified residents of the committee while discussing', async () => {
    const id = await discussingTopic();
    expect(await t.call(ZHOU, voteTopic, { id, choices: ['o1'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(WANGLI, voteTopic, { id, choices: ['o1'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call(OUTSIDER, voteTopic, { id, choices: ['o1'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('', voteTopic, { id, choices: ['o1'] })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    ok(await t.call(WANGLI, concludeTopic, { id, outcome: { decision: '按楼层分摊', actor: '业委会', dueDate: '2027-03-01' } }));
    expect(await t.call(VERIFIED[2]!, voteTopic, { id, choices: ['o1'] })).toMatchObject({ ok: false, error: { code: 'TOPIC_STAGE' } });
  });
});

describe('topic.list', () => {
  it('lists by stage, fully across pages, and hides others’ proposals from residents', async () => {
    const base = Date.now() - 86_400_000;
    const docs = Array.from({ length: 110 }, (_, i) => ({
      _id: `bulk-topic-${String(i).padStart(3, '0')}`,
      committeeId: HOME,
      title: `议题${i}`,
      description: '.',
      stage: 'concluded',
      proposer: { kind: 'staff', openid: WANGLI, staffId: DEMO.staffId(WANGLI), name: '王丽' },
      poll: null,
      createdAt: new Date(base - i * 60_000),
      updatedAt: new Date(base - i * 60_000),
      openedAt: null,
      concludedAt: null,
    }));
    await t.db.collection('topics').add(docs);
    const { items } = await allPages(async (offset) => ok(await t.call(VERIFIED[1]!, listTopics, { stage: 'concluded', offset, limit: 40 })));
    expect(items.every((x) => x.stage === 'concluded')).toBe(true);
    const ids = items.map((x) => x.id);
    expect(ids.filter((id) => id.startsWith('bulk-topic-'))).toEqual(docs.map((d) => d._id));

    const proposedForStaff = ok(await t.call(ZHANGMIN, listTopics, { stage: 'proposed', limit: 50 })).items;
    const proposedForResident = ok(await t.call(VERIFIED[1]!, listTopics, { stage: 'proposed', limit: 50 })).items;
    expect(proposedForStaff.length).toBeGreaterThan(0);
    expect(proposedForResident).toEqual([]);
    const everything = ok(await t.call(VERIFIED[0]!, listTopics, { limit: 50 })).items;
    expect(everything.filter((x) => x.stage === 'proposed').every((x) => x.proposer.mine)).toBe(true);
    expect(everything.some((x) => x.stage === 'proposed')).toBe(true);
  });

  it('rejects bad input and keeps committees apart', async () => {
    expect(await t.call(ZHANGMIN, listTopics, { stage: 'archived' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok(await t.call(OUTSIDER, listTopics, {})).items).toEqual([]);
    expect(ok(await t.call(LIQIANG, listTopics, {})).items).toEqual([]);
    expect(await t.call('someone-new', listTopics, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
