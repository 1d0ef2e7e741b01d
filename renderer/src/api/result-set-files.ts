/**
 * Which of the files a user chose in the web shell belong to a results set, so only those are
 * uploaded: customers.csv, aggregates_<grouping>.csv, reconciliation.csv and the scenario's JSON.
 * A `cvalue run --out-dir` folder also holds customer_months.csv (months × customers rows, often
 * the largest file) and summary/warnings/breakpoints JSON files; the service takes the first
 * JSON it is given as the scenario, so those must not reach it.
 */
import type { GroupingName } from '../../../core/service/contract.js';

const GROUPINGS = Object.keys({ plan: true, brand: true, branch: true, channel: true, segment: true, tier: true } satisfies Record<GroupingName, true>);
const TABLES = new Set(['customers.csv', 'reconciliation.csv', ...GROUPINGS.map((g) => `aggregates_${g}.csv`)]);
/** JSON files `cvalue run --out-dir` writes beside scenario.json that are never a scenario. */
const RUN_JSON = new Set(['summary.json', 'warnings.json', 'breakpoints.json', 'comparison.json']);

function isScenarioName(lower: string): boolean {
  return lower === 'scenario.json' || lower.endsWith('.scenario.json');
}

export function resultSetUploads<F extends { readonly name: string }>(files: readonly F[]): { upload: F[]; skipped: string[] } {
  const lower = (f: F): string => f.name.toLowerCase();
  const tables = files.filter((f) => TABLES.has(lower(f)));
  const jsons = files.filter((f) => lower(f).endsWith('.json') && !RUN_JSON.has(lower(f)));
  // A file named as a scenario wins; otherwise every other JSON goes, and the service names the extras.
  const named = jsons.find((f) => isScenarioName(lower(f)));
  const scenarios = named === undefined ? jsons : [named];
  const upload = [...scenarios, ...tables];
  return { upload, skipped: files.filter((f) => !upload.includes(f)).map((f) => f.name) };
}
