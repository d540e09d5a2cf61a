/**
 * A rubric as Chinese text an assessor can hold against the paper: a summary table of every
 * indicator, then for each indicator the seed's wording next to what the engine will do.
 */
import { pts, ruleLines } from './describe';
import type { InputDecl, Rubric, RubricNode, Rule, Source } from './schema';

const SOURCE: Record<Source, string> = { platform: '平台计算', records: '工作记录', assessor: '评估人录入' };
const SCOPE = { main: '', bonus: '加分', penalty: '扣分' } as const;

/** Terminal columns of a string: CJK and full-width forms take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}

function inputsOf(rule: Rule): string[] {
  const refs = (r: string | { minus: [string, string] }) => (typeof r === 'string' ? [r] : r.minus);
  switch (rule.kind) {
    case 'bands':
      return [...refs(rule.input), ...rule.bands.flatMap((b) => (typeof b.score === 'object' && 'rule' in b.score ? inputsOf(b.score.rule) : []))];
    case 'perUnit':
      return rule.units.flatMap((u) => refs(u.input));
    case 'sum':
      return rule.parts.flatMap((p) => inputsOf(p.rule));
    case 'manual':
    case 'notApplicable':
      return [];
    default:
      return [rule.input];
  }
}

function inputLine(key: string, d: InputDecl | undefined): string {
  if (!d) return key;
  const shape = d.type === 'rate' ? '比率 {num, den} 或 {percent}' : d.type === 'number' ? '数值或 {num, den}' : d.type === 'count' ? '非负整数' : d.type === 'boolean' ? 'true / false' : d.type === 'option' ? `选项 ${(d.options ?? []).map((o) => o.id).join(' | ')}` : '[{points, reason}] 列表';
  return `${key}（${d.label}；${shape}；${SOURCE[d.source]}）：${d.description}`;
}

interface Row {
  node: RubricNode;
  groups: string[];
}

function leaves(nodes: RubricNode[], groups: string[] = []): Row[] {
  return nodes.flatMap((n) => (n.items ? leaves(n.items, [...groups, n.label + (n.max !== undefined ? `（${pts(n.max)}）` : '')]) : [{ node: n, groups }]));
}

export function explainRubric(rubric: Rubric): string {
  const out: string[] = [];
  out.push(`${rubric.title}`);
  out.push(`编号 ${rubric.id} · 版本 ${rubric.version} · 出处 ${rubric.source} · ${rubric.max !== undefined ? `满分 ${pts(rubric.max)}` : '不设满分'} · 评分步长 ${rubric.step} 分（建议分向下取整）`);
  if (rubric.description) out.push(rubric.description);
  if (rubric.readings?.length) {
    out.push('', '本文件的解读：');
    rubric.readings.forEach((r, i) => out.push(`  ${i + 1}. ${r}`));
  }
  const rows = leaves(rubric.items);
  out.push('', '指标一览：');
  out.push(
    ...table(
      ['编号', '层级', '指标', '分值', '计分方式', '来源'],
      rows.map(({ node, groups }) => [node.id, groups.join(' › '), node.label, node.max !== undefined ? pts(node.max) : '不封顶', `${node.rule!.kind}${SCOPE[node.scope ?? 'main'] ? `（${SCOPE[node.scope ?? 'main']}）` : ''}`, SOURCE[node.computedBy ?? 'assessor']]),
    ),
  );
  out.push('', '逐项对照：');
  for (const { node, groups } of rows) {
    out.push('', `【${node.id}】${groups.length ? `${groups.join(' › ')} › ` : ''}${node.label}　${node.max !== undefined ? pts(node.max) : '不封顶'}${SCOPE[node.scope ?? 'main'] ? `（${SCOPE[node.scope ?? 'main']}项）` : ''}　${SOURCE[node.computedBy ?? 'assessor']}`);
    if (node.points) out.push(`  评分要点：${node.points}`);
    (node.criteria ?? []).forEach((c, i) => out.push(`  ${i === 0 ? '原文标准：' : '　　　　　'}${c}`));
    ruleLines(rubric, node.rule!, node.max).forEach((l, i) => out.push(`  ${i === 0 ? '编码规则：' : '　　　　　'}${l}`));
    const keys = [...new Set(inputsOf(node.rule!))];
    keys.forEach((k, i) => out.push(`  ${i === 0 ? '输　　入：' : '　　　　　'}${inputLine(k, rubric.inputs[k])}`));
    if (node.reading) out.push(`  解　　读：${node.reading}`);
  }
  return out.join('\n');
}
