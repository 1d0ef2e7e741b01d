// @vitest-environment jsdom
/** The datasets store's flow with a fake service: preview → fix a column → validate → import. */
import { describe, expect, it } from 'vitest';
import type { ImportView, SheetPreview, ValidationView } from '../../../core/service/contract';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { dataSummary, mappingsOf, useDatasetsStore } from '../../../renderer/src/stores/datasets-store';
import { testClient } from '../app/fake-client';
import '../app/reset';

const HEADER = ['Cust No', '账期', '应收费用'];

function preview(fields: Record<string, string | null>): SheetPreview {
  const known = new Set(Object.values(fields));
  return { file: '/in/usage.csv', kind: known.has('customer_id') ? 'usage' : 'unknown', headerRow: 1, header: HEADER, fields, rows: [['0001', '2026-09', '58.00']] };
}

const clean: ValidationView = { errorCount: 0, warningCount: 0, problems: [], problemsOmitted: 0, files: [] };
const imported: ImportView = {
  id: 7,
  importedAt: '2026-10-08T09:00:00Z',
  appVersion: '0.1.0',
  months: ['2026-09'],
  factRows: 1,
  customers: 1,
  pools: 0,
  participants: 0,
  warnings: [],
  datasets: [{ id: 1, file: '/in/usage.csv', sheet: null, kind: 'usage', rows: 1, sha256: 'f'.repeat(64) }],
};

describe('datasets store', () => {
  it('previews, takes a fixed column into every later call, validates, imports and saves the mapping', async () => {
    let list: ImportView[] = [];
    const client = testClient({
      'datasets:preview': ({ mappings = [] }) => [preview({ 'Cust No': null, 账期: 'month', 应收费用: 'billed_revenue', ...mappings[0]?.fields })],
      'datasets:validate': ({ mappings = [] }) =>
        mappings.length === 0 ? { ...clean, errorCount: 1, problems: [{ severity: 'error', code: 'table.column_missing', file: '/in/usage.csv', zh: '缺少列：用户编号', en: 'Missing column: customer_id' }] } : clean,
      'datasets:import': () => {
        list = [imported];
        return { status: 'imported', imported, report: clean, skipped: [] };
      },
      'mappings:save': ({ mapping }) => ({ signature: mapping.headers.join('|') }),
      'datasets:list': () => list,
    });
    bindServiceClient(client);
    const store = () => useDatasetsStore.getState();

    await store().addPaths(['/in/usage.csv']);
    expect(client.callsOf('datasets:preview')).toEqual([{ paths: ['/in/usage.csv'], mappings: [] }]);
    expect(store().previews[0]?.kind).toBe('unknown');

    await store().validate();
    expect(store().report?.errorCount).toBe(1);

    const sheet = store().previews[0];
    if (sheet === undefined) throw new Error('no preview');
    await store().setColumnField(sheet, 'Cust No', 'customer_id');
    const mapping = { headers: HEADER, fields: { 'Cust No': 'customer_id', 账期: 'month', 应收费用: 'billed_revenue' } };
    expect(client.callsOf('datasets:preview')[1]).toEqual({ paths: ['/in/usage.csv'], mappings: [mapping] });
    expect(store().previews[0]?.kind).toBe('usage');
    // A change of mapping makes the earlier report stale.
    expect(store().report).toBeNull();

    await store().validate();
    expect(client.callsOf('datasets:validate')[1]).toEqual({ paths: ['/in/usage.csv'], mappings: [mapping], sumDuplicates: false });
    expect(store().report?.errorCount).toBe(0);

    store().setSumDuplicates(true);
    await store().validate();
    await store().importFiles();
    const [call] = client.callsOf('datasets:import');
    expect(call).toMatchObject({ paths: ['/in/usage.csv'], mappings: [mapping], sumDuplicates: true, replace: false });
    expect(call?.jobId).toMatch(/^datasets:import-/);
    expect(client.callsOf('mappings:save')).toEqual([{ mapping }]);

    expect(store().outcome?.status).toBe('imported');
    expect(store().paths).toEqual([]);
    expect(store().imports).toEqual([imported]);
    expect(store().busy).toBeNull();
  });

  it('keeps the files and shows the report when the import is refused as invalid', async () => {
    const report: ValidationView = { ...clean, errorCount: 1, problems: [{ severity: 'error', code: 'cell.empty', file: '/in/usage.csv', row: 3, column: '账期', zh: '必填单元格为空', en: 'A required cell is empty' }] };
    const client = testClient({ 'datasets:preview': () => [preview({ 'Cust No': 'customer_id' })], 'datasets:import': () => ({ status: 'invalid', report }) });
    bindServiceClient(client);
    await useDatasetsStore.getState().addPaths(['/in/usage.csv']);
    await useDatasetsStore.getState().importFiles();
    const state = useDatasetsStore.getState();
    expect(state.outcome?.status).toBe('invalid');
    expect(state.report).toBe(report);
    expect(state.paths).toEqual(['/in/usage.csv']);
    expect(client.callsOf('mappings:save')).toEqual([]);
  });

  it('exports the problem report to the chosen target and delivers it; a cancelled dialog writes nothing', async () => {
    const client = testClient({ 'datasets:preview': () => [], 'datasets:exportReport': ({ target }) => ({ path: target }) });
    bindServiceClient(client);
    await useDatasetsStore.getState().addPaths(['/in/usage.csv']);
    await useDatasetsStore.getState().exportReport('en');
    expect(client.callsOf('datasets:exportReport')).toEqual([{ paths: ['/in/usage.csv'], target: '/out/validation-report.xlsx', lang: 'en', mappings: [] }]);
    expect(client.delivered).toEqual(['/out/validation-report.xlsx']);

    const cancelled = testClient({ 'datasets:exportReport': ({ target }) => ({ path: target }) }, { saveTarget: null });
    bindServiceClient(cancelled);
    await useDatasetsStore.getState().exportReport('zh');
    expect(cancelled.callsOf('datasets:exportReport')).toEqual([]);
  });

  it('deletes an import and reloads the list', async () => {
    let list = [imported];
    const client = testClient({
      'datasets:delete': () => {
        list = [];
        return imported;
      },
      'datasets:list': () => list,
    });
    bindServiceClient(client);
    await useDatasetsStore.getState().refresh();
    expect(useDatasetsStore.getState().imports).toHaveLength(1);
    await useDatasetsStore.getState().deleteImport(7);
    expect(client.callsOf('datasets:delete')).toEqual([{ importId: 7 }]);
    expect(useDatasetsStore.getState().imports).toEqual([]);
  });

  it('sends no mapping for sheets nobody fixed', () => {
    expect(mappingsOf({ previews: [preview({ 'Cust No': 'customer_id' })], fixes: {} })).toEqual([]);
  });

  it('summarises the loaded months and the largest import', () => {
    expect(dataSummary([imported, { ...imported, id: 8, months: ['2026-07', '2026-08'], customers: 20 }])).toEqual({ months: ['2026-07', '2026-08', '2026-09'], customers: 20 });
  });
});
