/**
 * 人口库导入 (staff / secretary): choose the register file (a chat file in WeCom, a file input in
 * the H5 dev build), upload it, and import it with household.importRegister. A file with errors
 * imports nothing and its issues are listed by row, errors first; an accepted file is a job that
 * continueImport drives to the end, with a progress bar and then the exact counts.
 */
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { continueImport, importRegister, type ImportProgress } from '@shared/contracts/household-import';
import { isAppError, type AppError } from '@shared/errors';
import { Screen } from '../../../../components/Screen';
import { StaffGate } from '../../../../components/staff/StaffGate';
import { Choice } from '../../../../components/staff/Fields';
import { FormError } from '../../../../components/staff/FormError';
import { useSubmit } from '../../../../hooks/useSubmit';
import { open } from '../../../../components/staff/nav';
import { call } from '../../../../services/cloud';
import { uploadFile } from '../../../../services/storage';
import { chooseRegisterFile, fileProblem, issueLine, percentOf, type PickedFile } from './pick';
import { ROUTES } from '../../../../lib/routes';
import { asAppError } from '../../../../lib/errors';
import './register.css';

// require() in the constant branch keeps the browser file input (and `document`) out of weapp.
const H5FilePicker: ComponentType<{ disabled: boolean; onPick: (f: PickedFile) => void }> | null = DEV_GATEWAY
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ? (require('./H5FilePicker') as typeof import('./H5FilePicker')).H5FilePicker
  : null;

type Mode = 'full' | 'partial';
type Report = Awaited<ReturnType<typeof submitImport>>;

const MODES = [
  ['full', '全部人口库'],
  ['partial', '部分（按网格或楼栋）'],
] as const;

/** Issues shown at first per severity; 显示更多 adds as many again. */
const ISSUES_STEP = 20;

const SEVERITY_TITLES = {
  error: '必须改正的错误（改正前一条都不会导入）',
  incomplete: '信息不完整（会导入，计入居民信息完善率）',
  notice: '提示',
} as const;

async function submitImport(file: PickedFile, uploaded: { current: { path: string; fileID: string } | null }, mode: Mode, requestId: string) {
  // the same chosen file is uploaded once while the import is retried after a failure
  if (uploaded.current?.path !== file.path) uploaded.current = { path: file.path, fileID: await uploadFile(file.path, file.name) };
  try {
    const report = await call(importRegister, { fileID: uploaded.current.fileID, filename: file.name, mode }, { requestId, timeoutMs: 60_000 });
    // an import that ended deletes the uploaded file (docs/register.md): trying again uploads anew
    uploaded.current = null;
    return report;
  } catch (e) {
    if (isAppError(e) && (e.code.startsWith('REGISTER_') || e.code === 'FILE_NOT_FOUND' || e.code === 'NOT_FOUND')) uploaded.current = null;
    throw e;
  }
}

function Issues({ report }: { report: Report }) {
  const [shown, setShown] = useState(ISSUES_STEP);
  const groups = (['error', 'incomplete', 'notice'] as const)
    .map((severity) => ({ severity, items: report.issues.filter((i) => i.severity === severity) }))
    .filter((g) => g.items.length > 0);
  return (
    <View>
      {groups.map((g) => (
        <View key={g.severity} className='issue-group'>
          <Text className='issue-group__title'>{SEVERITY_TITLES[g.severity]}（{g.severity === 'error' ? report.summary.errors : g.severity === 'incomplete' ? report.summary.incomplete : report.summary.notices} 条）</Text>
          {g.items.slice(0, shown).map((i, n) => (
            <Text key={`${g.severity}-${n}`} className={`issue issue--${g.severity}`}>{issueLine(i)}</Text>
          ))}
          {g.items.length > shown ? <Text className='card__hint'>本类还有 {g.items.length - shown} 条未显示</Text> : null}
        </View>
      ))}
      {groups.some((g) => g.items.length > shown) ? <Button className='btn' onClick={() => setShown((s) => s + ISSUES_STEP)}>显示更多问题</Button> : null}
      {report.issuesTruncated ? <Text className='card__hint'>问题太多，每类只列出前 100 条；请先改正这些，再重新上传。</Text> : null}
    </View>
  );
}

function Progress({ progress }: { progress: ImportProgress }) {
  const pct = percentOf(progress);
  return (
    <View className='progress' role='progressbar' aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
      <View className='progress__track'>
        <View className='progress__bar' style={{ width: `${pct}%` }} />
      </View>
      <Text className='progress__text'>已导入 {progress.done} / {progress.total} 户（{pct}%）</Text>
    </View>
  );
}

function Counts({ progress }: { progress: ImportProgress }) {
  const c = progress.counts;
  if (!c) return null;
  const rows: [string, number][] = [
    ['新增户', c.households.created],
    ['更新户', c.households.updated],
    ['没有变化的户', c.households.unchanged],
    ['移出人口库的户', c.households.removed],
    ['新增人员', c.persons.created],
    ['更新人员', c.persons.updated],
    ['没有变化的人员', c.persons.unchanged],
    ['迁出人员', c.persons.movedOut],
  ];
  return (
    <View className='counts'>
      {rows.map(([label, n]) => (
        <View key={label} className='counts__row'>
          <Text>{label}</Text>
          <Text className='counts__num'>{n}</Text>
        </View>
      ))}
      <View className='counts__row'>
        <Text>信息完整的人员</Text>
        <Text className='counts__num'>{progress.completePersons} / {progress.persons}</Text>
      </View>
    </View>
  );
}

type Job = { status: 'idle' } | { status: 'running'; progress: ImportProgress; error: AppError | null } | { status: 'finished'; progress: ImportProgress };

function RegisterImport() {
  const [mode, setMode] = useState<Mode>('full');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [job, setJob] = useState<Job>({ status: 'idle' });
  const uploaded = useRef<{ path: string; fileID: string } | null>(null);
  const alive = useRef(true);
  useEffect(() => () => { alive.current = false; }, []);

  const send = useSubmit((requestId) => submitImport(file!, uploaded, mode, requestId));

  /** Calls continueImport until the job is done; a failure stops with 继续导入 (the job resumes where it was). */
  const drive = async (start: ImportProgress) => {
    let p = start;
    setJob({ status: 'running', progress: p, error: null });
    try {
      while (p.status === 'running') {
        p = await call(continueImport, { jobId: p.jobId }, { timeoutMs: 30_000 });
        if (!alive.current) return;
        setJob({ status: 'running', progress: p, error: null });
      }
      setJob({ status: 'finished', progress: p });
    } catch (e) {
      if (alive.current) setJob({ status: 'running', progress: p, error: asAppError(e) });
    }
  };

  const pick = (f: PickedFile) => {
    const why = fileProblem(f.name);
    setProblem(why);
    setFile(why ? null : f);
    setReport(null);
    setJob({ status: 'idle' });
    send.reset(); // a new file is a new submission
  };

  const choose = async () => {
    const f = await chooseRegisterFile();
    if (f) pick(f);
  };

  const start = async () => {
    if (!file) return;
    setReport(null);
    const r = await send.submit();
    if (!r || !alive.current) return;
    setReport(r);
    if (r.accepted && r.job) void drive(r.job);
  };

  const running = job.status === 'running' && !job.error;
  const busy = send.busy || running;

  return (
    <View>
      <View className='card'>
        <Text className='card__heading'>导入本地人口库</Text>
        <Text className='card__text'>从治理平台下载人口库（.csv 或 .xlsx），选择文件后点“开始导入”。文件里有错误时一条都不会导入，请按行号改正后重新上传。</Text>
      </View>

      <Choice label='这份文件是' value={mode} options={MODES} onChange={(m) => { setMode(m); send.reset(); }} />
      {mode === 'partial' ? <Text className='card__hint'>部分导入只更新文件里的户，不会移出其他户。</Text> : <Text className='card__hint'>全部导入时，文件里没有的户会移出人口库（记录保留）。</Text>}

      <View className='field'>
        <Text className='field__label'>人口库文件</Text>
        {H5FilePicker ? <H5FilePicker disabled={busy} onPick={pick} /> : <Button className='btn' disabled={busy} onClick={() => void choose()}>{file ? '重新选择文件' : '选择文件（从聊天记录）'}</Button>}
        {file ? <Text className='file-name'>已选择：{file.name}</Text> : null}
        {problem ? <View className='form__error' role='alert'><Text>{problem}</Text></View> : null}
      </View>

      <FormError error={send.error} />
      {/* an accepted file is done with: importing it again needs choosing it again */}
      {file && !report?.accepted ? (
        <Button className='btn btn--primary' loading={send.busy} disabled={busy} onClick={() => void start()}>
          {send.busy ? '正在上传并检查…' : send.error ? '再试一次' : '开始导入'}
        </Button>
      ) : null}

      {report && !report.accepted ? (
        <View>
          <View className='form__error' role='alert'>
            <Text className='form__error-line'>文件有 {report.summary.errors} 处错误，没有导入任何数据。</Text>
            <Text className='form__error-line'>请在文件里按行号改正下面的错误，再重新选择文件导入。</Text>
          </View>
          <Issues report={report} />
        </View>
      ) : null}

      {report?.accepted && job.status !== 'idle' ? (
        <View>
          <Text className='section-title'>{job.status === 'finished' ? (job.progress.status === 'cancelled' ? '导入已停止' : '导入完成') : '正在导入…'}</Text>
          <Progress progress={job.progress} />
          {job.status === 'running' && job.error ? (
            <View>
              <View className='form__error' role='alert'><Text>{job.error.message}</Text></View>
              <Button className='btn btn--primary' onClick={() => void drive(job.progress)}>继续导入</Button>
            </View>
          ) : null}
          {job.status === 'finished' && job.progress.status === 'cancelled' ? (
            <Text className='card__hint'>这次导入被之后的一次导入取代了，以最新那次为准。</Text>
          ) : null}
          {job.status === 'finished' ? <Counts progress={job.progress} /> : null}
          {job.status === 'finished' && report.issues.length ? <Issues report={report} /> : null}
        </View>
      ) : null}

      <Button className='btn' onClick={() => open(ROUTES.staff.registerCodes)}>登记码与居民核对申请</Button>
    </View>
  );
}

export default function RegisterImportPage() {
  return (
    <Screen>
      <StaffGate>{() => <RegisterImport />}</StaffGate>
    </Screen>
  );
}
