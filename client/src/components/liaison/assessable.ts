/**
 * Where an assessor may set the score, as the engine accepts it: a judged (manual) item in
 * [0, max]; a yes/no item at one of its fixed scores; inside a 评分区间 band, within that band.
 * The server checks again (an entry outside the band is listed as not applied).
 */
import type { SnapshotView } from '@shared/contracts/metrics';
import type { IndicatorText } from './rubric';

type Indicator = SnapshotView['indicators'][number];

export interface Allowed {
  min: number;
  max: number;
  /** the only scores allowed (yes/no items), when not a range */
  choices: number[] | null;
  evidenceRequired: boolean;
  /** in words, under the score field */
  text: string;
}

const BAND_RANGE = /评分区间 ([\d.]+)–([\d.]+)分/;

export function allowedScores(i: Indicator, t: IndicatorText | null): Allowed | null {
  if (!t || i.max === null) return null;
  if (t.kind === 'manual') return { min: 0, max: i.max, choices: null, evidenceRequired: true, text: `0 至 ${i.max} 分，须上传证据材料` };
  if (t.kind === 'choice' && t.options) {
    const fixed = t.options.map((o) => o.score).filter((x): x is number => typeof x === 'number');
    // the option the value fell on leaves a range: judged inside it
    const current = t.options.find((o) => o.label === i.band);
    if (current && typeof current.score !== 'number') {
      const [a, b] = current.score.range;
      return { min: a, max: b, choices: null, evidenceRequired: false, text: `本选项的评分区间内：${a} 至 ${b} 分` };
    }
    // a yes/no the assessor decides: the score picks the option
    if (fixed.length === t.options.length && t.options.every((o) => o.id === 'yes' || o.id === 'no')) {
      const choices = [...fixed].sort((a, b) => b - a);
      return { min: Math.min(...choices), max: Math.max(...choices), choices, evidenceRequired: false, text: `只能是 ${choices.join(' 分或 ')} 分` };
    }
    return null;
  }
  const m = i.band ? BAND_RANGE.exec(i.band) : null;
  if (m) return { min: Number(m[1]), max: Number(m[2]), choices: null, evidenceRequired: false, text: `当前档次的评分区间内：${m[1]} 至 ${m[2]} 分` };
  return null;
}

/** The score typed, checked against what the rule leaves open; null when it fits. */
export function scoreProblem(text: string, allowed: Allowed): string | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return '请填写评定分（数字）';
  const n = Number(text);
  if (n < allowed.min || n > allowed.max) return `评定分须在 ${allowed.min} 至 ${allowed.max} 分之间`;
  if (allowed.choices && !allowed.choices.includes(n)) return allowed.text;
  return null;
}
