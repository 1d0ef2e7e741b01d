/** Reads a *.scenario.json file; every problem names the file and the place in it. */
import { readFile } from 'node:fs/promises';
import { parseScenario, type Scenario } from '../model/scenario.js';
import { inputError } from './cli-error.js';

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
    throw inputError(`方案文件 ${path} 不是有效的 JSON：${reason}`, `Scenario file ${path} is not valid JSON: ${reason}`);
  }
  const parsed = parseScenario(data);
  if (parsed.ok) return parsed.scenario;
  const lines = parsed.issues.map((i) => `  ${path} ${i.path === '' ? '(根)' : i.path} [${i.code}] ${i.zh} / ${i.en}`);
  throw inputError(`方案文件 ${path} 有误：\n${lines.join('\n')}`, `Scenario file ${path} is not valid (see above).`);
}
