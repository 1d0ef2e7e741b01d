/**
 * Numeric columns are stored in their compact form (32-bit whole numbers or fen, issue 7) and
 * merged across imports that disagree on the form without changing a value.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeNumbers } from '../../core/model/number-column.js';
import { importFiles } from '../../core/store/import-files.js';
import { loadModelInput } from '../../core/store/load-model-input.js';
import { tempDir } from '../support/paths.js';
import { memoryStore } from './store-fixtures.js';

const dir = tempDir('store-number-forms');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, csv: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'usage.csv'), csv);
  return path;
}

function storedNames(store: ReturnType<typeof memoryStore>): string[] {
  return store.db.prepare("SELECT DISTINCT name FROM fact_columns WHERE name LIKE 'number.billed_revenue%' OR name LIKE 'number.minutes%' ORDER BY name").pluck().all() as string[];
}

describe('numeric fact columns in the knowledge base', () => {
  it('are stored as whole numbers and fen when exact, and load back unchanged', async () => {
    const store = memoryStore();
    await importFiles(store, [folder('july', 'customer_id,month,billed_revenue,minutes\n001,2026-07,58.5,120\n002,2026-07,0.29,7\n')]);
    expect(storedNames(store)).toEqual(['number.billed_revenue:fen', 'number.minutes:int']);
    const { facts } = loadModelInput(store);
    expect(facts.numbers.billed_revenue.values).toBeInstanceOf(Int32Array);
    expect(Array.from(decodeNumbers(facts.numbers.billed_revenue))).toEqual([58.5, 0.29]);
    expect(Array.from(decodeNumbers(facts.numbers.minutes))).toEqual([120, 7]);
    store.close();
  });

  it('widen to doubles when two imports disagree on the form, keeping every value', async () => {
    const store = memoryStore();
    await importFiles(store, [folder('aug', 'customer_id,month,billed_revenue,minutes\n001,2026-08,58.5,120\n')]);
    await importFiles(store, [folder('sep', 'customer_id,month,billed_revenue,minutes\n001,2026-09,10.125,30\n002,2026-09,3,1.5\n')]);
    // billed: fen then doubles (10.125); minutes: whole then fen (1.5).
    expect(storedNames(store)).toEqual(['number.billed_revenue', 'number.billed_revenue:fen', 'number.minutes:fen', 'number.minutes:int']);
    const { facts } = loadModelInput(store);
    expect(facts.numbers.billed_revenue.values).toBeInstanceOf(Float64Array);
    expect(Array.from(decodeNumbers(facts.numbers.billed_revenue))).toEqual([58.5, 10.125, 3]);
    expect(Array.from(decodeNumbers(facts.numbers.minutes))).toEqual([120, 30, 1.5]);
    store.close();
  });
});
