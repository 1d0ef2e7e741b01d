/** Saved scenarios, unique by name. */
import { z } from 'zod';
import type { Bilingual } from '../model/messages.js';
import { parseScenario, type Scenario } from '../model/scenario.js';
import type { Store } from './open-store.js';
import { allRows, oneRow } from './sql-rows.js';
import { StoreError, storeIssues } from './store-errors.js';

export interface SavedScenario {
  readonly id: number;
  readonly scenario: Scenario;
  readonly updatedAt: string;
}

const scenarioRowSchema = z.strictObject({ id: z.number().int(), scenario: z.string(), updated_at: z.string() });

/** Through the scenario schema again: a saved scenario from another build may not fit this one's rules. */
export function storedScenario(text: string, what: Bilingual): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new StoreError(storeIssues.corrupt(what));
  }
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new StoreError(storeIssues.corrupt(what));
  return parsed.scenario;
}

/** Saves under the scenario's name, replacing a scenario of that name. */
export function saveScenario(store: Store, scenario: Scenario): SavedScenario {
  const updatedAt = store.now().toISOString();
  const id = z
    .number()
    .int()
    .parse(
      store.db
        .prepare('INSERT INTO scenarios (name, scenario, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET scenario = excluded.scenario, updated_at = excluded.updated_at RETURNING id')
        .pluck()
        .get(scenario.name, JSON.stringify(scenario), updatedAt),
    );
  return { id, scenario, updatedAt };
}

export function findScenario(store: Store, name: string): SavedScenario | null {
  const row = oneRow(store.db.prepare('SELECT id, scenario, updated_at FROM scenarios WHERE name = ?'), scenarioRowSchema, 'scenarios', name);
  return row === undefined ? null : { id: row.id, scenario: storedScenario(row.scenario, { zh: `方案 #${row.id}`, en: `scenario #${row.id}` }), updatedAt: row.updated_at };
}

export function listScenarios(store: Store): SavedScenario[] {
  return allRows(store.db.prepare('SELECT id, scenario, updated_at FROM scenarios ORDER BY name'), scenarioRowSchema, 'scenarios').map((row) => ({
    id: row.id,
    scenario: storedScenario(row.scenario, { zh: `方案 #${row.id}`, en: `scenario #${row.id}` }),
    updatedAt: row.updated_at,
  }));
}

/** Deletes the scenario; its runs stay, holding the scenario as it was run. Returns whether it existed. */
export function deleteScenario(store: Store, name: string): boolean {
  return store.db.prepare('DELETE FROM scenarios WHERE name = ?').run(name).changes > 0;
}
