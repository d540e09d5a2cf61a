/** Assessor entries fed to the engine; the default window; canonical JSON for the input hash. */
import type { AssessmentRef } from '../../../shared/domain/metrics';
import { canonicalJson } from '../../../shared/metrics/canonical';
import { weeklyClosure } from '../../../shared/metrics/orders';
import { scoreScope } from '../../../shared/metrics/score';
import { defaultWindow } from '../../../shared/metrics/window';
import { getRubric } from '../../../shared/rubric/registry';
import { isWithin, localWindow } from '../../../shared/time';

const rubric = getRubric('shequyun-acceptance');
const entry = (path: string, score: number, evidence: string[] = ['cloud://env/e.pdf']): AssessmentRef => ({ id: `a-${path}-${score}`, path, score, reason: '核对', evidence, by: '评估人', at: '2026-11-01T00:00:00.000Z' });
const score = (r: ReturnType<typeof scoreScope>, path: string) => r.result.indicators.find((i) => i.path === path)!.score;

describe('scoreScope', () => {
  it('turns a 2 / 0 judgement into the yes / no input, overriding the platform’s liaison check', () => {
    const r = scoreScope(rubric, { opsTeamDesignated: true }, [entry('opsTeam', 0), entry('opsRegulations', 3)], '2026-10-08/2026-11-06');
    expect(r.values).toMatchObject({ opsTeamDesignated: false, opsRegulationsEstablished: true });
    expect([score(r, 'opsTeam'), score(r, 'opsRegulations')]).toEqual([0, 3]);
    expect(r.ignored).toEqual([]);
  });

  it('keeps out, with the reason, entries the rules do not allow', () => {
    const r = scoreScope(rubric, { initCompletionRate: { num: 9, den: 10 }, interactiveUsage: 'allUsed' }, [entry('opsRegulations', 1), entry('initCompletion', 19), entry('columnUsage', 2), entry('innovation', 5, []), entry('initCompletion.x', 1)], 'p');
    expect(r.ignored.map((i) => [i.path, i.why])).toEqual([
      ['opsRegulations', '该项只能评定为 3 或 0 分'],
      ['initCompletion.x', '评分规则中没有这个指标'],
      ['initCompletion', '评定分须在 20–29 分之间（当前档次）'],
      ['columnUsage', '该项得分由规则确定，不能人工评定'],
      ['innovation', '人工评分须附证据'],
    ]);
    // 90% in the 80–100% band (20–29, 2% a point): 25
    expect(score(r, 'initCompletion')).toBe(25);
  });

  it('applies an in-band score and keeps the proposed one beside it', () => {
    const r = scoreScope(rubric, { initCompletionRate: { num: 9, den: 10 } }, [entry('initCompletion', 28)], 'p');
    expect(r.result.indicators.find((i) => i.path === 'initCompletion')).toMatchObject({ score: 28, proposed: 25, assessed: { score: 28 } });
  });
});

describe('the default window', () => {
  it('is the 30 complete Shanghai days before today', () => {
    expect(defaultWindow(new Date('2026-11-23T15:59:59Z'))).toMatchObject({ from: '2026-10-24', to: '2026-11-22' });
    // 00:00 on 11-24 in Shanghai is still 11-23 in UTC
    expect(defaultWindow(new Date('2026-11-23T16:00:00Z'))).toMatchObject({ from: '2026-10-25', to: '2026-11-23' });
  });
  it('counts 23:59:59 on its last day and not 00:00:00 the next', () => {
    const w = localWindow('2026-10-08', 30);
    expect(isWithin(new Date('2026-11-06T23:59:59+08:00'), w)).toBe(true);
    expect(isWithin(new Date('2026-11-07T00:00:00+08:00'), w)).toBe(false);
    expect(isWithin(new Date('2026-10-08T00:00:00+08:00'), w)).toBe(true);
  });
});

describe('seed 001 事件办结率 inputs', () => {
  const w = localWindow('2026-10-08', 30);
  const order = (reported: string, closed: string | null) => ({
    reportedAt: new Date(`${reported}+08:00`),
    history: [{ to: 'reported' as const, at: new Date(`${reported}+08:00`) }, ...(closed ? [{ to: 'closed' as const, at: new Date(`${closed}+08:00`) }] : [])],
  });
  it('counts orders reported in the window and those closed within 7 × 24 h', () => {
    expect(
      weeklyClosure([order('2026-10-10T09:00:00', '2026-10-17T09:00:00'), order('2026-10-10T09:00:00', '2026-10-17T09:00:01'), order('2026-10-20T09:00:00', null), order('2026-10-07T23:59:59', '2026-10-08T01:00:00')], w),
    ).toEqual({ reported: 3, closedInWeek: 1 });
  });
});

describe('canonicalJson', () => {
  it('does not depend on key order, and writes instants as ISO text', () => {
    expect(canonicalJson({ b: 1, a: { d: new Date('2026-10-01T00:00:00Z'), c: [2, undefined] }, z: undefined })).toBe('{"a":{"c":[2,null],"d":"2026-10-01T00:00:00.000Z"},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});
