/**
 * Seed 002: the engine, fed only the facts of the 评分说明 column, reproduces the published
 * 得分 of every row and the total 89.8.
 */
import inputs from '../../../rubrics/fixtures/002_wangcheng-2021.inputs.json';
import published from '../../../rubrics/fixtures/002_wangcheng-2021.published.json';
import { scoreRubric } from '../../../shared/rubric/engine';
import { parseInputs } from '../../../shared/rubric/inputs';
import { getRubric } from '../../../shared/rubric/registry';
import { item } from './helpers';

const rubric = getRubric('wangcheng-2021-performance');
const result = scoreRubric(rubric, parseInputs(inputs));
const scores = published.scores as Record<string, number>;

describe('seed 002 published evaluation', () => {
  test('every row of the 附表 is encoded and published', () => {
    expect(result.indicators.map((i) => i.path).sort()).toEqual(Object.keys(scores).sort());
    expect(result.indicators).toHaveLength(30);
  });

  test.each(Object.entries(scores))('%s scores the published %s', (path, expected) => {
    expect(item(result, path).score).toBe(expected);
  });

  test('total is 89.8, complete, with nothing pending', () => {
    expect(result.totals.total).toBe(89.8);
    expect(result.totals.total).toBe(published.total);
    expect(result.complete).toBe(true);
  });

  test.each([
    ['input', 7, 7],
    ['process', 22.8, 29],
    ['output', 39, 42],
    ['effect', 21, 22],
    ['budgetExecutionGroup', 9, 10],
    ['budgetManagement', 5.6, 7],
    ['budgetManagement2', 6.4, 8],
  ])('level %s: %s of %s', (id, s, max) => {
    expect(result.levels.find((l) => l.id === id)).toMatchObject({ score: s, max });
  });

  test('预算配置 states 4 but can reach only 2 after 资金到位率 moved out', () => {
    expect(result.levels.find((l) => l.id === 'budgetAllocation')).toMatchObject({ max: 2, statedMax: 4 });
  });

  describe('rows whose published score depends on a reading', () => {
    const vary = (patch: Record<string, unknown>) => scoreRubric(rubric, { values: { ...inputs.values, ...patch } });

    test('满意度 prorates per point: 92.5% → 7, 95% → 8, 80.5% → 2.2, 80% → 0', () => {
      expect(item(vary({ publicSatisfactionRate: { percent: 95 } }), 'satisfaction').score).toBe(8);
      expect(item(vary({ publicSatisfactionRate: { percent: 80.5 } }), 'satisfaction').score).toBe(2.2);
      expect(item(vary({ publicSatisfactionRate: { percent: 80 } }), 'satisfaction').score).toBe(0);
    });

    test('及时性: 398 overdue cases exhaust only the 2 points of 核查、结案', () => {
      const r = item(result, 'timeliness');
      expect(item(result, 'timeliness.closing').score).toBe(0);
      expect(item(result, 'timeliness.dispatch').score).toBe(1);
      expect(r.score).toBe(3);
      expect(item(vary({ overdueOpenCases: 3, overdueClosedCases: 0 }), 'timeliness').score).toBe(4.1);
    });

    test('问题整改: all 3, partial 2 (扣1分), none 0', () => {
      expect(item(vary({ rectificationStatus: 'all' }), 'rectification').score).toBe(3);
      expect(item(vary({ rectificationStatus: 'none' }), 'rectification').score).toBe(0);
    });

    test('聘用人员: excess over last year counted by 去尾法', () => {
      expect(item(vary({ contractStaffThisYear: 40.9, contractStaffLastYear: 39 }), 'staffControl').score).toBe(1.5);
      expect(item(vary({ contractStaffThisYear: 39.9, contractStaffLastYear: 39 }), 'staffControl').score).toBe(2);
      expect(item(vary({ contractStaffThisYear: 50, contractStaffLastYear: 39 }), 'staffControl').score).toBe(0);
    });

    test('完成率: a drop of less than 10 points costs nothing; each full 10 costs 0.2', () => {
      expect(item(vary({ hotline12345CompletionRate: { percent: 90.01 } }), 'completion.hotline12345').score).toBe(1);
      expect(item(vary({ hotline12345CompletionRate: { percent: 90 } }), 'completion.hotline12345').score).toBe(0.8);
    });

    test('政府采购 deducts both above and below 100%', () => {
      expect(item(vary({ procurementExecutionRate: { percent: 100 } }), 'procurement').score).toBe(1);
      expect(item(vary({ procurementExecutionRate: { percent: 104 } }), 'procurement').score).toBe(0.6);
      expect(item(vary({ procurementExecutionRate: { percent: 97 } }), 'procurement').score).toBe(0.7);
    });

    test('往来款项 over 10% falls back to the year-on-year trend', () => {
      expect(item(vary({ receivablesControlRate: { percent: 12 }, receivablesTrend: 'down' }), 'receivablesControl').score).toBe(1.5);
      expect(item(vary({ receivablesControlRate: { percent: 12 } }), 'receivablesControl').status).toBe('missing');
      expect(item(vary({ agedPayablesOver3Years: 5 }), 'receivablesControl').score).toBe(0);
    });

    test('结转结余变动率 runs linearly from 2 at 0% to 0 at 10%', () => {
      expect(item(vary({ carryoverChangeRate: { percent: -20 } }), 'carryoverChange').score).toBe(2);
      expect(item(vary({ carryoverChangeRate: { percent: 2.5 } }), 'carryoverChange').score).toBe(1.5);
      expect(item(vary({ carryoverChangeRate: { percent: 10 } }), 'carryoverChange').score).toBe(0);
    });
  });
});
