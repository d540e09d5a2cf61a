/**
 * One 议事厅 topic for the committee's staff: what was proposed and by whom, the poll with its
 * counts, and the one next step its stage allows — 开放讨论 (and 设置投票 while still proposed),
 * 形成议事结果, then 添加跟进 — with the residents' comments and their moderation below. The
 * server moves stages only from the stage it expects, so when a colleague was quicker its
 * TOPIC_STAGE message is shown with a way to read the topic again.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { describeIssues, type ActionContract, type InputOf, type OutputOf } from '@shared/contract';
import { concludeTopic, declineTopic, FOLLOW_UP_STATUSES, followUpTopic, getTopic, openTopic, setTopicPoll } from '@shared/contracts/content-topics';
import { AppError } from '@shared/errors';
import { Screen } from '../../../../components/Screen';
import { ErrorView, Loading } from '../../../../components/States';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { Choice, DateField, TextArea, TextField } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { addDays, formatDateTime, localDate } from '../../../../lib/time';
import { Comments } from '../../../../components/resident/Comments';
import { param } from '../../../../lib/routes';
import { useAsync } from '../../../../hooks/useAsync';
import { call } from '../../../../services/cloud';
import { FOLLOW_UP_LABELS, STAGE_LABELS } from '../../../../pages/hall/labels';
import { Outcome } from '../../../../pages/hall/Outcome';
import { EMPTY_POLL, PollEditor, type PollDraft } from '../../../../pages/hall/PollEditor';
import { asAppError } from '../../../../lib/errors';
import './topic.css';

type Topic = OutputOf<typeof getTopic>;
type PollView = NonNullable<Topic['poll']>;
type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** What staff do next at each stage, in one plain sentence. */
const NEXT_STEP: Record<Topic['stage'], string> = {
  proposed: '居民还看不到这个议题（提出的居民本人除外）。需要投票的，请先设置投票，再开放讨论。',
  discussing: '居民正在发表意见、参加投票。讨论充分后，请在下面填写议事结果。',
  concluded: '讨论已结束，议事结果已公布。请在下面记录落实情况。',
  followed_up: '议事结果正在落实，有新进展请继续添加跟进。',
  declined: '这个议题没有列入讨论。提出的居民能看到下面的原因；其他居民看不到这个议题。',
};

const STATUS_OPTIONS = FOLLOW_UP_STATUSES.map((s) => [s, FOLLOW_UP_LABELS[s]] as const);

/**
 * Checks the input exactly as `call` will (so a missing field is shown at once, before any
 * question), asks for confirmation of a step that cannot be undone, then sends it. Resolves
 * null when the user said no: nothing was sent.
 */
async function confirmAndCall<C extends ActionContract>(contract: C, input: InputOf<C>, modal: { title: string; content: string; confirmText: string }, requestId: string): Promise<OutputOf<C> | null> {
  const parsed = contract.input.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', undefined, describeIssues(parsed.error));
  const { confirm } = await Taro.showModal({ ...modal, cancelText: '再看看' });
  if (!confirm) return null;
  return call(contract, input, { requestId });
}

/** The server's refusal; when the stage moved under us, a way to see where it is now. */
function ActionError({ error, onReload }: { error: AppError | null; onReload: () => void }) {
  if (!error) return null;
  return (
    <View>
      <FormError error={error} />
      {error.code === 'TOPIC_STAGE' ? <Button className='btn' onClick={onReload}>查看议题的最新状态</Button> : null}
    </View>
  );
}

function PollCounts({ poll, stage }: { poll: PollView; stage: Topic['stage'] }) {
  return (
    <View>
      <Text className='card__title'>投票：{poll.question}</Text>
      <Text className='card__hint'>
        {poll.mode === 'single' ? '单选' : '可以多选'} · {stage === 'proposed' ? '开放讨论后居民才能投票' : `共 ${poll.voters} 人投票`}
      </Text>
      <View className='topic-poll'>
        {poll.options.map((o) => (
          <View key={o.id} className='row topic-poll__row'>
            <Text className='topic-poll__text'>{o.text}</Text>
            <Text className='topic-poll__votes'>{o.votes} 票</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 设置投票 / 修改投票 while proposed: the residents' poll editor; switching it off removes the poll. */
function PollForm({ topic, onSaved, onReload }: { topic: Topic; onSaved: (message: string) => void; onReload: () => void }) {
  const initial = (): PollDraft | null => (topic.poll ? { question: topic.poll.question, mode: topic.poll.mode, options: topic.poll.options.map((o) => o.text) } : EMPTY_POLL);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PollDraft | null>(initial);
  const save = useSubmit((requestId) => call(setTopicPoll, { id: topic.id, poll: draft }, { requestId }));
  if (!open) {
    return (
      <Button id='topic-poll-open' className='btn btn--entry' onClick={() => { setDraft(initial()); setOpen(true); }}>
        {topic.poll ? '修改投票' : '设置投票'}
      </Button>
    );
  }
  const submit = async () => {
    if (!(await save.submit())) return;
    setOpen(false);
    onSaved(draft ? '投票已保存。' : '投票已取消。');
  };
  return (
    <View className='topic-form'>
      <Text className='card__title'>{topic.poll ? '修改投票' : '设置投票'}</Text>
      <Text className='card__hint'>至少两个选项。开放讨论后选项就不能再改了。</Text>
      <PollEditor value={draft} onChange={(v) => { setDraft(v); save.reset(); }} />
      <ActionError error={save.error} onReload={onReload} />
      <Button id='topic-poll-save' className='btn btn--primary' loading={save.busy} disabled={save.busy || (!draft && !topic.poll)} onClick={() => void submit()}>
        {draft || !topic.poll ? '保存投票' : '取消这个投票'}
      </Button>
      <Button className='btn' onClick={() => { setOpen(false); save.reset(); }}>不改了</Button>
    </View>
  );
}

function OpenStep({ id, onDone, onReload }: { id: string; onDone: (message: string) => void; onReload: () => void }) {
  const open = useSubmit((requestId) =>
    confirmAndCall(openTopic, { id }, { title: '开放讨论', content: '开放后居民就能看到这个议题、发表意见和投票，投票选项不能再修改。确定开放吗？', confirmText: '开放讨论' }, requestId),
  );
  const submit = async () => {
    if (await open.submit()) onDone('已开放讨论，居民现在可以发表意见和投票。');
  };
  return (
    <View className='card'>
      <Text className='card__title'>开放讨论</Text>
      <ActionError error={open.error} onReload={onReload} />
      <Button id='topic-open' className='btn btn--primary' loading={open.busy} disabled={open.busy} onClick={() => void submit()}>开放讨论</Button>
    </View>
  );
}

/** 不予讨论: the reason goes to the proposer; checked by the contract before the confirmation. */
function DeclineForm({ id, onDone, onReload }: { id: string; onDone: (message: string) => void; onReload: () => void }) {
  const [shown, setShown] = useState(false);
  const [reason, setReason] = useState('');
  const save = useSubmit((requestId) =>
    confirmAndCall(declineTopic, { id, reason }, { title: '不予讨论', content: '这个议题将不列入讨论，提出的居民会看到您写的原因。确定吗？', confirmText: '不予讨论' }, requestId),
  );
  if (!shown) return <Button id='topic-decline-start' className='btn' onClick={() => setShown(true)}>不予讨论（写明原因）</Button>;
  const submit = async () => {
    if (await save.submit()) onDone('已答复提出的居民：这个议题不列入讨论。');
  };
  return (
    <View className='card'>
      <Text className='card__title'>不予讨论</Text>
      <TextArea label='原因（提出的居民会看到）' value={reason} maxlength={500} placeholder='如 与「3号楼加装电梯」议题重复，请在该议题中发表意见' onChange={setReason} error={save.errors.reason} />
      <ActionError error={save.error} onReload={onReload} />
      <Button id='topic-decline' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void submit()}>确认不予讨论</Button>
    </View>
  );
}

function ConcludeForm({ id, onDone, onReload }: { id: string; onDone: (message: string) => void; onReload: () => void }) {
  // a deadline is always agreed; a month ahead is only where the picker starts
  const [f, setF] = useState({ decision: '', actor: '', dueDate: addDays(localDate(), 30) });
  const save = useSubmit((requestId) =>
    confirmAndCall(concludeTopic, { id, outcome: f }, { title: '形成议事结果', content: '保存后讨论和投票都将结束，结果会公布给居民，不能再修改。确定保存吗？', confirmText: '保存结果' }, requestId),
  );
  const e = save.errors;
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));
  const submit = async () => {
    if (await save.submit()) onDone('议事结果已保存，居民可以看到。');
  };
  return (
    <View className='card'>
      <Text className='card__title'>形成议事结果</Text>
      <TextArea label='议定事项（决定做什么）' value={f.decision} maxlength={5000} onChange={set('decision')} error={e.decision} />
      <TextField label='责任人（由谁落实）' value={f.actor} maxlength={100} placeholder='个人、小组或部门' onChange={set('actor')} error={e.actor} />
      <DateField label='完成期限' date={f.dueDate} onDate={set('dueDate')} error={e.dueDate} />
      <ActionError error={save.error} onReload={onReload} />
      <Button id='topic-conclude' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void submit()}>保存议事结果</Button>
    </View>
  );
}

function FollowUpForm({ id, onDone, onReload }: { id: string; onDone: (message: string) => void; onReload: () => void }) {
  const blank = () => ({ text: '', status: 'in_progress' as FollowUpStatus, date: localDate() });
  const [f, setF] = useState(blank);
  const save = useSubmit((requestId) => call(followUpTopic, { id, ...f }, { requestId }));
  const e = save.errors;
  const submit = async () => {
    if (!(await save.submit())) return;
    setF(blank());
    onDone('跟进情况已记录。');
  };
  return (
    <View className='card'>
      <Text className='card__title'>添加跟进</Text>
      <TextArea label='跟进情况' value={f.text} maxlength={2000} placeholder='做了什么、进展到哪一步' onChange={(v) => setF((s) => ({ ...s, text: v }))} error={e.text} />
      <Choice label='落实状态' value={f.status} options={STATUS_OPTIONS} onChange={(v) => setF((s) => ({ ...s, status: v }))} error={e.status} />
      <DateField label='日期' date={f.date} onDate={(v) => setF((s) => ({ ...s, date: v }))} error={e.date} />
      <ActionError error={save.error} onReload={onReload} />
      <Button id='topic-follow-up' className='btn btn--primary' loading={save.busy} disabled={save.busy} onClick={() => void submit()}>记录跟进</Button>
    </View>
  );
}

function TopicView({ initial }: { initial: Topic }) {
  const [topic, setTopic] = useState(initial);
  const [done, setDone] = useState<string | null>(null);
  const [stale, setStale] = useState<AppError | null>(null);
  // After every step read the topic again, without a loading flash that would drop the page.
  const reload = () => {
    setDone(null);
    call(getTopic, { id: topic.id }).then(
      (t) => { setTopic(t); setStale(null); },
      (err: unknown) => setStale(asAppError(err)),
    );
  };
  const after = (message: string) => {
    reload();
    setDone(message);
  };
  const { stage } = topic;
  const ended = stage === 'concluded' || stage === 'followed_up';
  return (
    <View>
      <View className='card'>
        <Text className='card__label'>议事厅议题</Text>
        <Text className='card__heading'>{topic.title}</Text>
        <View className='badges'>
          <Text className={stage === 'proposed' ? 'badge badge--alert' : ended ? 'badge badge--ok' : 'badge'}>{STAGE_LABELS[stage]}</Text>
        </View>
        <Text className='card__hint'>
          {topic.proposer.kind === 'staff' ? '居委会' : '居民'}{topic.proposer.name}{topic.proposer.mine ? '（我）' : ''} 于 {formatDateTime(topic.createdAt, 'short')} 提出
        </Text>
        <Text className='card__text topic__description'>{topic.description}</Text>
      </View>

      {done ? <View className='notice' role='status'><Text>{done}</Text></View> : null}
      {stale ? (
        <View className='form__error' role='alert'>
          <Text>没有读到议题的最新状态：{stale.message}</Text>
          <Button className='btn' onClick={reload}>重试</Button>
        </View>
      ) : null}

      <Text className='section-title'>下一步</Text>
      <Text className='card__text topic__next'>{NEXT_STEP[stage]}</Text>

      {topic.poll || stage === 'proposed' ? (
        <View className='card'>
          {topic.poll ? <PollCounts poll={topic.poll} stage={stage} /> : <Text className='card__hint'>这个议题没有投票。</Text>}
          {stage === 'proposed' ? <PollForm key={topic.updatedAt} topic={topic} onSaved={after} onReload={reload} /> : null}
        </View>
      ) : null}

      {stage === 'proposed' ? <OpenStep id={topic.id} onDone={after} onReload={reload} /> : null}
      {stage === 'proposed' ? <DeclineForm id={topic.id} onDone={after} onReload={reload} /> : null}
      {topic.declineReason ? (
        <View className='card'>
          <Text className='card__title'>不予讨论的原因</Text>
          <Text className='card__text topic__description'>{topic.declineReason}</Text>
        </View>
      ) : null}
      {stage === 'discussing' ? <ConcludeForm id={topic.id} onDone={after} onReload={reload} /> : null}
      {topic.outcome ? <Outcome outcome={topic.outcome} /> : null}
      {ended ? <FollowUpForm id={topic.id} onDone={after} onReload={reload} /> : null}

      <Comments
        target={{ type: 'topic', id: topic.id }}
        title='居民意见'
        moderate
        closedReason={stage === 'discussing' ? null : stage === 'proposed' ? '开放讨论后，居民可以在这里发表意见。' : stage === 'declined' ? '这个议题没有列入讨论。' : '讨论已结束，不能再发表意见。'}
      />
    </View>
  );
}

function TopicLoader({ id }: { id: string }) {
  const state = useAsync(() => call(getTopic, { id }));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={state.reload} />;
  return <TopicView key={state.data.id} initial={state.data} />;
}

export default function StaffTopicPage() {
  const id = param(useRouter().params, 'id') ?? '';
  return (
    <Screen>
      <StaffGate>{() => (id ? <TopicLoader id={id} /> : <Text className='state__text'>没有指定议题。</Text>)}</StaffGate>
    </Screen>
  );
}
