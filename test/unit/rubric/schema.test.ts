/** Every rubric file loads; malformed ones are refused with the field and the reason named. */
import acceptance from '../../../rubrics/000_shequyun-acceptance.json';
import { explainRubric } from '../../../shared/rubric/explain';
import { ACCEPTANCE_INPUT_KEYS, ACCEPTANCE_PLATFORM_KEYS, POINTS_CARD_INPUT_KEYS } from '../../../shared/rubric/keys';
import { getRubric, rubricIds } from '../../../shared/rubric/registry';
import { parseRubric } from '../../../shared/rubric/schema';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the cases edit the JSON at any depth

function rejection(mutate: (r: Json) => void): string {
  const r = clone(acceptance) as Json;
  mutate(r);
  try {
    parseRubric(r, 'test.json');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted a malformed rubric');
}

describe('rubric files', () => {
  test.each(rubricIds())('%s is valid and explains itself', (id) => {
    const r = getRubric(id);
    expect(r.id).toBe(id);
    const text = explainRubric(r);
    expect(text).toContain(r.title);
    for (const line of r.items.flatMap(function leaves(n): string[] { return n.items ? n.items.flatMap(leaves) : [n.id]; })) expect(text).toContain(`【${line}】`);
  });

  test.each([
    ['shequyun-acceptance', 12, 100],
    ['grid-governance', 23, 100],
    ['wangcheng-2021-performance', 30, 100],
    ['happy-home-district', 13, 100],
    ['happy-home-community', 19, 100],
  ])('%s has %s indicators worth %s', (id, count, max) => {
    const r = getRubric(id);
    const leaves = (ns: typeof r.items): typeof r.items => ns.flatMap((n) => (n.items ? leaves(n.items) : [n]));
    const all = leaves(r.items);
    expect(all).toHaveLength(count);
    expect(all.filter((n) => (n.scope ?? 'main') === 'main').reduce((s, n) => s + (n.max ?? 0), 0)).toBeCloseTo(max, 9);
  });

  test('the typed input keys are exactly the keys the rubric files declare', () => {
    expect([...ACCEPTANCE_INPUT_KEYS].sort()).toEqual(Object.keys(getRubric('shequyun-acceptance').inputs).sort());
    expect([...POINTS_CARD_INPUT_KEYS].sort()).toEqual(Object.keys(getRubric('baishihui-points-card').inputs).sort());
    const platform = Object.entries(getRubric('shequyun-acceptance').inputs).filter(([, d]) => d.source === 'platform').map(([k]) => k);
    expect([...ACCEPTANCE_PLATFORM_KEYS].sort()).toEqual(platform.sort());
  });

  test('seed 000 carries the 月度 definition and the exclusions for the metrics code', () => {
    const defs = getRubric('shequyun-acceptance').definitions as Json;
    expect(defs.month).toMatchObject({ consecutiveDays: 30, cityAcceptanceMonths: [10, 11], districtMayDefineForSelfCheck: true });
    expect(defs.exclusions.map((x: Json) => x.id)).toEqual(['codeOrBoundaryError', 'otherSpecial']);
  });

  test('an unknown id is not found', () => {
    expect(() => getRubric('nope')).toThrow(/nope/);
  });
});

describe('malformed rubrics are refused, naming the field', () => {
  test.each<[string, (r: Json) => void, RegExp]>([
    ['missing title', (r) => delete r.title, /title/],
    ['step not positive', (r) => (r.step = 0), /step: step 必须大于 0/],
    ['unknown rule kind', (r) => (r.items[0].items[0].items[0].rule.kind = 'banding'), /items\[0\]\.items\[0\]\.items\[0\]\.rule\.kind/],
    ['misspelt edge', (r) => (r.items[0].items[0].items[0].rule.bands[1].gtee = 80), /bands\[1\].*gtee/],
    ['score with three decimals', (r) => (r.items[0].items[0].items[0].max = 30.125), /max: 分值最多保留两位小数/],
    ['undeclared input', (r) => (r.items[0].items[0].items[0].rule.input = 'initRate'), /rule\.input: 输入 initRate 未在 inputs 中声明/],
    ['declared input never used', (r) => (r.inputs.extraRate = { label: '多余', type: 'rate', source: 'platform', description: 'd' }), /inputs\.extraRate: .*没有规则使用/],
    ['overlapping bands', (r) => (r.items[0].items[0].items[0].rule.bands[2].lte = 80), /bands\[2\]: lt 与 lte 不能同时使用/],
    ['gap between bands', (r) => (r.items[0].items[0].items[0].rule.bands[2].gte = 61), /bands\[2\]: 与相邻档次之间有空档/],
    ['band edge inclusive on both sides', (r) => { const b = r.items[0].items[0].items[0].rule.bands[2]; delete b.lt; b.lte = 80; }, /bands\[1\]: 与相邻档次重叠/],
    ['range upside down', (r) => (r.items[0].items[0].items[0].rule.bands[1].score.range = [29, 20]), /score\.range: 评分区间的下限不能大于上限/],
    ['open band range without saturation', (r) => delete r.items[0].items[2].items[2].rule.bands[0].score.saturateAt, /bands\[0\]\.score: 开口的最高档须用 saturateAt/],
    ['group max does not add up', (r) => (r.items[0].items[2].items[0].max = 5), /^评分规则文件 test\.json 有误：\nmax: 总分 100 与指标分值之和 101 不符/],
    ['choice options do not match the input', (r) => r.items[1].items[1].items[0].rule.options.pop(), /rule\.options: 选项须与输入 interactiveUsage 的取值一一对应/],
    ['manual item without max', (r) => delete r.items[3].max, /items\[3\]\.rule: 人工评分须有分值上限 max/],
    ['node with neither rule nor items', (r) => delete r.items[3].rule, /items\[3\]: 每个节点须且只能有 rule/],
    ['duplicate ids', (r) => (r.items[0].items[2].items[1].id = 'visits'), /items\[0\]\.items\[2\]\.items\[1\]\.id: 编号 visits 重复/],
    ['score off the step', (r) => (r.items[2].items[0].rule.options[0].score = 1.5), /options\[0\]\.score: 分值 1\.5 不是评分步长 1 的整数倍/],
  ])('%s', (_label, mutate, message) => {
    expect(rejection(mutate)).toMatch(message);
  });

  test('the error is an AppError with code RUBRIC_INVALID and the issues as details', () => {
    const r = clone(acceptance) as Json;
    r.step = -1;
    expect(() => parseRubric(r)).toThrow(expect.objectContaining({ code: 'RUBRIC_INVALID', details: [expect.objectContaining({ path: 'step' })] }));
  });
});
