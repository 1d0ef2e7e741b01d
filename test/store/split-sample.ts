/** Writes a generated sample province as CSV and splits its files by month into separate folders. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSampleCsv } from '../../core/sample/write-sample-csv.js';

/** Which column holds the month a row belongs to, per sample file. */
const MONTH_COLUMN: Readonly<Record<string, number>> = {
  'usage.csv': 1,
  'settlement.csv': 1,
  'individual_costs.csv': 1,
  'credit.csv': 1,
  'cost_pools.csv': 1,
  'campaigns.csv': 2,
};

/** Writes the sample into dir/all, then each group of months into dir/part-1, dir/part-2, … */
export async function writeSplitSample(dir: string, customers: number, groups: readonly (readonly string[])[]): Promise<{ all: string; parts: string[] }> {
  const all = join(dir, 'all');
  await writeSampleCsv(all, { customers, months: groups.flat().length, endMonth: groups.flat().at(-1) as string });
  const parts = groups.map((months, g) => {
    const part = join(dir, `part-${g + 1}`);
    mkdirSync(part, { recursive: true });
    for (const file of readdirSync(all)) {
      const [header, ...lines] = readFileSync(join(all, file), 'utf8').trimEnd().split('\n');
      const column = MONTH_COLUMN[file] as number;
      const kept = lines.filter((line) => months.includes(line.split(',')[column] as string));
      writeFileSync(join(part, file), `${[header, ...kept].join('\n')}\n`);
    }
    return part;
  });
  return { all, parts };
}
