/** Reads a *.scenario.json file; every problem names the file and the place in it. */
import { readFile } from 'node:fs/promises';
import { parseScenario, type Scenario } from '../model/scenario.js';
import { inputError } from './cli-error.js';

/** JSON.parse says "at position N" (or nothing, at the end of the text): give the line and column instead. */
function jsonErrorPlace(text: string, reason: string): { zh: string; en: string } {
  const match = /position (\d+)/.exec(reason);
  const position = match === null ? text.length : Number(match[1]);
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  return { zh: ` 第 ${line} 行第 ${column} 列`, en: ` line ${line}, column ${column}` };
}

export async function loadScenarioFile(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw inputError(`无法读取方案文件 ${path}：${reason}`, `Cannot read scenario file ${path}: ${reason}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const where = jsonErrorPlace(text, reason);
    throw inputError(`方案文件 ${path}${where.zh} 不是有效的 JSON：${reason}`, `Scenario file ${path}${where.en} is not valid JSON: ${reason}`);
  }
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  const lines = parsed.issues.map((i) => `  ${path} ${i.path === '' ? '(根)' : i.path} [${i.code}] ${i.zh} / ${i.en}`);
  throw inputError(`方案文件 ${path} 有误：\n${lines.join('\n')}`, `Scenario file ${path} is not valid (see above).`);
}
