/** scenarios:* — saved scenarios, checking a form or a .scenario.json file against the schema. */
import { parseScenario, type ScenarioIssue } from '../model/scenario.js';
import { deleteScenario, findScenario, listScenarios, saveScenario, type SavedScenario } from '../store/scenarios.js';
import type { SavedScenarioView, ScenarioCheck } from './contract.js';
import type { Handler } from './service-context.js';
import { ServiceFailure, serviceIssues } from './service-errors.js';

function savedView(saved: SavedScenario): SavedScenarioView {
  return { id: saved.id, name: saved.scenario.name, scenario: saved.scenario, updatedAt: saved.updatedAt };
}

export function checkScenario(data: unknown): ScenarioCheck {
  const parsed = parseScenario(data);
  return parsed.ok ? { ok: true, scenario: parsed.scenario } : { ok: false, issues: parsed.issues };
}

/** JSON.parse's "at position N" as a line and column of the text. */
function syntaxIssue(text: string, reason: string): ScenarioIssue {
  const match = /position (\d+)/.exec(reason);
  const before = text.slice(0, match === null ? text.length : Number(match[1])).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  return {
    path: '',
    code: 'scenario.json_syntax',
    zh: `方案文件第 ${line} 行第 ${column} 列不是有效的 JSON：${reason}`,
    en: `The scenario file is not valid JSON at line ${line}, column ${column}: ${reason}`,
  };
}

export const listSavedScenarios: Handler<'scenarios:list'> = async (_input, ctx) => listScenarios(ctx.store).map(savedView);

export const validateScenario: Handler<'scenarios:validate'> = async (input) => checkScenario(input.scenario);

export const parseScenarioFile: Handler<'scenarios:parse'> = async (input) => {
  const text = input.text.replace(/^\ufeff/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [syntaxIssue(text, e instanceof Error ? e.message : String(e))] };
  }
  return checkScenario(data);
};

export const saveScenarioHandler: Handler<'scenarios:save'> = async (input, ctx) => {
  const checked = checkScenario(input.scenario);
  if (!checked.ok) return checked;
  const saved = saveScenario(ctx.store, checked.scenario);
  ctx.emit({ event: 'data:changed', payload: { what: 'scenarios' } });
  return { ok: true, saved: savedView(saved) };
};

export const copyScenario: Handler<'scenarios:copy'> = async (input, ctx) => {
  const source = findScenario(ctx.store, input.name);
  if (source === null) throw new ServiceFailure(serviceIssues.scenarioNotFound(input.name));
  if (findScenario(ctx.store, input.newName) !== null) throw new ServiceFailure(serviceIssues.scenarioNameTaken(input.newName));
  const checked = checkScenario({ ...source.scenario, name: input.newName });
  // The source passed the schema and the new name is 1–100 trimmed characters, as the schema wants.
  if (!checked.ok) throw new Error(`a copied scenario failed the schema: ${checked.issues[0]?.en ?? ''}`);
  const saved = saveScenario(ctx.store, checked.scenario);
  ctx.emit({ event: 'data:changed', payload: { what: 'scenarios' } });
  return savedView(saved);
};

export const deleteScenarioHandler: Handler<'scenarios:delete'> = async (input, ctx) => {
  const deleted = deleteScenario(ctx.store, input.name);
  if (deleted) ctx.emit({ event: 'data:changed', payload: { what: 'scenarios' } });
  return { deleted };
};
