/** Runs: the scenario as it was run, the month and the summary of the results. */
import { z } from 'zod';
import { isMonthKey } from '../model/month.js';
import type { Scenario } from '../model/scenario.js';
import type { Store } from './open-store.js';
import { storedScenario } from './scenarios.js';
import { allRows } from './sql-rows.js';
import { parseStoredJson, runSummarySchema, type RunSummary } from './stored-json.js';

export interface RunRecord {
  readonly id: number;
  /** The saved scenario it was run with, null when that has been deleted (or was never saved). */
  readonly scenarioId: number | null;
  readonly scenario: Scenario;
  readonly month: string;
  readonly createdAt: string;
  readonly summary: RunSummary;
}

export function recordRun(store: Store, run: { readonly scenarioId: number | null; readonly scenario: Scenario; readonly month: string; readonly summary: RunSummary }): RunRecord {
  const createdAt = store.now().toISOString();
  const result = store.db
    .prepare('INSERT INTO runs (scenario_id, scenario, month, created_at, summary) VALUES (?, ?, ?, ?, ?)')
    .run(run.scenarioId, JSON.stringify(run.scenario), run.month, createdAt, JSON.stringify(run.summary));
  return { id: Number(result.lastInsertRowid), ...run, createdAt };
}

const runRowSchema = z.strictObject({
  id: z.number().int(),
  scenario_id: z.number().int().nullable(),
  scenario: z.string(),
  month: z.string().refine(isMonthKey),
  created_at: z.string(),
  summary: z.string(),
});

/** Runs, newest first. */
export function listRuns(store: Store): RunRecord[] {
  return allRows(store.db.prepare('SELECT id, scenario_id, scenario, month, created_at, summary FROM runs ORDER BY id DESC'), runRowSchema, 'runs').map((row) => ({
    id: row.id,
    scenarioId: row.scenario_id,
    scenario: storedScenario(row.scenario, { zh: `运行 #${row.id} 的方案`, en: `scenario of run #${row.id}` }),
    month: row.month,
    createdAt: row.created_at,
    summary: parseStoredJson(row.summary, runSummarySchema, { zh: `运行 #${row.id} 的摘要`, en: `summary of run #${row.id}` }),
  }));
}
