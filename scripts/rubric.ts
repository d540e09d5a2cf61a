/**
 * npm run rubric -- score <rubric id | rubric.json> <inputs.json>   prints the result as JSON
 * npm run rubric -- explain <rubric id | rubric.json>               prints the rubric as a Chinese table
 * npm run rubric -- list                                            lists the rubric ids
 */
import fs from 'node:fs';
import { isAppError } from '../shared/errors';
import { explainRubric } from '../shared/rubric/explain';
import { scoreRubric } from '../shared/rubric/engine';
import { parseInputs } from '../shared/rubric/inputs';
import { getRubric, isRubricId, rubricIds } from '../shared/rubric/registry';
import { parseRubric, type Rubric } from '../shared/rubric/schema';

const USAGE = `用法：
  npm run rubric -- score <评分规则编号或文件> <输入文件.json>
  npm run rubric -- explain <评分规则编号或文件>
  npm run rubric -- list`;

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`无法读取 ${file}：${(e as Error).message}`);
  }
}

function loadRubric(arg: string): Rubric {
  if (isRubricId(arg)) return getRubric(arg);
  if (fs.existsSync(arg)) return parseRubric(readJson(arg), arg);
  throw new Error(`没有编号为 ${arg} 的评分规则，也没有这个文件。可用编号：${rubricIds().join('、')}`);
}

function main(argv: string[]): number {
  const [cmd, a, b] = argv;
  if (cmd === 'list') {
    for (const id of rubricIds()) console.log(`${id}\t${getRubric(id).title}`);
    return 0;
  }
  if (cmd === 'explain' && a) {
    console.log(explainRubric(loadRubric(a)));
    return 0;
  }
  if (cmd === 'score' && a && b) {
    const result = scoreRubric(loadRubric(a), parseInputs(readJson(b)));
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  console.error(USAGE);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(isAppError(e) ? `${e.code}: ${e.message}` : (e as Error).message);
  process.exitCode = 1;
}
